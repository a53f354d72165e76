// The service skeleton over real HTTP: version, problem+json errors in both languages, 404,
// 405 with Allow, 426, the body limit, migrations run twice, on SQLite and PostgreSQL.
#include "server/serverharness.h"

#include <QTcpSocket>

using namespace jl::servertest;

class TestServerBasics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void version_data() { backends(); }
    void version();
    void notFoundIsProblemJson_data() { backends(); }
    void notFoundIsProblemJson();
    void wrongMethodIs405_data() { backends(); }
    void wrongMethodIs405();
    void oldProtocolIs426_data() { backends(); }
    void oldProtocolIs426();
    void bodyLimitIs413_data() { backends(); }
    void bodyLimitIs413();
    void bodyLimitBeforeTheBody_data() { backends(); }
    void bodyLimitBeforeTheBody();
    void restartKeepsEpoch_data() { backends(); }
    void restartKeepsEpoch();
    void badCommandLine();

private:
    void backends();
    ServerProcess *server(const QString &backend);

    std::unique_ptr<TestDatabase> m_sqlite;
    std::unique_ptr<TestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_sqliteServer;
    std::unique_ptr<ServerProcess> m_pgServer;
};

void TestServerBasics::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

ServerProcess *TestServerBasics::server(const QString &backend)
{
    if (backend == QLatin1String("postgresql") && !m_pgServer)
        return nullptr;
    return backend == QLatin1String("sqlite") ? m_sqliteServer.get() : m_pgServer.get();
}

#define SERVER_OR_SKIP(var)                                                                        \
    QFETCH(QString, backend);                                                                      \
    ServerProcess *var = server(backend);                                                          \
    if (!var)                                                                                      \
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");

void TestServerBasics::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    const QStringList limits = {QStringLiteral("--max-body-bytes"), QStringLiteral("4096")};
    m_sqlite = std::make_unique<TestDatabase>(TestDatabase::Kind::Sqlite);
    m_sqliteServer = std::make_unique<ServerProcess>();
    QVERIFY(m_sqliteServer->start(m_sqlite->url(), limits));
    if (TestDatabase::postgresAvailable()) {
        m_pg = std::make_unique<TestDatabase>(TestDatabase::Kind::Postgres);
        QVERIFY(m_pg->isValid());
        m_pgServer = std::make_unique<ServerProcess>();
        QVERIFY(m_pgServer->start(m_pg->url(), limits));
    }
}

void TestServerBasics::cleanupTestCase()
{
    if (m_sqliteServer)
        QVERIFY(m_sqliteServer->stop());
    if (m_pgServer)
        QVERIFY(m_pgServer->stop());
}

void TestServerBasics::version()
{
    SERVER_OR_SKIP(s);
    Http http(s->base());
    const Reply r = http.get(QStringLiteral("/api/v1/version"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("protocolVersion")).toInt(), 1);
    const QString epoch = r.json().value(QStringLiteral("epoch")).toString();
    QVERIFY(!epoch.isEmpty());
    QCOMPARE(QString::fromLatin1(r.header("Jiliang-Epoch")), epoch);
    QCOMPARE(r.header("Jiliang-Protocol-Version"), QByteArray("1"));
}

void TestServerBasics::notFoundIsProblemJson()
{
    SERVER_OR_SKIP(s);
    Http http(s->base());
    Reply r = http.get(QStringLiteral("/api/v1/nothing-here"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(r.code(), QStringLiteral("not-found"));
    QCOMPARE(r.json().value(QStringLiteral("status")).toInt(), 404);
    QVERIFY(r.json().value(QStringLiteral("detail")).toString().contains(QLatin1String("no such")));

    r = http.send("GET", QStringLiteral("/api/v1/nothing-here"), {},
                  {{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(QStringLiteral("detail")).toString(),
             QStringLiteral("没有找到该记录或地址。"));
}

void TestServerBasics::wrongMethodIs405()
{
    SERVER_OR_SKIP(s);
    Http http(s->base());
    const Reply r = http.send("DELETE", QStringLiteral("/api/v1/version"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("GET"));
    QCOMPARE(r.code(), QStringLiteral("method-not-allowed"));
}

void TestServerBasics::oldProtocolIs426()
{
    SERVER_OR_SKIP(s);
    Http http(s->base());
    Reply r = http.send("GET", QStringLiteral("/api/v1/version"), {},
                        {{"Jiliang-Protocol-Version", "0"}});
    QCOMPARE(r.status, 426);
    QCOMPARE(r.json().value(QStringLiteral("minVersion")).toInt(), 1);
    QCOMPARE(r.code(), QStringLiteral("unsupported-protocol"));
    r = http.send("GET", QStringLiteral("/api/v1/version"), {},
                  {{"Jiliang-Protocol-Version", "1"}});
    QCOMPARE(r.status, 200);
}

void TestServerBasics::bodyLimitIs413()
{
    SERVER_OR_SKIP(s);
    Http http(s->base());
    const Reply r = http.send("POST", QStringLiteral("/api/v1/batch"), QByteArray(8192, 'x'),
                              {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 413);
    QCOMPARE(r.code(), QStringLiteral("payload-too-large"));
}

namespace {

// One HTTP/1.1 exchange on a raw socket (QNetworkAccessManager sends a whole body before it
// reads an answer): waits for a complete answer and returns it.
QByteArray readAnswer(QTcpSocket &socket)
{
    QByteArray in;
    for (int wait = 0; wait < 300; ++wait) {
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
            const auto m = length.match(QString::fromLatin1(in.left(end)));
            if (m.hasMatch() && in.size() >= end + 4 + m.captured(1).toLongLong())
                return in;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(100);
        in += socket.readAll();
    }
    return in;
}

} // namespace

void TestServerBasics::bodyLimitBeforeTheBody()
{
    SERVER_OR_SKIP(s);
    const QUrl base(s->base());
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(socket.waitForConnected(10000));
    const QByteArray get = "GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n";
    // A request first, so the refused one is not the first on its connection.
    socket.write(get);
    QVERIFY(readAnswer(socket).startsWith("HTTP/1.1 200"));
    // Headers announcing 20,000 bytes (the limit is 4,096) and only the first 100 of them:
    // the answer comes now, not after a body that is never sent.
    socket.write("POST /api/v1/batch HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\n"
                 "Content-Type: application/json\r\nContent-Length: 20000\r\n\r\n" +
                 QByteArray(100, 'x'));
    const QByteArray refused = readAnswer(socket);
    QVERIFY2(refused.startsWith("HTTP/1.1 413"), refused.constData());
    QVERIFY(refused.contains("payload-too-large"));
    QVERIFY(refused.contains("application/problem+json"));
    // The rest of the body is dropped as it comes, and the connection goes on.
    socket.write(QByteArray(19900, 'x'));
    socket.write(get);
    QVERIFY(readAnswer(socket).startsWith("HTTP/1.1 200"));
    // Within the limit, a body is read as before.
    const QByteArray body = "{\"entries\":[]}";
    socket.write("POST /api/v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Content-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(readAnswer(socket).startsWith("HTTP/1.1 401")); // read whole, then no token
}

void TestServerBasics::restartKeepsEpoch()
{
    SERVER_OR_SKIP(s);
    Http http(s->base());
    const QString epoch = http.get(QStringLiteral("/api/v1/version"))
                              .json()
                              .value(QStringLiteral("epoch"))
                              .toString();
    // A second instance on the same database: the migrations find nothing to do and the
    // epoch stays (it names the database's history, not the process).
    ServerProcess second;
    QVERIFY(second.start(backend == QLatin1String("sqlite") ? m_sqlite->url() : m_pg->url()));
    Http http2(second.base());
    QCOMPARE(http2.get(QStringLiteral("/api/v1/version"))
                 .json()
                 .value(QStringLiteral("epoch"))
                 .toString(),
             epoch);
    QVERIFY(second.stop());
}

void TestServerBasics::badCommandLine()
{
    QProcess p;
    p.start(serverBinary(), {QStringLiteral("--listen"), QStringLiteral("nonsense")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--listen"));
    p.start(serverBinary(), {QStringLiteral("--database"), QStringLiteral("mysql://x")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestServerBasics)
#include "tst_serverbasics.moc"
