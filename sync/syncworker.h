#pragma once

#include "sync/syncengine.h"
#include "sync/syncstatus.h"

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace jl::models {
class Database;
}

namespace jl::sync {

class CollectionRegistry;
class RemoteApi;

// Lives on the controller's worker thread and owns what a run needs there: its own database
// connection, the QNetworkAccessManager (a manager belongs to the thread that made it), the
// RemoteApi and the engine. Made on first use, on that thread.
class SyncWorker final : public QObject {
    Q_OBJECT

public:
    using RemoteFactory = std::function<std::unique_ptr<RemoteApi>(QNetworkAccessManager &)>;

    SyncWorker(QString databasePath, RemoteFactory remote, SyncOptions options);
    ~SyncWorker() override;
    Q_DISABLE_COPY_MOVE(SyncWorker)

    // Any thread: stops the running run at its next page or batch boundary.
    void cancel();

public Q_SLOTS:
    void run(bool approveMassDelete);
    // The same run with SyncEngine::requestRebuild() first (重建本地缓存).
    void rebuild(bool approveMassDelete);
    // Applies `setup` (the proxy) to the network manager, now and whenever it is made.
    void setNetworkSetup(const std::function<void(QNetworkAccessManager &)> &setup);
    // Counts for the status bar without a run (at start, after local edits).
    void refreshStatus();

Q_SIGNALS:
    void progress(const jl::sync::SyncStatus &status);
    void finished(int result, const QString &message, const QString &massDeleteCollection,
                  int massDeleteCount, int massDeleteTotal, bool changedLocalData,
                  const jl::sync::SyncStatus &status);

private:
    bool ensureReady(QString &error);
    void runEngine(bool approveMassDelete, bool rebuild);

    QString m_databasePath;
    RemoteFactory m_remoteFactory;
    std::function<void(QNetworkAccessManager &)> m_networkSetup;
    SyncOptions m_options;
    std::unique_ptr<models::Database> m_db;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<RemoteApi> m_remote;
    std::unique_ptr<CollectionRegistry> m_collections;
    QMutex m_engineMutex; // guards m_engine against cancel() from the UI thread
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace jl::sync
