#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace jl::sync {

// What the status bar, the 同步状态 screen and the first-run dialog show. The engine fills it;
// the UI only reads it (issue 4: online / offline / syncing with progress / last synced /
// pending N / failed M / conflicts K).
struct SyncStatus {
    enum class Connectivity { Unknown, Online, Offline };
    enum class Phase {
        Idle,
        Pushing,
        Pulling,
        Resyncing,       // 410 or a new epoch: everything downloaded again, nothing local lost
        WaitingForUser,  // the mass-delete guard asks (sync.md §7)
        NeedsLogin,      // refresh token expired or revoked: the outbox is kept
        UpgradeRequired, // 426: the server needs a newer client
    };

    Connectivity connectivity = Connectivity::Unknown;
    Phase phase = Phase::Idle;
    qint64 done = 0;        // records pushed or pulled in this run
    qint64 total = -1;      // -1 when unknown
    QDateTime lastSyncedAt; // UTC; invalid before the first complete sync
    int pending = 0;        // outbox entries waiting
    int failed = 0;         // outbox entries rejected by the server
    int conflicts = 0;      // conflict rows waiting for the user
    QString lastError;      // a sentence fit for the user, empty when the last run went well

    bool busy() const
    {
        return phase == Phase::Pushing || phase == Phase::Pulling || phase == Phase::Resyncing;
    }
};

} // namespace jl::sync

Q_DECLARE_METATYPE(jl::sync::SyncStatus)
