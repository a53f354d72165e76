// Legal-person login over real HTTP: the login form, authorization code + PKCE (S256) with a
// loopback redirect on any port, refresh rotation with reuse detection, expired and revoked
// tokens, the admin credential apart from enterprise tokens.
#include "server/serverharness.h"

using namespace jl::servertest;

class TestServerAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loginForm_data() { backends(); }
    void loginForm();
    void authorizeRefusesBadRequests_data();
    void authorizeRefusesBadRequests();
    void wrongPassword_data() { backends(); }
    void wrongPassword();
    void fullLoginAnyLoopbackPort_data() { backends(); }
    void fullLoginAnyLoopbackPort();
    void pkceVerifierChecked_data() { backends(); }
    void pkceVerifierChecked();
    void codeIsSingleUse_data() { backends(); }
    void codeIsSingleUse();
    void redirectMustMatch_data() { backends(); }
    void redirectMustMatch();
    void refreshRotates_data() { backends(); }
    void refreshRotates();
    void refreshReuseRevokesFamily_data() { backends(); }
    void refreshReuseRevokesFamily();
    void revokeEndsLogin_data() { backends(); }
    void revokeEndsLogin();
    void resetPasswordRevokesTokens_data() { backends(); }
    void resetPasswordRevokesTokens();
    void expiredAccessToken_data() { backends(); }
    void expiredAccessToken();
    void badTokens_data() { backends(); }
    void badTokens();
    void rateLimitPerToken();

private:
    struct Backend {
        std::unique_ptr<TestDatabase> db;
        std::unique_ptr<ServerProcess> server;
        Account account;
    };
    void backends();
    Backend *backend(const QString &name);

    Backend m_sqlite;
    Backend m_pg;
    int m_next = 100;
};

#define BACKEND_OR_SKIP(var)                                                                       \
    QFETCH(QString, backend);                                                                      \
    Backend *var = this->backend(backend);                                                         \
    if (!var)                                                                                      \
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");

void TestServerAuth::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

TestServerAuth::Backend *TestServerAuth::backend(const QString &name)
{
    Backend *b = name == QLatin1String("sqlite") ? &m_sqlite : &m_pg;
    return b->server ? b : nullptr;
}

void TestServerAuth::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    auto setUp = [this](Backend &b, TestDatabase::Kind kind) {
        b.db = std::make_unique<TestDatabase>(kind);
        QVERIFY(b.db->isValid());
        b.account = createAccount(b.db->url(), 1);
        QVERIFY(!b.account.password.isEmpty());
        b.server = std::make_unique<ServerProcess>();
        QVERIFY(b.server->start(b.db->url()));
    };
    setUp(m_sqlite, TestDatabase::Kind::Sqlite);
    if (TestDatabase::postgresAvailable())
        setUp(m_pg, TestDatabase::Kind::Postgres);
}

void TestServerAuth::cleanupTestCase()
{
    for (Backend *b : {&m_sqlite, &m_pg}) {
        if (b->server)
            QVERIFY(b->server->stop());
    }
}

void TestServerAuth::loginForm()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    const Pkce pkce = Pkce::make();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), desktopClient());
    q.addQueryItem(QStringLiteral("redirect_uri"),
                   QStringLiteral("http%3A%2F%2F127.0.0.1%3A41234%2F"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("<script>"));
    q.addQueryItem(QStringLiteral("code_challenge"), pkce.challenge);
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    const Reply r = http.send("GET", QStringLiteral("/oauth/authorize?") + q.toString(), {},
                              {{"Accept-Language", "zh-CN"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));
    const QString html = QString::fromUtf8(r.body);
    QVERIFY(html.contains(QStringLiteral("统一社会信用代码")));
    QVERIFY(html.contains(QLatin1String("name=\"password\"")));
    // The state goes back into the form escaped, never as markup.
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;")));
    QCOMPARE(r.header("X-Frame-Options"), QByteArray("DENY"));
}

void TestServerAuth::authorizeRefusesBadRequests_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("withChallenge");
    const QString ok = QStringLiteral("http://127.0.0.1:41234/cb");
    const QString c = desktopClient();
    QTest::newRow("unknown client") << QStringLiteral("someone") << ok << "S256" << true;
    QTest::newRow("remote redirect")
        << c << QStringLiteral("http://example.com:80/cb") << "S256" << true;
    QTest::newRow("localhost name")
        << c << QStringLiteral("http://localhost:41234/cb") << "S256" << true;
    QTest::newRow("https loopback")
        << c << QStringLiteral("https://127.0.0.1:41234/cb") << "S256" << true;
    QTest::newRow("no port") << c << QStringLiteral("http://127.0.0.1/cb") << "S256" << true;
    QTest::newRow("plain pkce") << c << ok << "plain" << true;
    QTest::newRow("no challenge") << c << ok << "S256" << false;
}

void TestServerAuth::authorizeRefusesBadRequests()
{
    QFETCH(QString, client);
    QFETCH(QString, redirect);
    QFETCH(QString, method);
    QFETCH(bool, withChallenge);
    Http http(m_sqlite.server->base());
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), client);
    q.addQueryItem(QStringLiteral("redirect_uri"),
                   QString::fromLatin1(QUrl::toPercentEncoding(redirect)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), method);
    if (withChallenge)
        q.addQueryItem(QStringLiteral("code_challenge"), Pkce::make().challenge);
    const Reply r = http.get(QStringLiteral("/oauth/authorize?") + q.toString());
    QCOMPARE(r.status, 400);
    QVERIFY(r.header("Location").isEmpty()); // never redirected to an unchecked target
    QVERIFY(!QString::fromUtf8(r.body).contains(QLatin1String("name=\"password\"")));
}

void TestServerAuth::wrongPassword()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    Account wrong = b->account;
    wrong.password = QStringLiteral("not-the-password");
    Reply r = submitLogin(http, wrong, QStringLiteral("http://127.0.0.1:41234/cb"),
                          Pkce::make().challenge);
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("Location").isEmpty());
    QVERIFY(QString::fromUtf8(r.body).contains(QLatin1String("password is wrong")));
    Account unknown = b->account;
    unknown.uscc = makeUscc(999999);
    r = submitLogin(http, unknown, QStringLiteral("http://127.0.0.1:41234/cb"),
                    Pkce::make().challenge);
    QCOMPARE(r.status, 401);
}

void TestServerAuth::fullLoginAnyLoopbackPort()
{
    BACKEND_OR_SKIP(b);
    for (const QString &redirect : {QStringLiteral("http://127.0.0.1:1025/"),
                                    QStringLiteral("http://127.0.0.1:64999/callback?x=1"),
                                    QStringLiteral("http://[::1]:50001/cb")}) {
        Http http(b->server->base());
        const Pkce pkce = Pkce::make();
        const Reply form = submitLogin(http, b->account, redirect, pkce.challenge,
                                       QStringLiteral("state with spaces&="));
        QCOMPARE(form.status, 302);
        const QUrl location(QString::fromLatin1(form.header("Location")));
        QVERIFY2(location.toString().startsWith(redirect.section(u'?', 0, 0)),
                 qPrintable(location.toString()));
        QCOMPARE(QUrlQuery(location).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                 QStringLiteral("state with spaces&="));
        const Reply tokens = exchange(http, codeFrom(form), redirect, pkce.verifier);
        QCOMPARE(tokens.status, 200);
        const QJsonObject t = tokens.json();
        QCOMPARE(t.value(u"token_type").toString(), QStringLiteral("Bearer"));
        QVERIFY(t.value(u"expires_in").toInt() > 0);
        QVERIFY(!t.value(u"refresh_token").toString().isEmpty());
        http.setToken(t.value(u"access_token").toString());
        const Reply me = http.get(QStringLiteral("/api/v1/enterprise"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"data").toObject().value(u"uscc").toString(), b->account.uscc);
    }
}

void TestServerAuth::pkceVerifierChecked()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    const QString redirect = QStringLiteral("http://127.0.0.1:41234/cb");
    const Pkce pkce = Pkce::make();
    const Reply form = submitLogin(http, b->account, redirect, pkce.challenge);
    QCOMPARE(form.status, 302);
    const QString code = codeFrom(form);
    Reply r = exchange(http, code, redirect, QString());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
    r = exchange(http, code, redirect, Pkce::make().verifier);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
    // The right verifier still works: a wrong guess does not burn the legitimate login.
    r = exchange(http, code, redirect, pkce.verifier);
    QCOMPARE(r.status, 200);
}

void TestServerAuth::codeIsSingleUse()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    const QString redirect = QStringLiteral("http://127.0.0.1:41234/cb");
    const Pkce pkce = Pkce::make();
    const Reply form = submitLogin(http, b->account, redirect, pkce.challenge);
    const QString code = codeFrom(form);
    const Reply first = exchange(http, code, redirect, pkce.verifier);
    QCOMPARE(first.status, 200);
    const Reply second = exchange(http, code, redirect, pkce.verifier);
    QCOMPARE(second.status, 400);
    QCOMPARE(second.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
    // The reuse revokes what the code gave (RFC 6749 §4.1.2).
    http.setToken(first.json().value(u"access_token").toString());
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 401);
    http.setToken({});
    QCOMPARE(refreshTokens(http, first.json().value(u"refresh_token").toString()).status, 400);
}

void TestServerAuth::redirectMustMatch()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    const Pkce pkce = Pkce::make();
    const Reply form =
        submitLogin(http, b->account, QStringLiteral("http://127.0.0.1:41234/cb"), pkce.challenge);
    const Reply r =
        exchange(http, codeFrom(form), QStringLiteral("http://127.0.0.1:41235/cb"), pkce.verifier);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
}

void TestServerAuth::refreshRotates()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    const QJsonObject first = login(b->server->base(), b->account);
    const Reply second = refreshTokens(http, first.value(u"refresh_token").toString());
    QCOMPARE(second.status, 200);
    const QString newRefresh = second.json().value(u"refresh_token").toString();
    QVERIFY(newRefresh != first.value(u"refresh_token").toString());
    const Reply third = refreshTokens(http, newRefresh);
    QCOMPARE(third.status, 200);
    http.setToken(third.json().value(u"access_token").toString());
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 200);
}

void TestServerAuth::refreshReuseRevokesFamily()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    const QJsonObject first = login(b->server->base(), b->account);
    const QString old = first.value(u"refresh_token").toString();
    const Reply rotated = refreshTokens(http, old);
    QCOMPARE(rotated.status, 200);
    // The old one again: someone else holds a copy. Everything of this login ends.
    const Reply reuse = refreshTokens(http, old);
    QCOMPARE(reuse.status, 400);
    QCOMPARE(reuse.json().value(u"error").toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(refreshTokens(http, rotated.json().value(u"refresh_token").toString()).status, 400);
    http.setToken(rotated.json().value(u"access_token").toString());
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 401);
    // Another login of the same account is not affected.
    http.setToken(accessToken(b->server->base(), b->account));
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 200);
}

void TestServerAuth::revokeEndsLogin()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    const QJsonObject tokens = login(b->server->base(), b->account);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), tokens.value(u"refresh_token").toString());
    QCOMPARE(http.postForm(QStringLiteral("/oauth/revoke"), form).status, 200);
    http.setToken(tokens.value(u"access_token").toString());
    const Reply r = http.get(QStringLiteral("/api/v1/enterprise"));
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
    http.setToken({});
    QCOMPARE(refreshTokens(http, tokens.value(u"refresh_token").toString()).status, 400);
}

void TestServerAuth::resetPasswordRevokesTokens()
{
    BACKEND_OR_SKIP(b);
    Account a = createAccount(b->db->url(), ++m_next);
    Http http(b->server->base());
    http.setToken(accessToken(b->server->base(), a));
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 200);
    const CommandResult reset = runAdmin(
        b->db->url(), {QStringLiteral("reset-password"), QStringLiteral("--uscc"), a.uscc});
    QCOMPARE(reset.exitCode, 0);
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 401);
    const QString oldPassword = a.password;
    a.password = QJsonDocument::fromJson(reset.out.toUtf8()).object().value(u"password").toString();
    QVERIFY(a.password != oldPassword);
    QVERIFY(!accessToken(b->server->base(), a).isEmpty());
}

void TestServerAuth::expiredAccessToken()
{
    BACKEND_OR_SKIP(b);
    ServerProcess shortLived;
    QVERIFY(shortLived.start(b->db->url(),
                             {QStringLiteral("--access-token-seconds"), QStringLiteral("1")}));
    const QJsonObject tokens = login(shortLived.base(), b->account);
    QCOMPARE(tokens.value(u"expires_in").toInt(), 1);
    Http http(shortLived.base());
    http.setToken(tokens.value(u"access_token").toString());
    QTest::qWait(1500);
    const Reply r = http.get(QStringLiteral("/api/v1/enterprise"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.code(), QStringLiteral("token-expired"));
    // The refresh token outlives it.
    http.setToken({});
    const Reply refreshed = refreshTokens(http, tokens.value(u"refresh_token").toString());
    QCOMPARE(refreshed.status, 200);
    QVERIFY(shortLived.stop());
}

void TestServerAuth::badTokens()
{
    BACKEND_OR_SKIP(b);
    Http http(b->server->base());
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 401);
    http.setToken(QStringLiteral("jla_made-up"));
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).code(), QStringLiteral("unauthorized"));
    Reply r = http.send("GET", QStringLiteral("/api/v1/enterprise"), {},
                        {{"Authorization", "Basic dXNlcjpwYXNz"}});
    QCOMPARE(r.status, 401);
    // A refresh token is not an access token.
    const QJsonObject tokens = login(b->server->base(), b->account);
    http.setToken(tokens.value(u"refresh_token").toString());
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 401);
    // The admin credential is not an enterprise's.
    http.setToken(adminToken(b->db->url()));
    r = http.get(QStringLiteral("/api/v1/enterprise"));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.code(), QStringLiteral("enterprise-only"));
}

void TestServerAuth::rateLimitPerToken()
{
    // One request a second, a burst of ten.
    ServerProcess limited;
    QVERIFY(
        limited.start(m_sqlite.db->url(), {QStringLiteral("--rate-limit"), QStringLiteral("1")}));
    Http http(limited.base());
    http.setToken(accessToken(limited.base(), m_sqlite.account));
    int ok = 0;
    Reply refused;
    for (int n = 0; n < 15 && refused.status == 0; ++n) {
        const Reply r = http.get(QStringLiteral("/api/v1/enterprise"));
        if (r.status == 200)
            ++ok;
        else
            refused = r;
    }
    QVERIFY2(ok >= 10 && ok < 15, qPrintable(QString::number(ok)));
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.code(), QStringLiteral("rate-limited"));
    QVERIFY(refused.header("Retry-After").toInt() >= 1);
    // Another login has its own bucket.
    http.setToken(accessToken(limited.base(), m_sqlite.account));
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 200);
    QVERIFY(limited.stop());
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
