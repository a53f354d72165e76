#pragma once

#include "models/reference/divisions.h"
#include "models/reference/instrumentcategories.h"

#include <QObject>
#include <QString>
#include <QVariantMap>

class QSettings;
class QUndoStack;

namespace jl::models {
class Database;
class InstrumentStore;
} // namespace jl::models

namespace jl::sync {
class SyncService;
} // namespace jl::sync

namespace jl::ui {

class Dialogs;

// What every screen works with: the store, the dialog seam, the settings, the shared undo
// history and the reference data, handed to each screen by its factory. It also carries the
// two events that cross screens: "data changed" (every list and count refreshes, the status
// bar recounts unsynced changes) and "open that screen" (a home card opens a filtered list).
class ScreenContext final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenContext)

public:
    ScreenContext(models::Database &database, models::InstrumentStore &instruments,
                  Dialogs &dialogs, QSettings &settings, QObject *parent = nullptr);
    ~ScreenContext() override;

    models::Database &database() const { return m_database; }
    models::InstrumentStore &instruments() const { return m_instruments; }
    Dialogs &dialogs() const { return m_dialogs; }
    QSettings &settings() const { return m_settings; }
    // Batch edits and moves to history; undone with Ctrl+Z until sync sends them.
    QUndoStack *undoStack() const { return m_undoStack; }

    // The signed-in account's sync, or null (no account: demo, screenshots). Set once, before
    // the screens are made.
    sync::SyncService *syncService() const { return m_syncService; }
    void setSyncService(sync::SyncService *service) { m_syncService = service; }
    // Who is named in the audit trail.
    QString actor() const;

    const models::Divisions &divisions() const { return m_divisions; }
    const models::InstrumentCategories &categories() const { return m_categories; }

public Q_SLOTS:
    // Call after every write.
    void notifyDataChanged();
    void openScreen(const QString &id, const QVariantMap &arguments = {});

Q_SIGNALS:
    void dataChanged();
    void openRequested(const QString &id, const QVariantMap &arguments);

private:
    models::Database &m_database;
    models::InstrumentStore &m_instruments;
    Dialogs &m_dialogs;
    QSettings &m_settings;
    QUndoStack *m_undoStack = nullptr;
    sync::SyncService *m_syncService = nullptr;
    models::Divisions m_divisions;
    models::InstrumentCategories m_categories;
};

} // namespace jl::ui
