#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace jl::models {
class Database;
class InstrumentStore;
} // namespace jl::models

namespace jl::sync {
class SyncService;
}

namespace jl::ui {
class Dialogs;
class MainWindow;
class ScreenContext;
class ScreenRegistry;
} // namespace jl::ui

namespace jl::app {

struct SessionOptions {
    QString dataDir;   // holds the database and the settings; created when missing
    bool demo = false; // fill an empty database with demo data
};

// Everything one run of the program works with, wired together and torn down in the right
// order: database, store, settings, screen context and registry, and the main window. The
// program, the screenshot run and the GUI tests all start the same way, through open().
class AppSession final {
    Q_DECLARE_TR_FUNCTIONS(AppSession)
    Q_DISABLE_COPY_MOVE(AppSession)

public:
    // `sync`: a sync service made by the caller (GUI tests play the engine); null: none, the
    // window says 未登录.
    static models::Result<std::unique_ptr<AppSession>>
    open(const SessionOptions &options, ui::Dialogs &dialogs, sync::SyncService *sync = nullptr);
    ~AppSession();

    // The per-user folder (AppLocalDataLocation); demo data lives in its demo/ subfolder.
    static QString defaultDataDir();
    static QString databasePath(const QString &dataDir);

    ui::MainWindow &window() const { return *m_window; }
    ui::ScreenContext &context() const { return *m_context; }
    const ui::ScreenRegistry &registry() const { return *m_registry; }
    models::Database &database() const { return *m_database; }
    QSettings &settings() const { return *m_settings; }
    QString dataDir() const { return m_dataDir; }

    // Tells the user what happened while opening: a damaged database moved aside (a
    // message box), demo data made (the status bar). Call once the window is shown.
    void tellStartupNotices();

private:
    explicit AppSession(ui::Dialogs &dialogs);
    models::Status fillDemo();

    ui::Dialogs &m_dialogs;
    QString m_dataDir;
    QString m_movedAside;
    QString m_demoSummary;
    // Declared in construction order; destroyed in reverse (window first).
    std::unique_ptr<models::Database> m_database;
    std::unique_ptr<models::InstrumentStore> m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ui::ScreenContext> m_context;
    std::unique_ptr<ui::ScreenRegistry> m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace jl::app
