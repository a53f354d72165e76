#pragma once

#include "server/http/principal.h"
#include "server/http/request.h"
#include "server/http/response.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace jl::server {

// Who may call a route. Checked by the dispatcher before the handler runs.
enum class Access { Public, Enterprise, Admin };

using Handler = std::function<Response(const Request &, const Principal &)>;

struct Route {
    QByteArray method;
    QString pattern; // OpenAPI style: /api/v1/instruments/{id}
    Access access = Access::Public;
    Handler handler;
    QStringList segments;
};

// The route table: matching by method and path segments, {name} capturing one segment.
// Kept by us rather than by QHttpServer so that a wrong method can answer 405 with Allow,
// and the table can be printed and checked against docs/api/openapi.yaml.
class Router final {
public:
    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);

    struct Match {
        const Route *route = nullptr;
        QHash<QString, QString> args;
        QList<QByteArray> allowed; // methods of the routes whose path matched
    };
    Match match(const QByteArray &method, const QString &path) const;

    // "GET /api/v1/changes" lines, sorted.
    QStringList table() const;

private:
    QList<Route> m_routes;
};

} // namespace jl::server
