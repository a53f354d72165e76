#pragma once

#include "sync/syncengine.h"
#include "sync/syncservice.h"
#include "sync/syncworker.h"

#include <QPointer>
#include <QThread>
#include <QTimer>

namespace jl::sync {

class Reachability;

// The SyncService the application owns per signed-in account. Runs the engine on a worker
// thread of its own, so the UI thread never waits: at start, every N minutes (QSettings
// sync/intervalMinutes, default 5), when the network comes back, a few seconds after local
// edits, and on F5. One run at a time; a request during a run makes exactly one more.
class SyncController final : public SyncService {
    Q_OBJECT

public:
    struct Options {
        QString databasePath;
        SyncWorker::RemoteFactory remote; // makes the RemoteApi on the worker thread
        SyncOptions engine;
        int debounceMs = 3000;
        int intervalMinutes = -1; // -1: from QSettings sync/intervalMinutes (default 5)
    };

    static QString intervalSettingsKey();

    explicit SyncController(Options options, QObject *parent = nullptr);
    ~SyncController() override;
    Q_DISABLE_COPY_MOVE(SyncController)

    // Syncs on regaining the network and shows online / offline from it.
    void setReachability(Reachability *reachability);
    // The first run and the timer.
    void start();

    SyncStatus status() const override { return m_status; }
    bool isRunning() const { return m_running; }
    // The timer's period; setIntervalMinutes applies a new one at once (the settings dialog).
    int intervalMinutes() const { return m_interval.interval() / 60000; }
    void setIntervalMinutes(int minutes);
    // Runs on the worker thread for its network manager, now and when it is made: a proxy
    // changed in the settings applies from the next request.
    void setNetworkSetup(std::function<void(QNetworkAccessManager &)> setup);

public Q_SLOTS:
    void requestSync() override;
    void cancel() override;
    void confirmMassDelete(bool apply) override;
    void requestRebuild() override;
    // Connect ScreenContext::dataChanged here: a sync follows the last edit after a pause.
    void localDataChanged();

Q_SIGNALS:
    void runRequested(bool approveMassDelete);     // to the worker
    void rebuildRequested(bool approveMassDelete); // to the worker

private:
    void onProgress(const SyncStatus &status);
    void onFinished(int result, const QString &message, const QString &collection, int count,
                    int total, bool changed, const SyncStatus &status);
    void onlineChanged(bool online);
    void publish();

    Options m_options;
    QThread m_thread;
    SyncWorker *m_worker = nullptr; // lives on m_thread; deleted when it finishes
    QTimer m_interval;
    QTimer m_debounce;
    QPointer<Reachability> m_reachability;
    SyncStatus m_status;
    bool m_running = false;
    bool m_again = false;
    bool m_approveNext = false;
    bool m_rebuildNext = false;
    bool m_rebuildRunning = false;
};

} // namespace jl::sync
