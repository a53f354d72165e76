#include "server/core/server.h"

#include "server/admin/adminendpoints.h"
#include "server/admin/maintenance.h"
#include "server/api/batchendpoint.h"
#include "server/api/changesendpoint.h"
#include "server/api/fileendpoints.h"
#include "server/api/recordendpoints.h"
#include "server/api/referenceendpoints.h"
#include "server/api/systemendpoints.h"
#include "server/auth/oauthendpoints.h"
#include "server/core/log.h"
#include "server/http/httpfrontend.h"
#include "server/storage/migrations.h"

#include <QtConcurrent/QtConcurrentRun>

namespace jl::server {

Server::Server(const Options &options, DatabaseConfig config)
    : m_options(options)
    , m_db(std::move(config))
    , m_authenticator(m_db)
    , m_limiter(options.settings.rateLimitPerSecond, options.settings.rateLimitBurst)
    , m_dispatcher(m_router, m_authenticator, m_limiter, m_state, m_options.settings)
    , m_workers(std::make_unique<QThreadPool>())
{
    m_workers->setMaxThreadCount(m_options.settings.workerThreads);
    // Workers live as long as the server, and so do their database connections.
    m_workers->setExpiryTimeout(-1);

    const Services s = services();
    m_endpoints.push_back(std::make_unique<SystemEndpoints>(s));
    m_endpoints.push_back(std::make_unique<OAuthEndpoints>(s));
    m_endpoints.push_back(std::make_unique<RecordEndpoints>(s));
    m_endpoints.push_back(std::make_unique<ChangesEndpoint>(s));
    m_endpoints.push_back(std::make_unique<BatchEndpoint>(s));
    m_endpoints.push_back(std::make_unique<ReferenceEndpoints>(s));
    m_endpoints.push_back(std::make_unique<FileEndpoints>(s));
    m_endpoints.push_back(std::make_unique<AdminEndpoints>(s));
    for (const auto &e : m_endpoints)
        e->addRoutes(m_router);
}

Server::~Server()
{
    m_maintenance.reset();
    m_frontend.reset();
    // Ending the workers closes their connections before the pool goes.
    m_workers->waitForDone();
    m_workers.reset();
}

Done Server::prepareDatabase()
{
    auto db = m_db.local();
    if (!db)
        return db.error();
    if (Done d = Migrations::run(**db); !d)
        return d;
    if (m_options.settings.testPlainSequence) {
        if (!(*db)->isPostgres())
            return ApiError::internal(QStringLiteral("--test-plain-sequence needs PostgreSQL"));
        if (Done d = (*db)->execRaw(QStringLiteral("CREATE SEQUENCE IF NOT EXISTS "
                                                   "jl_test_plain_seq"));
            !d)
            return d;
    }
    if (auto s = m_state.get(**db); !s)
        return s.error();
    return {};
}

Outcome<quint16> Server::listen()
{
    m_frontend = std::make_unique<HttpFrontend>(
        [this](Request &request) { return m_dispatcher.handle(request); }, m_workers.get(),
        m_options.settings.maxBodyBytes);
    QString error;
    const quint16 port = m_frontend->start(m_options.address, m_options.port, &error);
    if (port == 0)
        return ApiError::internal(QStringLiteral("cannot listen on %1:%2: %3")
                                      .arg(m_options.address.toString())
                                      .arg(m_options.port)
                                      .arg(error));
    // Hourly housekeeping, on a worker so that requests never wait for it.
    m_maintenance = std::make_unique<QTimer>();
    m_maintenance->setInterval(3600 * 1000);
    QObject::connect(m_maintenance.get(), &QTimer::timeout, m_maintenance.get(),
                     [this] { runMaintenance(); });
    m_maintenance->start();
    runMaintenance();
    return port;
}

void Server::runMaintenance()
{
    (void)QtConcurrent::run(m_workers.get(), [this] {
        auto db = m_db.local();
        if (!db)
            return;
        constexpr int TombstoneDays = 180;
        auto tombstones = Maintenance::purgeTombstones(**db, TombstoneDays);
        auto expired = Maintenance::purgeExpired(**db);
        if (!tombstones || !expired)
            qCWarning(lcServer) << "maintenance failed:"
                                << (tombstones ? expired.error().log : tombstones.error().log);
    });
}

} // namespace jl::server
