#pragma once

// Shared by the server tests (each test is one .cpp, so this is header-only): a temporary
// database (SQLite file, or a fresh PostgreSQL database when JILIANG_TEST_PG is set), a
// jiliang-server process on a free loopback port, admin commands, and a small synchronous
// HTTP client.

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

namespace jl::servertest {

inline QString serverBinary()
{
    return qEnvironmentVariable("JILIANG_SERVER_BIN");
}

// Lowers PBKDF2's cost so that logins take milliseconds (production: 600,000).
inline const QStringList &fastHashArgs()
{
    static const QStringList args = {QStringLiteral("--test-password-iterations"),
                                     QStringLiteral("1000")};
    return args;
}

// A database of its own for one test class: a file in a temporary folder, or a new
// PostgreSQL database with a random name (so test executables can run in parallel).
class TestDatabase {
public:
    enum class Kind { Sqlite, Postgres };

    static bool postgresAvailable() { return !qEnvironmentVariableIsEmpty("JILIANG_TEST_PG"); }

    explicit TestDatabase(Kind kind)
        : m_kind(kind)
    {
        if (kind == Kind::Sqlite) {
            m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db"));
            return;
        }
        const QUrl admin(qEnvironmentVariable("JILIANG_TEST_PG"));
        m_name = QStringLiteral("jl_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        if (!adminExec(admin, QStringLiteral("CREATE DATABASE ") + m_name))
            return;
        QUrl url = admin;
        url.setPath(QLatin1Char('/') + m_name);
        m_url = url.toString();
    }
    ~TestDatabase()
    {
        if (m_kind == Kind::Postgres && !m_name.isEmpty())
            adminExec(QUrl(qEnvironmentVariable("JILIANG_TEST_PG")),
                      QStringLiteral("DROP DATABASE IF EXISTS ") + m_name +
                          QStringLiteral(" WITH (FORCE)"));
    }
    Q_DISABLE_COPY_MOVE(TestDatabase)

    QString url() const { return m_url; }
    bool isValid() const { return !m_url.isEmpty(); }
    Kind kind() const { return m_kind; }

private:
    static bool adminExec(const QUrl &url, const QString &sql)
    {
        const QString name =
            QStringLiteral("jl-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1).isEmpty() ? QStringLiteral("postgres")
                                                           : url.path().mid(1));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    qWarning() << sql << q.lastError().text();
            } else {
                qWarning() << "cannot connect to JILIANG_TEST_PG:" << db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    Kind m_kind;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_name;
};

struct Reply {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QString error;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
};

// Synchronous requests with a QNetworkAccessManager of its own; redirects are not followed
// (the login flow reads the Location header).
class Http {
public:
    explicit Http(QString base = {})
        : m_nam(std::make_unique<QNetworkAccessManager>())
        , m_base(std::move(base))
    {}
    void setBase(const QString &base) { m_base = base; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(
            QUrl(path.startsWith(QLatin1String("http")) ? path : m_base + path));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(60000);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        if (!body.isEmpty())
            request.setRawHeader("Content-Type", "application/json");
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        if (r.status == 0)
            r.error = reply->errorString();
        reply->deleteLater();
        return r;
    }
    // Starts a request without waiting; finish() waits for it.
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(
            QUrl(path.startsWith(QLatin1String("http")) ? path : m_base + path));
        request.setTransferTimeout(60000);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setRawHeader("Content-Type", "application/json");
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        return m_nam->sendCustomRequest(request, method, body);
    }
    static Reply finish(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        if (r.status == 0)
            r.error = reply->errorString();
        reply->deleteLater();
        return r;
    }
    Reply get(const QString &path) { return send("GET", path); }
    Reply put(const QString &path, const QJsonObject &body,
              const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    Reply post(const QString &path, const QJsonObject &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    Reply postForm(const QString &path, const QUrlQuery &form)
    {
        return send("POST", path, form.toString(QUrl::FullyEncoded).toUtf8(),
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    }
    Reply del(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("DELETE", path, {}, headers);
    }

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_base;
    QString m_token;
};

struct CommandResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `jiliang-server --database URL [extra] admin ARGS…` to completion.
inline CommandResult runAdmin(const QString &databaseUrl, const QStringList &args,
                              const QStringList &extra = fastHashArgs())
{
    QProcess p;
    p.start(serverBinary(), QStringList{QStringLiteral("--database"), databaseUrl} + extra +
                                QStringList{QStringLiteral("admin")} + args);
    p.waitForFinished(120000);
    CommandResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    if (r.exitCode != 0)
        qWarning().noquote() << "admin" << args << "failed:" << r.err;
    return r;
}

// One jiliang-server process on 127.0.0.1 and a free port; stopped (SIGTERM, a clean quit so
// that ASan's leak check runs) when destroyed.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(ServerProcess)

    bool start(const QString &databaseUrl, const QStringList &extra = {})
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(serverBinary(),
                        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                    QStringLiteral("--database"), databaseUrl} +
                            fastHashArgs() + extra);
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            m_out += QString::fromUtf8(m_process.readAllStandardOutput());
            const auto m = listening.match(m_out);
            if (m.hasMatch()) {
                m_base = m.captured(1);
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(200);
        }
        qWarning().noquote() << "jiliang-server did not start:" << m_out
                             << m_process.readAllStandardError();
        return false;
    }
    // True when it exited cleanly (status 0, nothing from the sanitizers).
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_stoppedCleanly;
        m_process.terminate();
        if (!m_process.waitForFinished(60000)) {
            qWarning() << "jiliang-server did not stop";
            return false;
        }
        const QString err = QString::fromUtf8(m_process.readAllStandardError());
        m_stoppedCleanly = m_process.exitStatus() == QProcess::NormalExit &&
                           m_process.exitCode() == 0 && !err.contains(QLatin1String("Sanitizer"));
        if (!m_stoppedCleanly)
            qWarning().noquote() << "jiliang-server exited with" << m_process.exitCode() << err;
        return m_stoppedCleanly;
    }
    QString base() const { return m_base; }
    QString output() const { return m_out; }

private:
    QProcess m_process;
    QString m_out;
    QString m_base;
    bool m_stoppedCleanly = false;
};

} // namespace jl::servertest

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

} // namespace jl::servertest

namespace jl::servertest {

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
