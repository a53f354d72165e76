// The legal-person login against jiliang-server on loopback, the test playing the browser:
// success (PKCE S256, loopback redirect on 127.0.0.1, state), wrong password, a redirect with
// another state refused, an unreachable server, no browser, timeout; then AuthSession's
// refresh with rotation (also from another thread, and two at once), and LoginRequired once
// the tokens are revoked.
#include "e2e/loginhelpers.h"
#include "sync/authsession.h"
#include "sync/loginflow.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QThread>

using namespace jl::sync;
using namespace jl::servertest;
using jl::e2etest::MemorySecrets;
using jl::e2etest::playBrowser;

Q_DECLARE_METATYPE(jl::sync::LoginResult)

class TestLogin final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loginSucceeds();
    void wrongPasswordKeepsWaiting();
    void otherStateIsRefused();
    void unreachableServer();
    void browserNotOpened();
    void timeout();
    void refreshRotates();
    void concurrentRefreshSendsOneRequest();
    void refreshAfterRevokeNeedsLogin();
    void logoutRevokesAndDeletes();

private:
    struct Attempt {
        std::unique_ptr<LoginFlow> flow;
        QUrl opened;
    };
    std::unique_ptr<Attempt> begin(const QUrl &server, bool browserOpens = true);
    LoginResult login();

    QNetworkAccessManager m_network;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ServerProcess> m_server;
    Account m_account;
};

void TestLogin::initTestCase()
{
    qRegisterMetaType<LoginResult>();
    m_db = std::make_unique<TestDatabase>(TestDatabase::Kind::Sqlite);
    QVERIFY(m_db->isValid());
    m_account = createAccount(m_db->url(), 1, QStringLiteral("杭州测试加油站有限公司"));
    QVERIFY(!m_account.password.isEmpty());
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_db->url()));
}

void TestLogin::cleanupTestCase()
{
    if (m_server)
        QVERIFY(m_server->stop());
}

std::unique_ptr<TestLogin::Attempt> TestLogin::begin(const QUrl &server, bool browserOpens)
{
    auto attempt = std::make_unique<Attempt>();
    attempt->flow = std::make_unique<LoginFlow>(m_network, server);
    attempt->flow->setBrowserOpener([a = attempt.get(), browserOpens](const QUrl &url) {
        a->opened = url;
        return browserOpens;
    });
    attempt->flow->start();
    return attempt;
}

LoginResult TestLogin::login()
{
    auto attempt = begin(QUrl(m_server->base()));
    QSignalSpy finished(attempt->flow.get(), &LoginFlow::finished);
    QSignalSpy failed(attempt->flow.get(), &LoginFlow::failed);
    if (!QTest::qWaitFor([&] { return !attempt->opened.isEmpty() || !failed.isEmpty(); }, 30000))
        return {};
    playBrowser(attempt->opened, m_account);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000))
        return {};
    return finished.isEmpty() ? LoginResult{} : finished.first().first().value<LoginResult>();
}

void TestLogin::loginSucceeds()
{
    auto attempt = begin(QUrl(m_server->base() + QStringLiteral("/"))); // a trailing slash too
    QSignalSpy finished(attempt->flow.get(), &LoginFlow::finished);
    QSignalSpy failed(attempt->flow.get(), &LoginFlow::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!attempt->opened.isEmpty(), 30000);

    // What the browser is sent to (RFC 8252, RFC 7636).
    const QUrlQuery q(attempt->opened);
    const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(redirect.port() > 0);
    QCOMPARE(redirect, attempt->flow->redirectUrl());
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    QVERIFY(q.queryItemValue(QStringLiteral("state")).size() >= 20);
    QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), QStringLiteral("jiliang-desktop"));

    const auto visit = playBrowser(attempt->opened, m_account);
    QCOMPARE(visit.formStatus, 200);
    QCOMPARE(visit.postStatus, 302);
    QCOMPARE(visit.callbackStatus, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    const auto result = finished.first().first().value<LoginResult>();
    QCOMPARE(result.uscc, m_account.uscc);
    QCOMPARE(result.enterpriseName, QStringLiteral("杭州测试加油站有限公司"));
    QCOMPARE(result.enterpriseId, m_account.enterpriseId);
    QVERIFY(!result.tokens.refreshToken.isEmpty());

    Http http(m_server->base());
    http.setToken(result.tokens.accessToken);
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 200);
    QVERIFY(!attempt->flow->isRunning());

    // The listener is closed: a second answer finds nobody.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(!probe.waitForConnected(5000));
}

void TestLogin::wrongPasswordKeepsWaiting()
{
    auto attempt = begin(QUrl(m_server->base()));
    QSignalSpy finished(attempt->flow.get(), &LoginFlow::finished);
    QSignalSpy failed(attempt->flow.get(), &LoginFlow::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!attempt->opened.isEmpty(), 30000);
    Account wrong = m_account;
    wrong.password = QStringLiteral("not-the-password");
    const auto visit = playBrowser(attempt->opened, wrong);
    QCOMPARE(visit.postStatus, 401); // the form again, with the error, in the browser
    QVERIFY(visit.page.contains(QLatin1String("role=\"alert\"")));
    QVERIFY(!visit.redirect.isValid());
    QTest::qWait(100);
    QVERIFY(finished.isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(attempt->flow->isRunning()); // the user may type it again

    // The right password in the same attempt still works.
    playBrowser(attempt->opened, m_account);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
    QCOMPARE(finished.size(), 1);
}

void TestLogin::otherStateIsRefused()
{
    auto attempt = begin(QUrl(m_server->base()));
    QSignalSpy finished(attempt->flow.get(), &LoginFlow::finished);
    QSignalSpy failed(attempt->flow.get(), &LoginFlow::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!attempt->opened.isEmpty(), 30000);
    playBrowser(attempt->opened, m_account, [](QUrl &redirect) {
        QUrlQuery q(redirect);
        q.removeAllQueryItems(QStringLiteral("state"));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("forged-state-from-elsewhere"));
        redirect.setQuery(q);
    });
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
    QCOMPARE(failed.first().first().value<LoginFlow::Failure>(), LoginFlow::Failure::StateMismatch);
    QVERIFY(!failed.first().at(1).toString().isEmpty());
    QTest::qWait(200);
    QVERIFY(finished.isEmpty()); // and the code was never exchanged
}

void TestLogin::unreachableServer()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    auto attempt = begin(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QSignalSpy failed(attempt->flow.get(), &LoginFlow::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
    QCOMPARE(failed.first().first().value<LoginFlow::Failure>(),
             LoginFlow::Failure::ServerUnreachable);
    QVERIFY(attempt->opened.isEmpty()); // the browser was not sent to a dead address
}

void TestLogin::browserNotOpened()
{
    auto attempt = begin(QUrl(m_server->base()), false);
    QSignalSpy failed(attempt->flow.get(), &LoginFlow::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
    QCOMPARE(failed.first().first().value<LoginFlow::Failure>(),
             LoginFlow::Failure::BrowserNotOpened);
    // The message carries the address to open by hand.
    QVERIFY(failed.first().at(1).toString().contains(QLatin1String("/oauth/authorize")));
}

void TestLogin::timeout()
{
    auto attempt = std::make_unique<LoginFlow>(m_network, QUrl(m_server->base()));
    attempt->setBrowserOpener([](const QUrl &) { return true; }); // nobody ever logs in
    attempt->setTimeout(1500);
    QSignalSpy failed(attempt.get(), &LoginFlow::failed);
    attempt->start();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
    QCOMPARE(failed.first().first().value<LoginFlow::Failure>(), LoginFlow::Failure::Timeout);
}

void TestLogin::refreshRotates()
{
    const LoginResult result = login();
    QVERIFY(!result.tokens.refreshToken.isEmpty());
    QHash<QString, QByteArray> secrets;
    TokenStore store(std::make_unique<MemorySecrets>(&secrets));
    AuthSession session(store, result.uscc, QUrl(m_server->base()));
    QVERIFY(session.setTokens(result.tokens));
    QCOMPARE(secrets.size(), 1);

    // On the engine's thread, as the sync engine calls it.
    TokenProvider::Refresh outcome = TokenProvider::Refresh::Unavailable;
    QThread *engine = QThread::create([&] { outcome = session.refresh(); });
    engine->start();
    QVERIFY(engine->wait(60000));
    delete engine;
    QCOMPARE(outcome, TokenProvider::Refresh::Refreshed);

    const QString access = session.accessToken();
    QVERIFY(access != result.tokens.accessToken);
    // Handed to the application's thread for the keychain (TokenStore::write).
    QTRY_COMPARE_WITH_TIMEOUT(TokenStore(std::make_unique<MemorySecrets>(&secrets))
                                  .read(session.accountKey())
                                  .accessToken,
                              access, 30000);
    const TokenPair stored =
        TokenStore(std::make_unique<MemorySecrets>(&secrets)).read(session.accountKey());
    QVERIFY(stored.refreshToken != result.tokens.refreshToken); // rotated
    Http http(m_server->base());
    http.setToken(access);
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 200);

    // And again with the rotated one.
    QCOMPARE(session.refresh(), TokenProvider::Refresh::Refreshed);
    QVERIFY(session.accessToken() != access);
}

void TestLogin::concurrentRefreshSendsOneRequest()
{
    const LoginResult result = login();
    QHash<QString, QByteArray> secrets;
    TokenStore store(std::make_unique<MemorySecrets>(&secrets));
    AuthSession session(store, result.uscc, QUrl(m_server->base()));
    session.setTokens(result.tokens);

    // Both saw a 401 with the same token. Had both sent the refresh token, the second use
    // would count as reuse and the server would revoke the whole login.
    TokenProvider::Refresh a = TokenProvider::Refresh::Unavailable;
    TokenProvider::Refresh b = TokenProvider::Refresh::Unavailable;
    QThread *first = QThread::create([&] { a = session.refresh(); });
    QThread *second = QThread::create([&] { b = session.refresh(); });
    first->start();
    second->start();
    QVERIFY(first->wait(60000));
    QVERIFY(second->wait(60000));
    delete first;
    delete second;
    QCOMPARE(a, TokenProvider::Refresh::Refreshed);
    QCOMPARE(b, TokenProvider::Refresh::Refreshed);
    QCOMPARE(session.refresh(), TokenProvider::Refresh::Refreshed); // the login still lives
}

void TestLogin::refreshAfterRevokeNeedsLogin()
{
    const LoginResult result = login();
    QHash<QString, QByteArray> secrets;
    TokenStore store(std::make_unique<MemorySecrets>(&secrets));
    AuthSession session(store, result.uscc, QUrl(m_server->base()));
    session.setTokens(result.tokens);

    // Revoked elsewhere (another session of the same login logs out).
    QHash<QString, QByteArray> otherSecrets;
    TokenStore otherStore(std::make_unique<MemorySecrets>(&otherSecrets));
    AuthSession other(otherStore, result.uscc, QUrl(m_server->base()));
    other.setTokens(result.tokens);
    QVERIFY(other.logout());

    QCOMPARE(session.refresh(), TokenProvider::Refresh::LoginRequired);
    QVERIFY(session.accessToken().isEmpty());
    QVERIFY(secrets.isEmpty()); // the dead tokens are gone: the next start asks for a login
    QCOMPARE(session.refresh(), TokenProvider::Refresh::LoginRequired);
}

void TestLogin::logoutRevokesAndDeletes()
{
    const LoginResult result = login();
    QHash<QString, QByteArray> secrets;
    TokenStore store(std::make_unique<MemorySecrets>(&secrets));
    AuthSession session(store, result.uscc, QUrl(m_server->base()));
    session.setTokens(result.tokens);
    QVERIFY(session.logout());
    QVERIFY(secrets.isEmpty());
    QVERIFY(!session.hasTokens());
    Http http(m_server->base());
    http.setToken(result.tokens.accessToken);
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 401);
    QCOMPARE(refreshTokens(http, result.tokens.refreshToken).status, 400);

    // A server that cannot be reached still leaves nothing here.
    AuthSession offline(store, result.uscc, QUrl(QStringLiteral("http://127.0.0.1:1")));
    offline.setTokens({QStringLiteral("a"), QStringLiteral("r")});
    QVERIFY(!offline.logout());
    QVERIFY(secrets.isEmpty());
}

QTEST_MAIN(TestLogin)
#include "tst_login.moc"
