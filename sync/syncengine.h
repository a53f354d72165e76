#pragma once

#include "models/common/result.h"
#include "models/store/outbox.h"
#include "sync/remoteapi.h"
#include "sync/syncstatus.h"

#include <QCoreApplication>
#include <QHash>

#include <atomic>
#include <functional>

namespace jl::models {
class Database;
}

namespace jl::sync {

class CollectionRegistry;
class SyncCollection;
struct SyncedRecord;

struct SyncOptions {
    int pageSize = 1000;
    // sync.md §7: more than this share and more than this many of a collection's records.
    int massDeletePercent = 20;
    int massDeleteMinimum = 50;
    // sync.md §12: exponential backoff with jitter between these bounds.
    int backoffBaseSeconds = 15;
    int backoffMaxSeconds = 3600;
};

// One sync run on the calling thread (sync.md): push the outbox in order, then pull the
// changes feed, with every rule of the protocol. It owns no thread and no connection: the
// controller gives it a Database of its own (WAL lets the UI's connection go on) and a
// RemoteApi. The engine never names a collection; CollectionRegistry maps names to tables.
class SyncEngine final {
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    enum class Result {
        Done,            // pushed and pulled everything there was
        Incomplete,      // the network or the server failed: entries wait for their next try
        Cancelled,       // stopped at a page or batch boundary; the next run resumes
        NeedsLogin,      // outbox intact
        UpgradeRequired, // message names the version the server wants
        WaitingForUser,  // mass-delete guard: confirm with approveMassDelete() and run again
        Failed,          // the local database failed: nothing half-written, message says why
    };
    struct Outcome {
        Result result = Result::Done;
        QString message; // for the user; empty when done
        QString massDeleteCollection;
        int massDeleteCount = 0;
        int massDeleteTotal = 0;
    };

    SyncEngine(models::Database &db, RemoteApi &remote, const CollectionRegistry &collections,
               SyncOptions options = {});
    ~SyncEngine();

    Outcome run();
    // Any thread: the run stops at the next page or batch boundary.
    void cancel();
    // The next run applies the deletions the guard held back (once).
    void approveMassDelete() { m_massDeleteApproved = true; }
    // 重建本地缓存: the next run (once) pushes the outbox as usual, then downloads everything
    // again through the shadow resync instead of the changes feed, rewriting every record the
    // outbox does not hold. Queued edits stay and are still pushed; a local record the server
    // no longer has is removed only when no outbox entry waits for it (mass-delete guard
    // included). A cancelled rebuild leaves the cache as it was.
    void requestRebuild() { m_rebuildRequested = true; }
    // Called on the engine's thread whenever the phase or the progress moves.
    void setProgressHandler(std::function<void(const SyncStatus &)> handler)
    {
        m_progress = std::move(handler);
    }
    // The counts and times from the tables (pending, failed, conflicts, last synced).
    SyncStatus status();
    // Whether the last run changed local records (lists and counts re-read).
    bool changedLocalData() const { return m_changed; }

    // Meta keys, for tests and the crash harness.
    static QString cursorKey();
    static QString epochKey();
    static QString lastSyncedKey();

private:
    friend class SyncEngineTest;

    enum class Step { Continue, Stop };

    // Push (syncpush.cpp).
    Step push(Outcome &outcome);
    models::Result<QList<models::OutboxEntry>> nextBatch();
    models::Status acknowledge(const QList<std::pair<models::OutboxEntry, PushResult>> &answered);
    models::Status acknowledgeOne(const models::OutboxEntry &entry, const PushResult &result);
    models::Status acknowledgeGone(const models::OutboxEntry &entry);
    models::Status merge(const models::OutboxEntry &entry, const PushResult &result);
    models::Status reject(const models::OutboxEntry &entry, const QString &message);
    models::Status backOff(const models::OutboxEntry &entry, const QString &message,
                           int retryAfterSeconds, bool countAttempt);
    models::Status asCreate(const models::OutboxEntry &entry);
    bool handleRemoteError(const RemoteError &error, Outcome &outcome);

    // Pull (syncpull.cpp).
    Step pull(Outcome &outcome);
    models::Status applyPage(const ChangesPage &page);
    bool guardHolds(const ChangesPage &page, Outcome &outcome);
    Step resync(bool newEpoch, Outcome &outcome);
    models::Status swapIn(bool newEpoch, const QString &cursor, const QString &epoch,
                          Outcome &outcome, bool &held);

    // Attachments (syncattachments.cpp, sync.md §16).
    Step uploadAttachments(QList<models::OutboxEntry> &batch, Outcome &outcome);
    models::Status noteAttachments(const ChangesPage &page);
    void fetchAttachments();
    // Commands (synccommands.cpp, sync.md §13).
    models::Status rebaseCommand(const models::OutboxEntry &entry, const PushResult &result);

    // Shared (syncengine.cpp).
    models::Result<QSet<QString>> queuedRecords(const QString &collection, const QStringList &ids);
    models::Status recordConflict(const QString &collection, const QString &id,
                                  const QStringList &fields, const QJsonObject &mine,
                                  const QJsonObject &theirs, const QJsonObject &base,
                                  qint64 serverRev, bool serverDeleted, bool localDeleted);
    void report(SyncStatus::Phase phase, qint64 done, qint64 total);
    bool cancelled() const { return m_cancelled.load(); }

    models::Database &m_db;
    RemoteApi &m_remote;
    const CollectionRegistry &m_collections;
    SyncOptions m_options;
    std::atomic<bool> m_cancelled{false};
    bool m_massDeleteApproved = false;
    bool m_rebuildRequested = false;
    bool m_rebuilding = false; // this run's resync rewrites records at the same revision too
    bool m_queuedMore = false; // a merge or resync queued entries: push once more
    bool m_changed = false;
    QHash<QString, int> m_deletedThisRun; // the guard counts across the pages of a run
    QHash<QString, int> m_countAtStart;
    std::function<void(const SyncStatus &)> m_progress;
};

// The server's record from a push result body (the Record object, or a problem with the
// record under "current").
SyncedRecord recordFromBody(const QString &id, const QJsonObject &body);

} // namespace jl::sync
