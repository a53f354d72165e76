#pragma once

#include "server/auth/tokenservice.h"
#include "server/core/server.h"

#include <QHash>
#include <QMutex>

namespace jl::server {

// /oauth/authorize (the login page and its form), /oauth/token, /oauth/revoke.
class OAuthEndpoints final : public Endpoints {
public:
    explicit OAuthEndpoints(Services services);
    void addRoutes(Router &router) override;

private:
    Response showForm(const Request &request);
    Response submitForm(const Request &request);
    Response token(const Request &request);
    Response revoke(const Request &request);
    // Failed logins per code, in this instance's memory: after MaxFailures in the window the
    // code is locked for the rest of it. Returns the seconds to wait, 0 if not locked.
    int lockedFor(const QString &uscc);
    void recordFailure(const QString &uscc);

    Services m_services;
    TokenService m_tokens;
    QMutex m_mutex;
    struct Failures {
        int count = 0;
        qint64 windowStartMs = 0;
    };
    QHash<QString, Failures> m_failures;
};

} // namespace jl::server
