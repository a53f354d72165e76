#pragma once

#include "sync/syncstatus.h"

#include <QCoreApplication>
#include <QString>

namespace jl::models {
class Database;
}

namespace jl::ui {

// What the local database says needs the user: changes waiting, refused by the server, and
// records in conflict. Read from the tables, so it is right even before the engine reports.
struct SyncCounts {
    int pending = 0;
    int failed = 0;
    int conflicts = 0;
    bool ok = true;
};

// The words for a sync state, shared by the status bar and the 同步状态 screen.
class SyncStatusText final {
    Q_DECLARE_TR_FUNCTIONS(SyncStatusText)

public:
    static SyncCounts counts(models::Database &db);

    // 未登录 without a service; else online / offline / syncing n/m / waiting for the user …
    static QString state(const sync::SyncStatus *status);
    // 上次同步 yyyy-MM-dd HH:mm:ss, or that no sync has finished yet.
    static QString lastSynced(const sync::SyncStatus &status);
    static QString failed(int count);
    static QString conflicts(int count);
    static QString pending(int count);
    // One line: state, last synced, pending, failed, conflicts, and the last error.
    static QString summary(const sync::SyncStatus *status, const SyncCounts &counts);
    // Said when F5 is pressed with no account.
    static QString notSignedIn();
};

} // namespace jl::ui
