#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QVariantMap>

class QAction;
class QLabel;
class QSplitter;

namespace jl::sync {
class SyncService;
struct SyncStatus;
} // namespace jl::sync

namespace jl::ui {

class NavigationTree;
class Screen;
class ScreenContext;
class ScreenRegistry;
class ScreenTabs;
class SyncIndicator;

// The frame every screen lives in (ui.md "Main window"): the navigation on the left, the
// screens as tabs in the centre, and the status bar with the count of local changes not
// yet synced. Screens come from the registry; the window knows none of them by name.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    // `sync` is the signed-in account's; null without an account (demo, screenshots).
    MainWindow(const ScreenRegistry &registry, ScreenContext &context,
               sync::SyncService *sync = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the screen, or switches to it when it is open; applies `arguments` either way.
    Screen *openScreen(const QString &id, const QVariantMap &arguments = {});
    QString currentScreenId() const;
    Screen *currentScreen() const;

    ScreenTabs *tabs() const { return m_tabs; }
    NavigationTree *navigation() const { return m_navigation; }
    QString pendingText() const;
    QString connectionText() const;
    SyncIndicator *syncIndicator() const { return m_syncIndicator; }
    QAction *syncNowAction() const { return m_syncNow; }
    QAction *rebuildCacheAction() const { return m_rebuildCache; }
    QAction *settingsAction() const { return m_settings; }

    // Window geometry, splitter and open tabs, from the settings. The pinned screens are
    // opened even when nothing was saved.
    void restoreSession();
    void saveSession() const;

public Q_SLOTS:
    void refreshStatus();
    void showHelp();
    // F5: asks the account's sync to run now; without an account, says so.
    void syncNow();
    // 重建本地缓存: asks first, then downloads everything again with the progress dialog (the
    // unsynced changes are kept and sent). Without an account, says so.
    void rebuildCache();

Q_SIGNALS:
    // 设置 (Ctrl+,): the session opens the settings dialog, which needs what only it holds
    // (the program's settings, the keychain, the running sync).
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void currentTabChanged(int index);
    void connectSync();
    void askMassDelete(const QString &collection, int count, int total);

    const ScreenRegistry &m_registry;
    ScreenContext &m_context;
    QSplitter *m_splitter = nullptr;
    NavigationTree *m_navigation = nullptr;
    ScreenTabs *m_tabs = nullptr;
    QLabel *m_pending = nullptr;
    sync::SyncService *m_sync = nullptr;
    SyncIndicator *m_syncIndicator = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_rebuildCache = nullptr;
    QAction *m_settings = nullptr;
};

} // namespace jl::ui
