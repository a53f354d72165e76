#pragma once

#include "server/auth/authenticator.h"
#include "server/core/options.h"
#include "server/core/serverstate.h"
#include "server/core/services.h"
#include "server/http/dispatcher.h"
#include "server/http/ratelimiter.h"
#include "server/http/router.h"
#include "server/storage/connectionpool.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <vector>

namespace jl::server {

class HttpFrontend;

// Base of the endpoint groups: each registers its routes on the router.
class Endpoints {
public:
    virtual ~Endpoints() = default;
    virtual void addRoutes(Router &router) = 0;
};

// Wires one server instance: worker pool, a connection per worker, routes, HTTP frontend.
class Server final {
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(const Options &options, DatabaseConfig config);
    ~Server();

    Router &router() { return m_router; }
    Services services() { return Services{m_db, m_state, m_options.settings}; }
    ConnectionPool &db() { return m_db; }

    // Runs the migrations on this thread's connection.
    Done prepareDatabase();
    // Listens; returns the port.
    Outcome<quint16> listen();

private:
    Options m_options;
    ConnectionPool m_db;
    ServerState m_state;
    Authenticator m_authenticator;
    RateLimiter m_limiter;
    Router m_router;
    Dispatcher m_dispatcher;
    std::vector<std::unique_ptr<Endpoints>> m_endpoints;
    std::unique_ptr<QThreadPool> m_workers;
    std::unique_ptr<HttpFrontend> m_frontend;
    std::unique_ptr<QTimer> m_maintenance;

    void runMaintenance();
};

} // namespace jl::server
