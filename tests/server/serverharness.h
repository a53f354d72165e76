#pragma once

// Shared by the server tests (each test is one .cpp, so these are header-only): a temporary
// database (SQLite file, or a fresh PostgreSQL database when JILIANG_TEST_PG is set), a
// jiliang-server process on a free loopback port, admin commands, a small synchronous HTTP
// client, the login flow and record payloads.

#include "server/httpclient.h"
#include "server/serverprocess.h"
#include "server/testdatabase.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

namespace jl::servertest {

// A valid 统一社会信用代码 (GB 32100 check character) for test enterprise n.
inline QString makeUscc(int n)
{
    static const QLatin1String alphabet("0123456789ABCDEFGHJKLMNPQRTUWXY");
    static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    const QString first = QStringLiteral("91330100") + QString::number(n).rightJustified(9, u'0');
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += int(alphabet.indexOf(first.at(i))) * weights[i];
    return first + alphabet.at((31 - sum % 31) % 31);
}

struct Account {
    QString uscc;
    QString password;
    QString enterpriseId;
};

// create-enterprise + create-account through the admin command line.
inline Account createAccount(const QString &databaseUrl, int n, const QString &name = {})
{
    Account a;
    a.uscc = makeUscc(n);
    const CommandResult e =
        runAdmin(databaseUrl, {QStringLiteral("create-enterprise"), QStringLiteral("--uscc"),
                               a.uscc, QStringLiteral("--name"),
                               name.isEmpty() ? QStringLiteral("测试企业%1").arg(n) : name});
    a.enterpriseId = QJsonDocument::fromJson(e.out.toUtf8()).object().value(u"id").toString();
    const CommandResult c =
        runAdmin(databaseUrl, {QStringLiteral("create-account"), QStringLiteral("--uscc"), a.uscc});
    a.password = QJsonDocument::fromJson(c.out.toUtf8()).object().value(u"password").toString();
    return a;
}

inline QString adminToken(const QString &databaseUrl)
{
    const CommandResult r = runAdmin(databaseUrl, {QStringLiteral("issue-admin-token")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"adminToken").toString();
}

struct Pkce {
    QString verifier;
    QString challenge;
    static Pkce make()
    {
        Pkce p;
        p.verifier = QString::fromLatin1(
            QByteArray(QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122() +
                       QUuid::createUuid().toRfc4122())
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        p.challenge = QString::fromLatin1(
            QCryptographicHash::hash(p.verifier.toLatin1(), QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        return p;
    }
};

inline const QString &desktopClient()
{
    static const QString id = QStringLiteral("jiliang-desktop");
    return id;
}

// Submits the login form as a browser would; the reply is the 302 to the redirect (or the
// form again with an error).
inline Reply submitLogin(Http &http, const Account &account, const QString &redirect,
                         const QString &challenge, const QString &state = QStringLiteral("st-1"))
{
    QUrlQuery form;
    for (const auto &[k, v] :
         {std::pair{"response_type", QStringLiteral("code")},
          std::pair{"client_id", desktopClient()}, std::pair{"redirect_uri", redirect},
          std::pair{"state", state}, std::pair{"code_challenge", challenge},
          std::pair{"code_challenge_method", QStringLiteral("S256")},
          std::pair{"uscc", account.uscc}, std::pair{"password", account.password}})
        form.addQueryItem(QLatin1String(k), QString::fromLatin1(QUrl::toPercentEncoding(v)));
    return http.postForm(QStringLiteral("/oauth/authorize"), form);
}

inline QString codeFrom(const Reply &redirect)
{
    return QUrlQuery(QUrl(QString::fromLatin1(redirect.header("Location"))))
        .queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
}

inline Reply exchange(Http &http, const QString &code, const QString &redirect,
                      const QString &verifier)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("client_id"), desktopClient());
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"),
                      QString::fromLatin1(QUrl::toPercentEncoding(redirect)));
    form.addQueryItem(QStringLiteral("code_verifier"), verifier);
    return http.postForm(QStringLiteral("/oauth/token"), form);
}

inline Reply refreshTokens(Http &http, const QString &refreshToken)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), desktopClient());
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    return http.postForm(QStringLiteral("/oauth/token"), form);
}

// The whole login: form, redirect, code exchange. Returns the token response.
inline QJsonObject login(const QString &base, const Account &account)
{
    Http http(base);
    const Pkce pkce = Pkce::make();
    const QString redirect = QStringLiteral("http://127.0.0.1:53682/callback");
    const Reply r = submitLogin(http, account, redirect, pkce.challenge);
    if (r.status != 302) {
        qWarning() << "login form answered" << r.status << r.body.left(300);
        return {};
    }
    return exchange(http, codeFrom(r), redirect, pkce.verifier).json();
}

inline QString accessToken(const QString &base, const Account &account)
{
    return login(base, account).value(u"access_token").toString();
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QByteArray ifMatch(qint64 rev)
{
    return '"' + QByteArray::number(rev) + '"';
}

// A complete instrument payload (the client's toJson shape) with the given serial.
inline QJsonObject instrumentPayload(const QString &serial, const QString &name = {})
{
    return QJsonObject{
        {QStringLiteral("serialNo"), serial},
        {QStringLiteral("name"), name.isEmpty() ? QStringLiteral("燃油加油机") : name},
        {QStringLiteral("category"), QStringLiteral("燃油加油机")},
        {QStringLiteral("model"), QStringLiteral("ZXJ-2242")},
        {QStringLiteral("measuringRange"), QStringLiteral("(5-50)L/min")},
        {QStringLiteral("manufacturer"), QStringLiteral("正星科技股份有限公司")},
        {QStringLiteral("installLocation"), QStringLiteral("文三路 1 号")},
        {QStringLiteral("divisionCode"), QStringLiteral("330106005")},
        {QStringLiteral("installDate"), QStringLiteral("2023-03-01")},
        {QStringLiteral("status"), QStringLiteral("inUse")},
        {QStringLiteral("verificationPeriodMonths"), 12},
        {QStringLiteral("lifecycle"), QStringLiteral("active")}};
}

inline QJsonObject contactPayload(const QString &name = QStringLiteral("王五"))
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("phone"), QStringLiteral("13455556666")},
                       {QStringLiteral("province"), QStringLiteral("33")},
                       {QStringLiteral("city"), QStringLiteral("3301")},
                       {QStringLiteral("district"), QStringLiteral("330102")},
                       {QStringLiteral("street"), QStringLiteral("330102004")},
                       {QStringLiteral("address"), QStringLiteral("庆春路 1 号")},
                       {QStringLiteral("isLiaison"), true}};
}

inline QJsonObject sitePayload(const QString &name = QStringLiteral("文三路加油站"))
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("fuel")},
                       {QStringLiteral("stationCode"), QStringLiteral("ZS-001")},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("divisionCode"), QStringLiteral("330106005")},
                       {QStringLiteral("address"), QStringLiteral("文三路 100 号")}};
}

// A server with one logged-in enterprise, for the test classes that need one per backend.
struct Backend {
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ServerProcess> server;
    Account account;
    QString token;

    bool setUp(TestDatabase::Kind kind, const QStringList &extra = {})
    {
        db = std::make_unique<TestDatabase>(kind);
        if (!db->isValid())
            return false;
        account = createAccount(db->url(), 1);
        server = std::make_unique<ServerProcess>();
        if (!server->start(db->url(), extra))
            return false;
        token = accessToken(server->base(), account);
        return !token.isEmpty();
    }
    Http http() const
    {
        Http h(server->base());
        h.setToken(token);
        return h;
    }
};

} // namespace jl::servertest

// Data-driven over the two databases: every test slot gets a "backend" row for SQLite and one
// for PostgreSQL, which skips when JILIANG_TEST_PG is not set.
#define JL_BACKEND_ROWS()                                                                          \
    QTest::addColumn<QString>("backend");                                                          \
    QTest::newRow("sqlite") << QStringLiteral("sqlite");                                           \
    QTest::newRow("postgresql") << QStringLiteral("postgresql")

#define JL_FETCH_BACKEND(var, sqliteBackend, pgBackend)                                            \
    QFETCH(QString, backend);                                                                      \
    if (backend == QLatin1String("postgresql") && !(pgBackend).server)                             \
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");                        \
    Backend &var = backend == QLatin1String("sqlite") ? (sqliteBackend) : (pgBackend)
