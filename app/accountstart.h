#pragma once

#include "sync/accountregistry.h"
#include "sync/authsession.h"
#include "sync/loginflow.h"
#include "sync/tokenstore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSettings>

#include <memory>
#include <optional>

class QWidget;

namespace jl::ui {
class Dialogs;
}

namespace jl::app {

class AppSession;
class SingleInstance;

// The normal start, without --data-dir or --demo (domain.md §8, issue 4): the last account
// opens from its own cache at once, network or not; with none, the start screen and the
// browser login come first. Each account has its own folder (accounts/<uscc>/ under the base
// folder) with its own database. After the window opens: the keychain notice when tokens
// stay in memory, and the liaison prompt while the enterprise has none. The account menu
// switches accounts and logs out by closing this session and opening the next.
class AccountStart final : public QObject {
    Q_OBJECT

public:
    AccountStart(QString baseDir, ui::Dialogs &dialogs,
                 std::unique_ptr<sync::TokenStore> tokens = nullptr, QObject *parent = nullptr);
    ~AccountStart() override;

    // Runs the program until the user quits; returns the exit code.
    int run(SingleInstance &instance);

    // Settings of the program as a whole (accounts, default server, link addresses), beside
    // the accounts' folders; never a token.
    static QString settingsPath(const QString &baseDir);

    sync::AccountRegistry &registry() { return m_registry; }
    sync::TokenStore &tokens() { return *m_tokens; }
    // The signed-in account's tokens: the TokenProvider of the sync engine. Null before an
    // account is open.
    sync::AuthSession *auth() const { return m_auth.get(); }
    std::optional<sync::AccountInfo> currentAccount() const { return m_current; }

    // For tests: the browser, and how long a login may take.
    void setBrowserOpener(sync::LoginFlow::BrowserOpener opener) { m_opener = std::move(opener); }
    void setLoginTimeout(int ms) { m_loginTimeoutMs = ms; }

    // The start screen: the login in the browser. On success the account is remembered, its
    // tokens stored, and it becomes the current one. nullopt when the user closed it.
    std::optional<sync::AccountInfo> login(QWidget *parent, const QString &notice = {});
    // After the refresh token expired (SyncService::loginRequired): the start screen for this
    // account's server; the new tokens go into auth(). False when cancelled or another
    // enterprise logged in.
    bool loginAgain(QWidget *parent);
    // Opens the account: its AuthSession (tokens from the keychain) and its folder.
    QString openAccount(const sync::AccountInfo &account);
    // The account menu, the keychain notice and (later in the event loop) the liaison prompt.
    void attach(AppSession &session);
    // 完善联络人员信息 when the enterprise has no liaison; true when one exists afterwards.
    bool askForLiaisonIfMissing(AppSession &session);
    // Once the window is up. After the login of an account with no synced data yet
    // (`firstSync`), the first download with its progress dialog comes first (the liaison
    // may arrive with it), then the liaison prompt.
    void welcome(AppSession &session, bool firstSync);
    // Whether the account's database has never finished a sync.
    static bool neverSynced(AppSession &session);
    void editLiaison(AppSession &session);
    // 退出登录: warns about unsynced changes, asks whether to keep the local data; false
    // when the user changed their mind.
    bool logout(AppSession &session);

Q_SIGNALS:
    // A session is open and shown (the sync wiring and tests hook in here).
    void sessionOpened(jl::app::AppSession &session);

private:
    enum class Next { Quit, OpenAccount, StartScreen };
    static constexpr int RestartCode = 0x4a4c;
    void restartWith(Next next, std::optional<sync::AccountInfo> account = std::nullopt);

    QString m_baseDir;
    ui::Dialogs &m_dialogs;
    QSettings m_settings;
    sync::AccountRegistry m_registry;
    std::unique_ptr<sync::TokenStore> m_tokens;
    QNetworkAccessManager m_network;
    sync::LoginFlow::BrowserOpener m_opener;
    int m_loginTimeoutMs = sync::LoginFlow::DefaultTimeoutMs;
    std::unique_ptr<sync::AuthSession> m_auth;
    std::optional<sync::AccountInfo> m_current;
    Next m_next = Next::Quit;
    std::optional<sync::AccountInfo> m_nextAccount;
    QString m_deleteAfterClose; // an account folder to remove once its database is closed
    bool m_toldKeychain = false;
    bool m_loggingInAgain = false;
};

} // namespace jl::app
