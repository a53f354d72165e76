#pragma once

#include "sync/syncstatus.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace jl::models {
class Database;
}
namespace jl::sync {
class SyncService;
}

namespace jl::ui {

// The sync part of the status bar (ui.md "Main window"): online / offline / syncing n/m,
// the last sync time, and — when there are any — the refused changes and the conflicts as
// buttons that open 同步状态 and 冲突. With no service (no account) it says 未登录.
class SyncIndicator final : public QWidget {
    Q_OBJECT

public:
    SyncIndicator(models::Database &db, sync::SyncService *service, QWidget *parent = nullptr);

    QString stateText() const;
    QString lastSyncedText() const;
    QToolButton *failedButton() const { return m_failed; }
    QToolButton *conflictsButton() const { return m_conflicts; }

public Q_SLOTS:
    void setStatus(const jl::sync::SyncStatus &status);
    // Re-reads the refused and conflict counts from the database.
    void refreshCounts();

Q_SIGNALS:
    void openRequested(const QString &screenId);

private:
    models::Database &m_db;
    QPointer<sync::SyncService> m_service;
    QLabel *m_state = nullptr;
    QLabel *m_lastSynced = nullptr;
    QToolButton *m_failed = nullptr;
    QToolButton *m_conflicts = nullptr;
};

} // namespace jl::ui
