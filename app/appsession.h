#pragma once

#include "models/common/result.h"
#include "sync/proxysettings.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QSettings;

namespace jl::models {
class Database;
class InstrumentStore;
} // namespace jl::models

namespace jl::sync {
class Reachability;
class SecretBackend;
class SyncController;
class SyncService;
class TokenProvider;
} // namespace jl::sync

namespace jl::ui {
class Dialogs;
class MainWindow;
class ScreenContext;
class ScreenRegistry;
} // namespace jl::ui

namespace jl::app {

// The signed-in account's server and tokens: with them the session runs the sync engine.
struct SyncSetup {
    QUrl server;
    sync::TokenProvider *tokens = nullptr; // the account's AuthSession; outlives the session
};

struct SessionOptions {
    QString dataDir;   // holds the database and the settings; created when missing
    bool demo = false; // fill an empty database with demo data
    // The program's settings (AccountStart's jiliang.ini: sync interval, proxy, default
    // server), outliving the session; null: the session's own settings.ini holds them.
    QSettings *programSettings = nullptr;
    // Where the proxy password is kept; null: the OS keychain (made when first needed).
    sync::SecretBackend *secrets = nullptr;
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
    // For a signed-in account: the session makes and owns its SyncController (the engine on
    // a thread of its own, over HttpRemote with `setup.tokens`), wires it to the screens —
    // local edits start a sync after a pause, synced changes refresh every list — and starts
    // it (a first run now, then every few minutes).
    static models::Result<std::unique_ptr<AppSession>>
    open(const SessionOptions &options, ui::Dialogs &dialogs, const SyncSetup &setup);
    ~AppSession();

    // The per-user folder (AppLocalDataLocation); demo data lives in its demo/ subfolder.
    static QString defaultDataDir();
    static QString databasePath(const QString &dataDir);

    ui::MainWindow &window() const { return *m_window; }
    ui::ScreenContext &context() const { return *m_context; }
    const ui::ScreenRegistry &registry() const { return *m_registry; }
    models::Database &database() const { return *m_database; }
    QSettings &settings() const { return *m_settings; }
    // Sync interval, proxy and (with AccountStart) the default server: what 设置 edits.
    QSettings &programSettings() const
    {
        return m_programSettings ? *m_programSettings : *m_settings;
    }
    QString dataDir() const { return m_dataDir; }
    // The account's sync, or null (no account).
    sync::SyncService *syncService() const;

    // Tells the user what happened while opening: a damaged database moved aside (a
    // message box), demo data made (the status bar). Call once the window is shown.
    void tellStartupNotices();
    // 设置: the settings dialog; on 确定 the running sync takes the new interval and proxy.
    void showSettings();

private:
    explicit AppSession(ui::Dialogs &dialogs);
    static models::Result<std::unique_ptr<AppSession>> open(const SessionOptions &options,
                                                            ui::Dialogs &dialogs,
                                                            sync::SyncService *sync,
                                                            const SyncSetup *setup);
    models::Status fillDemo();
    void startSync(const SyncSetup &setup);
    sync::SecretBackend &secrets();
    // The saved proxy, its password from the keychain when a manual proxy names a user.
    sync::ProxySettings proxyWithPassword(sync::ProxySettings proxy);

    ui::Dialogs &m_dialogs;
    QString m_dataDir;
    QString m_movedAside;
    QString m_demoSummary;
    // Declared in construction order; destroyed in reverse (window first).
    std::unique_ptr<models::Database> m_database;
    std::unique_ptr<models::InstrumentStore> m_store;
    std::unique_ptr<QSettings> m_settings;
    QSettings *m_programSettings = nullptr;
    sync::SecretBackend *m_secrets = nullptr;
    std::unique_ptr<sync::SecretBackend> m_ownSecrets;
    // Before the screens and the window, which point at it; the reachability outlives it.
    std::unique_ptr<sync::Reachability> m_reachability;
    std::unique_ptr<sync::SyncController> m_syncController;
    bool m_applyingSync = false;
    std::unique_ptr<ui::ScreenContext> m_context;
    std::unique_ptr<ui::ScreenRegistry> m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace jl::app
