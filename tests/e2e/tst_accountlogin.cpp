// The normal start against jiliang-server on loopback, the test as the user: the start screen
// logs in through the browser, the account gets its own folder and database, the liaison
// prompt saves a contact (record + outbox) and sync sends it with the login's tokens, the
// account reopens offline from its cache, and 退出登录 revokes the login. Then the secrets
// check: no token in any byte of the database, settings or log files after login and sync
// (with every debug category on).
#include "app/accountstart.h"
#include "app/appsession.h"
#include "e2e/loginhelpers.h"
#include "models/common/logging.h"
#include "models/store/contactstore.h"
#include "models/store/outbox.h"
#include "sync/syncservice.h"
#include "ui/account/liaisondialog.h"
#include "ui/account/startscreen.h"
#include "ui/common/scripteddialogs.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

using namespace jl;
using namespace jl::servertest;
using jl::e2etest::MemorySecrets;
using jl::e2etest::playBrowser;

class TestAccountLogin final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loginOpensTheAccountAndAsksForTheLiaison();
    void noTokenInAnyFile();

private:
    // Plays the browser for every login page the program opens.
    void playEveryLogin(app::AccountStart &start)
    {
        start.setBrowserOpener([this](const QUrl &url) {
            QTimer::singleShot(0, this, [this, url] { playBrowser(url, m_account); });
            return true;
        });
    }
    // Clicks 政务服务网登录（法人） on the next start screen.
    void clickLogin()
    {
        QTimer::singleShot(0, this, [] {
            auto *screen = qobject_cast<ui::StartScreen *>(QApplication::activeModalWidget());
            if (!screen) {
                qWarning() << "no start screen";
                return;
            }
            screen->loginButton()->click();
        });
    }
    // Answers the next modal liaison prompt.
    void answerLiaison(const QString &name, const QString &phone, bool ok)
    {
        QTimer::singleShot(0, this, [name, phone, ok] {
            auto *dialog = qobject_cast<ui::LiaisonDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                qWarning() << "no liaison prompt";
                return;
            }
            dialog->nameEdit()->setText(name);
            dialog->phoneEdit()->setText(phone);
            (ok ? dialog->okButton() : dialog->cancelButton())->click();
        });
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ServerProcess> m_server;
    Account m_account;
    QTemporaryDir m_base;
    QHash<QString, QByteArray> m_secrets;
    QStringList m_tokensSeen;
};

void TestAccountLogin::initTestCase()
{
    // Everything Qt and we would log, into the log file the secrets check reads.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    QVERIFY(models::installFileLogging(QDir(m_base.path()).filePath(QStringLiteral("logs"))));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Kind::Sqlite);
    QVERIFY(m_db->isValid());
    m_account = createAccount(m_db->url(), 7, QStringLiteral("浙江测试计量有限公司"));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_db->url()));
}

void TestAccountLogin::cleanupTestCase()
{
    models::uninstallFileLogging();
    QLoggingCategory::setFilterRules(QString());
    if (m_server)
        QVERIFY(m_server->stop());
}

void TestAccountLogin::loginOpensTheAccountAndAsksForTheLiaison()
{
    ui::ScriptedDialogs dialogs;
    const QUrl server(m_server->base());
    QString dataDir;
    {
        app::AccountStart start(
            m_base.path(), dialogs,
            std::make_unique<sync::TokenStore>(std::make_unique<MemorySecrets>(&m_secrets)));
        start.registry().setDefaultServer(server);
        playEveryLogin(start);
        clickLogin();
        const auto account = start.login(nullptr);
        QVERIFY(account);
        QCOMPARE(account->uscc, m_account.uscc);
        QCOMPARE(account->enterpriseName, QStringLiteral("浙江测试计量有限公司"));
        QCOMPARE(start.registry().lastAccount()->uscc, m_account.uscc);
        QVERIFY(start.auth());
        QVERIFY(start.auth()->hasTokens());
        const sync::TokenPair tokens =
            start.tokens().read(sync::TokenStore::accountKey(account->uscc, server));
        QVERIFY(!tokens.accessToken.isEmpty());
        m_tokensSeen << tokens.accessToken << tokens.refreshToken;
        QCOMPARE(m_secrets.size(), 1); // in the (test's) keychain

        dataDir = sync::AccountRegistry::dataDir(m_base.path(), account->uscc);
        // With the account's sync: the engine's TokenProvider is the AuthSession.
        auto session =
            app::AppSession::open({dataDir, false}, dialogs, app::SyncSetup{server, start.auth()});
        QVERIFY2(session.ok(), session ? "" : qPrintable(session.error().message));
        QVERIFY(session.value()->syncService());
        QVERIFY(QFile::exists(app::AppSession::databasePath(dataDir)));
        start.attach(*session.value());
        auto *menu = session.value()->window().menuBar()->cornerWidget(Qt::TopRightCorner);
        QVERIFY(menu);
        QCOMPARE(qobject_cast<QToolButton *>(menu)->text(), QStringLiteral("浙江测试计量有限公司"));

        // No liaison yet: asked; 取消 leaves it empty, and it is asked again.
        answerLiaison(QStringLiteral("王五"), QStringLiteral("13455556666"), false);
        QVERIFY(!start.askForLiaisonIfMissing(*session.value()));
        answerLiaison(QStringLiteral("王五"), QStringLiteral("123"), true); // refused inline
        QTimer::singleShot(50, this, [] {
            if (auto *d = qobject_cast<ui::LiaisonDialog *>(QApplication::activeModalWidget())) {
                QVERIFY(d->errorLabel()->isVisible());
                d->phoneEdit()->setText(QStringLiteral("13455556666"));
                d->okButton()->click();
            }
        });
        QVERIFY(start.askForLiaisonIfMissing(*session.value()));
        models::ContactStore contacts(session.value()->database(), QString());
        QCOMPARE(contacts.liaison().value()->name, QStringLiteral("王五"));
        QCOMPARE(models::pendingOutboxCount(session.value()->database()).value(), 1);
        // Filled: not asked again.
        QVERIFY(start.askForLiaisonIfMissing(*session.value()));

        // The liaison reaches the server through sync, with the tokens of the login.
        session.value()->syncService()->requestSync();
        QTRY_COMPARE_WITH_TIMEOUT(models::pendingOutboxCount(session.value()->database()).value(),
                                  0, 60000);
        Http http(m_server->base());
        http.setToken(start.auth()->accessToken());
        const Reply contactsOnServer = http.get(QStringLiteral("/api/v1/contacts"));
        QCOMPARE(contactsOnServer.status, 200);
        QVERIFY(QString::fromUtf8(contactsOnServer.body).contains(QStringLiteral("王五")));

        // An expired login (SyncService::loginRequired): the start screen for this account,
        // new tokens into the same AuthSession.
        const QString before = start.auth()->accessToken();
        clickLogin();
        QVERIFY(start.loginAgain(&session.value()->window()));
        QVERIFY(start.auth()->accessToken() != before);
        const sync::TokenPair again =
            start.tokens().read(sync::TokenStore::accountKey(account->uscc, server));
        QCOMPARE(again.accessToken, start.auth()->accessToken());
        m_tokensSeen << again.accessToken << again.refreshToken;
    }
    {
        // The next start: the last account opens from its cache, without any network.
        app::AccountStart start(
            m_base.path(), dialogs,
            std::make_unique<sync::TokenStore>(std::make_unique<MemorySecrets>(&m_secrets)));
        const auto last = start.registry().lastAccount();
        QVERIFY(last);
        QCOMPARE(start.openAccount(sync::AccountInfo{last->uscc, last->enterpriseName,
                                                     QUrl(QStringLiteral("http://127.0.0.1:1"))}),
                 dataDir);
        QVERIFY(start.openAccount(*last) == dataDir);
        QVERIFY(start.auth()->hasTokens()); // read back from the keychain
        auto session = app::AppSession::open({dataDir, false}, dialogs);
        QVERIFY(session.ok());
        models::ContactStore contacts(session.value()->database(), QString());
        QCOMPARE(contacts.liaison().value()->name, QStringLiteral("王五")); // from the cache

        // 退出登录 with an unsynced change: warned, then asked whether to keep the data.
        QVERIFY(contacts.saveLiaison(QStringLiteral("赵六"), QStringLiteral("13800001111")));
        dialogs.clear();
        dialogs.answerQuestion(QMessageBox::Yes); // log out anyway
        dialogs.answerQuestion(QMessageBox::Yes); // keep the local data
        QVERIFY(start.logout(*session.value()));
        QCOMPARE(dialogs.count(ui::ScriptedDialogs::Kind::Question), 2);
        QVERIFY(dialogs.requests().first().text.contains(QLatin1String("1")));
        QVERIFY(m_secrets.isEmpty());
        QVERIFY(!start.registry().lastAccount());
        QVERIFY(start.registry().find(last->uscc, last->server)); // kept: data kept
    }
    Http http(m_server->base());
    QCOMPARE(refreshTokens(http, m_tokensSeen.last()).status, 400); // revoked on the server
}

void TestAccountLogin::noTokenInAnyFile()
{
    QVERIFY(!m_tokensSeen.isEmpty());
    models::uninstallFileLogging(); // flushed
    int files = 0;
    qint64 bytes = 0;
    for (QDirIterator it(m_base.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        ++files;
        bytes += content.size();
        for (const QString &token : std::as_const(m_tokensSeen)) {
            QVERIFY(token.size() >= 20);
            // The token itself, and its first half (a log line cut short would still leak).
            QVERIFY2(!content.contains(token.toLatin1()), qPrintable(path));
            QVERIFY2(!content.contains(token.left(token.size() / 2).toLatin1()), qPrintable(path));
        }
    }
    // What was searched: the database (and WAL), both settings files and the log.
    QVERIFY(files >= 4);
    QVERIFY(bytes > 0);
    QVERIFY(QFile::exists(QDir(m_base.path()).filePath(QStringLiteral("jiliang.ini"))));
    QVERIFY(
        QDir(QDir(m_base.path()).filePath(QStringLiteral("logs"))).entryList(QDir::Files).size() >
        0);
}

int main(int argc, char *argv[])
{
    // ctest turns debug output off through the environment, which outranks the rules set in
    // initTestCase: this check wants every category on, so the environment's rules go.
    qunsetenv("QT_LOGGING_RULES");
    QApplication app(argc, argv);
    TestAccountLogin test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_accountlogin.moc"
