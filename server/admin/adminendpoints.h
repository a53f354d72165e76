#pragma once

#include "server/core/outcome.h"
#include "server/core/server.h"

#include <QJsonObject>

#include <functional>

namespace jl::server {

// /api/v1/admin/…: the regulator's and institutions' side over HTTP, behind the admin
// credential (an enterprise token gets 403). The same operations as `jiliang-server admin`.
// Later issues add their workflows with addAction().
class AdminEndpoints final : public Endpoints {
public:
    explicit AdminEndpoints(Services services)
        : m_services(services)
    {}
    void addRoutes(Router &router) override;

    using Action = std::function<Outcome<QJsonObject>(const Request &)>;
    // Registers an admin route whose action answers a JSON object (`status` on success).
    static void addAction(Router &router, const QByteArray &method, const QString &path, int status,
                          Action action);

private:
    Services m_services;
};

} // namespace jl::server
