#include "sync/syncworker.h"

#include "models/store/database.h"
#include "sync/collections/collectionregistry.h"
#include "sync/remoteapi.h"

#include <QMutexLocker>
#include <QNetworkAccessManager>

namespace jl::sync {

SyncWorker::SyncWorker(QString databasePath, RemoteFactory remote, SyncOptions options)
    : m_databasePath(std::move(databasePath))
    , m_remoteFactory(std::move(remote))
    , m_options(options)
{}

SyncWorker::~SyncWorker()
{
    QMutexLocker lock(&m_engineMutex);
    m_engine.reset();
    m_remote.reset();
    m_nam.reset();
    m_db.reset();
}

void SyncWorker::cancel()
{
    QMutexLocker lock(&m_engineMutex);
    if (m_engine)
        m_engine->cancel();
}

bool SyncWorker::ensureReady(QString &error)
{
    if (m_engine)
        return true;
    auto db = models::Database::open(m_databasePath);
    if (!db) {
        error = db.error().message;
        return false;
    }
    m_db = std::move(db).value();
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_remote = m_remoteFactory(*m_nam);
    if (m_networkSetup)
        m_networkSetup(*m_nam);
    if (!m_remote) {
        error = tr("No server is set up for this account.");
        return false;
    }
    m_collections = CollectionRegistry::builtIn();
    auto engine = std::make_unique<SyncEngine>(*m_db, *m_remote, *m_collections, m_options);
    engine->setProgressHandler([this](const SyncStatus &s) { Q_EMIT progress(s); });
    QMutexLocker lock(&m_engineMutex);
    m_engine = std::move(engine);
    return true;
}

void SyncWorker::run(bool approveMassDelete)
{
    runEngine(approveMassDelete, false);
}

void SyncWorker::rebuild(bool approveMassDelete)
{
    runEngine(approveMassDelete, true);
}

void SyncWorker::setNetworkSetup(const std::function<void(QNetworkAccessManager &)> &setup)
{
    m_networkSetup = setup;
    if (m_nam && setup)
        setup(*m_nam);
}

void SyncWorker::runEngine(bool approveMassDelete, bool rebuild)
{
    QString error;
    if (!ensureReady(error)) {
        Q_EMIT finished(int(SyncEngine::Result::Failed), error, {}, 0, 0, false, SyncStatus{});
        return;
    }
    if (approveMassDelete)
        m_engine->approveMassDelete();
    if (rebuild)
        m_engine->requestRebuild();
    const SyncEngine::Outcome out = m_engine->run();
    Q_EMIT finished(int(out.result), out.message, out.massDeleteCollection, out.massDeleteCount,
                    out.massDeleteTotal, m_engine->changedLocalData(), m_engine->status());
}

void SyncWorker::refreshStatus()
{
    QString error;
    if (ensureReady(error))
        Q_EMIT progress(m_engine->status());
}

} // namespace jl::sync
