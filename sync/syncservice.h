#pragma once

#include "sync/syncstatus.h"

#include <QObject>

namespace jl::sync {

// The seam between the sync engine (which runs off the UI thread) and the screens. The
// application owns one per signed-in account; the status bar, 同步状态, 冲突 and F5 talk to
// it only through this interface.
class SyncService : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~SyncService() override = default;

    virtual SyncStatus status() const = 0;

public Q_SLOTS:
    // F5, the timer, regaining the network and (debounced) local edits all end here; a
    // request while a run is going makes one more run afterwards, never two at once.
    virtual void requestSync() = 0;
    // Stops the current run at the next page or batch boundary; the next run resumes.
    virtual void cancel() = 0;
    // The answer to massDeleteRequested: true applies the deletions, false keeps the local
    // records and stops the run.
    virtual void confirmMassDelete(bool apply) = 0;
    // 重建本地缓存: one run that pushes the outbox, then downloads everything again while
    // keeping the queued edits (SyncEngine::requestRebuild). During a run: right after it.
    virtual void requestRebuild() = 0;

Q_SIGNALS:
    void statusChanged(const jl::sync::SyncStatus &status);
    // Local records changed because of sync: lists, counts and badges re-read.
    void dataChanged();
    // sync.md §7: this run would delete `count` of `total` local records of `collection`.
    void massDeleteRequested(const QString &collection, int count, int total);
    // The refresh token is gone: the user has to log in again (the outbox is intact).
    void loginRequired();
    // A run begins and ends; `result` is a SyncEngine::Result. A request during a run starts
    // the next one after runFinished (the progress dialog waits for the run it asked for).
    void runStarted();
    void runFinished(int result);
};

} // namespace jl::sync
