#include "app/accountstart.h"

#include "app/appsession.h"
#include "app/singleinstance.h"
#include "models/common/logging.h"
#include "models/store/contactstore.h"
#include "models/store/database.h"
#include "models/store/outbox.h"
#include "sync/syncengine.h"
#include "sync/syncservice.h"
#include "ui/account/accountmenu.h"
#include "ui/account/liaisondialog.h"
#include "ui/account/startscreen.h"
#include "ui/common/dialogs.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/sync/initialsyncdialog.h"

#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QScopedValueRollback>
#include <QStatusBar>
#include <QTimer>

namespace jl::app {

namespace {
constexpr int NoticeMs = 30000;
}

AccountStart::AccountStart(QString baseDir, ui::Dialogs &dialogs,
                           std::unique_ptr<sync::TokenStore> tokens, QObject *parent)
    : QObject(parent)
    , m_baseDir(std::move(baseDir))
    , m_dialogs(dialogs)
    , m_settings(settingsPath(m_baseDir), QSettings::IniFormat)
    , m_registry(m_settings)
    , m_tokens(tokens ? std::move(tokens) : std::make_unique<sync::TokenStore>())
{}

AccountStart::~AccountStart() = default;

QString AccountStart::settingsPath(const QString &baseDir)
{
    return QDir(baseDir).filePath(QStringLiteral("jiliang.ini"));
}

std::optional<sync::AccountInfo> AccountStart::login(QWidget *parent, const QString &notice)
{
    const QUrl server = m_current ? m_current->server : m_registry.defaultServer();
    ui::StartScreen screen(m_network, m_settings, server, parent);
    if (m_opener)
        screen.setBrowserOpener(m_opener);
    screen.setLoginTimeout(m_loginTimeoutMs);
    screen.setNotice(notice);
    if (screen.exec() != QDialog::Accepted || !screen.result())
        return std::nullopt;
    const sync::LoginResult result = *screen.result();
    const sync::AccountInfo account{result.uscc, result.enterpriseName, screen.server()};
    m_registry.remember(account);
    m_registry.setDefaultServer(account.server);
    openAccount(account);
    m_auth->setTokens(result.tokens);
    return m_registry.find(account.uscc, account.server);
}

bool AccountStart::loginAgain(QWidget *parent)
{
    // Every sync run until then says loginRequired again: one start screen at a time.
    if (!m_current || m_loggingInAgain)
        return false;
    const QScopedValueRollback<bool> busy(m_loggingInAgain, true);
    const sync::AccountInfo current = *m_current;
    ui::StartScreen screen(m_network, m_settings, current.server, parent);
    if (m_opener)
        screen.setBrowserOpener(m_opener);
    screen.setLoginTimeout(m_loginTimeoutMs);
    screen.setNotice(tr("Your login has expired. Log in again to sync; your unsynced changes "
                        "are kept."));
    if (screen.exec() != QDialog::Accepted || !screen.result())
        return false;
    if (screen.result()->uscc.compare(current.uscc, Qt::CaseInsensitive) != 0) {
        m_dialogs.warning(parent, tr("Another enterprise"),
                          tr("You logged in as %1, but this window belongs to %2. Use 切换账号 "
                             "in the account menu to work with another enterprise.")
                              .arg(screen.result()->enterpriseName, current.enterpriseName));
        return false;
    }
    m_auth->setTokens(screen.result()->tokens);
    return true;
}

QString AccountStart::openAccount(const sync::AccountInfo &account)
{
    m_current = account;
    m_auth = std::make_unique<sync::AuthSession>(*m_tokens, account.uscc, account.server);
    // Offline start: no network here; without tokens the window still opens from the cache
    // and the first sync asks for a login.
    m_auth->load();
    m_registry.setLastAccount(account);
    return sync::AccountRegistry::dataDir(m_baseDir, account.uscc);
}

void AccountStart::attach(AppSession &session)
{
    ui::MainWindow &window = session.window();
    const sync::AccountInfo account = m_current.value_or(sync::AccountInfo{});
    auto *menu = new ui::AccountMenu(account, m_registry.accounts(), window.menuBar());
    window.menuBar()->setCornerWidget(menu, Qt::TopRightCorner);
    connect(menu, &ui::AccountMenu::editContactRequested, this,
            [this, &session] { editLiaison(session); });
    connect(menu, &ui::AccountMenu::switchRequested, this,
            [this](const sync::AccountInfo &a) { restartWith(Next::OpenAccount, a); });
    connect(menu, &ui::AccountMenu::addAccountRequested, this,
            [this] { restartWith(Next::StartScreen); });
    connect(menu, &ui::AccountMenu::logoutRequested, this, [this, &session] {
        if (logout(session))
            restartWith(Next::StartScreen);
    });
    if (m_tokens->inMemoryOnly() && !m_toldKeychain) {
        m_toldKeychain = true;
        window.statusBar()->showMessage(m_tokens->notice(), NoticeMs);
        m_dialogs.warning(&window, tr("No system keychain"), m_tokens->notice());
    }
}

bool AccountStart::askForLiaisonIfMissing(AppSession &session)
{
    models::ContactStore contacts(session.database(), m_current ? m_current->uscc : QString());
    const auto liaison = contacts.liaison();
    if (!liaison) {
        qCWarning(models::lcApp) << "liaison not readable:" << liaison.error().detail;
        return false;
    }
    if (liaison.value())
        return true;
    ui::LiaisonDialog dialog(contacts, &session.window());
    return dialog.exec() == QDialog::Accepted;
}

bool AccountStart::neverSynced(AppSession &session)
{
    return session.database().meta(sync::SyncEngine::lastSyncedKey()).isEmpty();
}

void AccountStart::welcome(AppSession &session, bool firstSync)
{
    if (firstSync) {
        if (sync::SyncService *service = session.syncService()) {
            ui::InitialSyncDialog dialog(*service, ui::InitialSyncDialog::Mode::FirstSync,
                                         &session.window());
            dialog.start();
            dialog.exec();
            if (dialog.outcome() == ui::InitialSyncDialog::Outcome::Cancelled)
                session.window().statusBar()->showMessage(
                    tr("First sync cancelled: the next sync goes on from where it stopped."),
                    NoticeMs);
        }
    }
    // After the window is up: asked at every start until filled (取消 allowed).
    askForLiaisonIfMissing(session);
}

void AccountStart::editLiaison(AppSession &session)
{
    models::ContactStore contacts(session.database(), m_current ? m_current->uscc : QString());
    ui::LiaisonDialog dialog(contacts, &session.window());
    dialog.exec();
}

bool AccountStart::logout(AppSession &session)
{
    const auto pending = models::pendingOutboxCount(session.database());
    if (pending && pending.value() > 0 &&
        m_dialogs.question(&session.window(), tr("Unsynced changes"),
                           tr("%n change(s) have not reached the server yet. They stay on this "
                              "computer only if you keep the local data. Log out anyway?",
                              nullptr, pending.value()),
                           QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    const QMessageBox::StandardButton keep = m_dialogs.question(
        &session.window(), tr("Keep local data?"),
        tr("Keep this enterprise's data on this computer? Yes keeps it for the next login; No "
           "deletes the local database and files of this account."),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
    if (keep == QMessageBox::Cancel)
        return false;
    if (m_auth)
        m_auth->logout(); // revoked on the server when reachable; deleted here either way
    if (m_current) {
        if (keep == QMessageBox::No) {
            m_deleteAfterClose = sync::AccountRegistry::dataDir(m_baseDir, m_current->uscc);
            m_registry.forget(m_current->uscc, m_current->server);
        }
        m_registry.clearLastAccount();
    }
    return true;
}

void AccountStart::restartWith(Next next, std::optional<sync::AccountInfo> account)
{
    m_next = next;
    m_nextAccount = std::move(account);
    QCoreApplication::exit(RestartCode);
}

int AccountStart::run(SingleInstance &instance)
{
    std::optional<sync::AccountInfo> account = m_registry.lastAccount();
    Next next = account ? Next::OpenAccount : Next::StartScreen;
    for (;;) {
        QString dataDir;
        if (next == Next::StartScreen) {
            m_current.reset();
            m_auth.reset();
            account = login(nullptr);
            if (!account)
                return 0;
            dataDir = sync::AccountRegistry::dataDir(m_baseDir, account->uscc);
        } else {
            dataDir = openAccount(*account);
        }
        // The account's sync runs over its AuthSession (the TokenProvider of the engine).
        auto session = AppSession::open({dataDir, false, &m_settings}, m_dialogs,
                                        SyncSetup{account->server, m_auth.get()});
        if (!session) {
            m_dialogs.critical(nullptr, tr("Cannot open the account"), session.error().message);
            return 1;
        }
        ui::MainWindow &window = session.value()->window();
        QMetaObject::Connection activation =
            connect(&instance, &SingleInstance::activationRequested, &window, [&window] {
                if (window.isMinimized())
                    window.showNormal();
                window.show();
                window.raise();
                window.activateWindow();
            });
        attach(*session.value());
        if (sync::SyncService *service = session.value()->syncService()) {
            // The refresh token expired or was revoked: log in again, the outbox waits.
            connect(service, &sync::SyncService::loginRequired, &window, [this, service, &window] {
                if (loginAgain(&window))
                    service->requestSync();
            });
        }
        window.show();
        session.value()->tellStartupNotices();
        Q_EMIT sessionOpened(*session.value());
        // A new login with nothing synced yet: the first download, then the liaison.
        const bool firstSync = next == Next::StartScreen && neverSynced(*session.value());
        QTimer::singleShot(
            0, &window, [this, s = session.value().get(), firstSync] { welcome(*s, firstSync); });

        m_next = Next::Quit;
        const int code = QApplication::exec();
        disconnect(activation);
        session.value().reset();
        m_auth.reset();
        if (!m_deleteAfterClose.isEmpty()) {
            // Only the account's own folder, never the base folder.
            if (!QDir(m_deleteAfterClose).removeRecursively())
                qCWarning(models::lcApp) << "could not remove all of" << m_deleteAfterClose;
            m_deleteAfterClose.clear();
        }
        if (code != RestartCode || m_next == Next::Quit)
            return code;
        next = m_next;
        if (next == Next::OpenAccount)
            account = m_nextAccount;
    }
}

} // namespace jl::app
