// The changes feed (sync.md §1–6) over real HTTP: paging in change order with tombstones, the
// opaque cursor bound to enterprise and epoch (404 / 410 / 400), the tombstone horizon, and
// on PostgreSQL eight concurrent writers while a reader pages: no change missed or seen twice.
#include "server/serverharness.h"

#include <QSet>

using namespace jl::servertest;

namespace {

struct Page {
    QJsonArray changes;
    QString cursor;
    bool hasMore = false;
    int status = 0;
};

Page fetch(Http &http, const QString &cursor, int limit)
{
    const Reply r = http.get(QStringLiteral("/api/v1/changes?limit=%1&cursor=%2")
                                 .arg(limit)
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor))));
    Page p;
    p.status = r.status;
    p.changes = r.json().value(u"changes").toArray();
    p.cursor = r.json().value(u"cursor").toString();
    p.hasMore = r.json().value(u"hasMore").toBool();
    return p;
}

// Everything from `cursor` on; returns the last cursor.
QString drain(Http &http, QString cursor, QList<QJsonObject> *out, int limit = 2)
{
    for (int guard = 0; guard < 10000; ++guard) {
        const Page p = fetch(http, cursor, limit);
        if (p.status != 200)
            return {};
        for (const QJsonValue &v : p.changes)
            out->append(v.toObject());
        cursor = p.cursor;
        if (!p.hasMore)
            break;
    }
    return cursor;
}

} // namespace

class TestServerChanges : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pagesInChangeOrder_data() { JL_BACKEND_ROWS(); }
    void pagesInChangeOrder();
    void cursorBoundToEnterprise_data() { JL_BACKEND_ROWS(); }
    void cursorBoundToEnterprise();
    void newEpochIs410_data() { JL_BACKEND_ROWS(); }
    void newEpochIs410();
    void tombstoneHorizonIs410_data() { JL_BACKEND_ROWS(); }
    void tombstoneHorizonIs410();
    void concurrentWritersPostgres();
    void plainSequenceLosesChanges();

private:
    // Eight writers (each on its own connection) create records while a reader pages the
    // feed; returns how many of the created records the reader never saw, and fails on one
    // seen twice.
    void writersAndReader(const QStringList &serverArgs, int *missed);

    Backend m_sqlite;
    Backend m_pg;
};

void TestServerChanges::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QVERIFY(m_sqlite.setUp(TestDatabase::Kind::Sqlite));
    if (TestDatabase::postgresAvailable())
        QVERIFY(m_pg.setUp(TestDatabase::Kind::Postgres));
}

void TestServerChanges::cleanupTestCase()
{
    QVERIFY(m_sqlite.server->stop());
    if (m_pg.server)
        QVERIFY(m_pg.server->stop());
}

void TestServerChanges::pagesInChangeOrder()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    const Account a = createAccount(b.db->url(), 20);
    Http http(b.server->base());
    http.setToken(accessToken(b.server->base(), a));
    QStringList contacts;
    for (int n = 0; n < 3; ++n) {
        contacts.append(newId());
        QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + contacts.last(), contactPayload())
                     .status,
                 201);
    }
    const QString site = newId();
    QCOMPARE(http.put(QStringLiteral("/api/v1/sites/") + site, sitePayload()).status, 201);
    QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + contacts.at(0),
                      contactPayload(QStringLiteral("改名")), {{"If-Match", ifMatch(1)}})
                 .status,
             200);
    QCOMPARE(
        http.del(QStringLiteral("/api/v1/contacts/") + contacts.at(1), {{"If-Match", "1"}}).status,
        200);

    QList<QJsonObject> seen;
    const QString end = drain(http, QString(), &seen);
    QVERIFY(!end.isEmpty());
    // One entry per record (its latest state), in the order of their last change: the
    // enterprise record first, the untouched contact, the site, the update, the delete.
    QStringList order;
    for (const QJsonObject &c : seen)
        order.append(c.value(u"id").toString());
    QCOMPARE(order,
             (QStringList{a.enterpriseId, contacts.at(2), site, contacts.at(0), contacts.at(1)}));
    QCOMPARE(seen.at(3).value(u"rev").toInt(), 2);
    QCOMPARE(seen.at(3).value(u"data").toObject().value(u"name").toString(),
             QStringLiteral("改名"));
    QCOMPARE(seen.at(4).value(u"deleted").toBool(), true);
    QVERIFY(seen.at(4).value(u"data").isNull());
    QCOMPARE(seen.at(0).value(u"collection").toString(), QStringLiteral("enterprise"));

    // At the end: nothing more, the same position, the epoch of the server.
    const Reply r = http.get(QStringLiteral("/api/v1/changes?cursor=") + end);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(u"changes").toArray().isEmpty());
    QCOMPARE(r.json().value(u"hasMore").toBool(), false);
    QCOMPARE(r.json().value(u"cursor").toString(), end);
    QCOMPARE(r.json().value(u"epoch").toString(),
             http.get(QStringLiteral("/api/v1/version")).json().value(u"epoch").toString());
    // A later change is all the next pull brings.
    QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + contacts.at(2),
                      contactPayload(QStringLiteral("再改")), {{"If-Match", ifMatch(1)}})
                 .status,
             200);
    QList<QJsonObject> more;
    drain(http, end, &more);
    QCOMPARE(more.size(), 1);
    QCOMPARE(more.at(0).value(u"id").toString(), contacts.at(2));
    QCOMPARE(http.get(QStringLiteral("/api/v1/changes?limit=x")).status, 400);
}

void TestServerChanges::cursorBoundToEnterprise()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    const Account other = createAccount(b.db->url(), 21);
    Http mine = b.http();
    Http theirs(b.server->base());
    theirs.setToken(accessToken(b.server->base(), other));
    const Page p = fetch(theirs, QString(), 5);
    QCOMPARE(p.status, 200);
    // Another enterprise's cursor reveals nothing: 404.
    Reply r = mine.get(QStringLiteral("/api/v1/changes?cursor=") + p.cursor);
    QCOMPARE(r.status, 404);
    QVERIFY(!r.body.contains("changes"));
    // A cursor that is not ours at all: 400.
    QString forged = p.cursor;
    forged[2] = forged.at(2) == u'A' ? u'B' : u'A';
    QCOMPARE(mine.get(QStringLiteral("/api/v1/changes?cursor=") + forged).status, 400);
    QCOMPARE(mine.get(QStringLiteral("/api/v1/changes?cursor=nonsense")).code(),
             QStringLiteral("cursor-invalid"));
}

void TestServerChanges::newEpochIs410()
{
    QFETCH(QString, backend);
    if (backend == QLatin1String("postgresql") && !TestDatabase::postgresAvailable())
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");
    // Its own database: a new epoch concerns every enterprise.
    Backend b;
    QVERIFY(b.setUp(backend == QLatin1String("sqlite") ? TestDatabase::Kind::Sqlite
                                                       : TestDatabase::Kind::Postgres));
    Http http = b.http();
    const Page before = fetch(http, QString(), 10);
    QCOMPARE(before.status, 200);
    const CommandResult r = runAdmin(b.db->url(), {QStringLiteral("new-epoch")});
    QCOMPARE(r.exitCode, 0);
    const QString epoch =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"epoch").toString();
    // The running instance notices within a second (no restart).
    QTest::qWait(1100);
    const Reply gone = http.get(QStringLiteral("/api/v1/changes?cursor=") + before.cursor);
    QCOMPARE(gone.status, 410);
    QCOMPARE(gone.code(), QStringLiteral("cursor-gone"));
    QCOMPARE(gone.json().value(u"epoch").toString(), epoch);
    QCOMPARE(QString::fromLatin1(gone.header("Jiliang-Epoch")), epoch);
    // Starting over works, in the new epoch.
    const Page again = fetch(http, QString(), 10);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.changes.size(), before.changes.size());
    QVERIFY(b.server->stop());
}

void TestServerChanges::tombstoneHorizonIs410()
{
    QFETCH(QString, backend);
    if (backend == QLatin1String("postgresql") && !TestDatabase::postgresAvailable())
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");
    Backend b;
    QVERIFY(b.setUp(backend == QLatin1String("sqlite") ? TestDatabase::Kind::Sqlite
                                                       : TestDatabase::Kind::Postgres));
    Http http = b.http();
    const QString id = newId();
    QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + id, contactPayload()).status, 201);
    QList<QJsonObject> seen;
    const QString old = drain(http, QString(), &seen);
    QCOMPARE(http.del(QStringLiteral("/api/v1/contacts/") + id, {{"If-Match", "1"}}).status, 200);
    const QString recent = drain(http, old, &seen);
    QCOMPARE(seen.constLast().value(u"deleted").toBool(), true);
    // Tombstones older than 0 days: the delete is gone, so a client that has not seen it
    // must not carry on from before it.
    const CommandResult r =
        runAdmin(b.db->url(), {QStringLiteral("purge-tombstones"),
                               QStringLiteral("--older-than-days"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"purged").toInt(), 1);
    QCOMPARE(http.get(QStringLiteral("/api/v1/changes?cursor=") + old).status, 410);
    // A client that saw the delete carries on.
    QCOMPARE(http.get(QStringLiteral("/api/v1/changes?cursor=") + recent).status, 200);
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts/") + id).status, 404);
    QVERIFY(b.server->stop());
}

void TestServerChanges::writersAndReader(const QStringList &serverArgs, int *missed)
{
    TestDatabase db(TestDatabase::Kind::Postgres);
    QVERIFY(db.isValid());
    const Account a = createAccount(db.url(), 1);
    ServerProcess server;
    QVERIFY(
        server.start(db.url(), QStringList{QStringLiteral("--threads"), QStringLiteral("12"),
                                           QStringLiteral("--rate-limit"), QStringLiteral("0")} +
                                   serverArgs));
    const QString token = accessToken(server.base(), a);
    QVERIFY(!token.isEmpty());

    constexpr int Writers = 8;
    constexpr int PerWriter = 25;
    // Each writer has its own connection (a QNetworkAccessManager of its own), chained: the
    // next create goes out when the last one is answered. All on this thread's event loop.
    std::vector<std::unique_ptr<Http>> writers;
    QSet<QString> created;
    int pending = Writers * PerWriter;
    int failures = 0;
    std::function<void(int, int)> next = [&](int w, int n) {
        if (n == PerWriter)
            return;
        const QString id = newId();
        QNetworkReply *reply = writers[size_t(w)]->start(
            "PUT", QStringLiteral("/api/v1/contacts/") + id,
            QJsonDocument(contactPayload(QStringLiteral("写者%1-%2").arg(w).arg(n)))
                .toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, id, w, n] {
            const Reply r = Http::finish(reply);
            if (r.status == 201)
                created.insert(id);
            else
                ++failures;
            --pending;
            next(w, n + 1);
        });
    };
    for (int w = 0; w < Writers; ++w) {
        writers.push_back(std::make_unique<Http>(server.base()));
        writers.back()->setToken(token);
    }

    // The reader pages while they write.
    Http reader(server.base());
    reader.setToken(token);
    QString cursor;
    QHash<QString, int> seenCount;
    auto readPage = [&]() -> bool {
        const Page p = fetch(reader, cursor, 7);
        if (p.status != 200)
            return false;
        for (const QJsonValue &v : p.changes)
            ++seenCount[v.toObject().value(u"id").toString()];
        cursor = p.cursor;
        return p.hasMore;
    };
    for (int w = 0; w < Writers; ++w)
        next(w, 0);
    QElapsedTimer timer;
    timer.start();
    while (pending > 0 && timer.elapsed() < 120000)
        readPage(); // each read spins the event loop, so the writers progress meanwhile
    QCOMPARE(pending, 0);
    QCOMPARE(failures, 0);
    while (readPage()) {
    }

    for (auto it = seenCount.cbegin(); it != seenCount.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("seen twice: ") + it.key()));
    *missed = 0;
    for (const QString &id : std::as_const(created)) {
        if (!seenCount.contains(id))
            ++*missed;
    }
    QCOMPARE(created.size(), Writers * PerWriter);
    QVERIFY(server.stop());
}

void TestServerChanges::concurrentWritersPostgres()
{
    if (!TestDatabase::postgresAvailable())
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");
    // Each write transaction sleeps 5 ms before it commits, so commits overlap a lot.
    int missed = -1;
    writersAndReader({QStringLiteral("--test-commit-delay-ms"), QStringLiteral("5")}, &missed);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(missed, 0);
}

void TestServerChanges::plainSequenceLosesChanges()
{
    // The same run numbered from a plain PostgreSQL sequence instead of the per-enterprise
    // counter row. Numbers are taken at insert and commits land out of order, so the reader
    // passes numbers whose transactions commit later: those changes are never delivered. Run
    // with JILIANG_SHOW_PLAIN_SEQUENCE=1 to see it fail (typically dozens of the 200 missed).
    if (!TestDatabase::postgresAvailable())
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");
    if (qEnvironmentVariableIsEmpty("JILIANG_SHOW_PLAIN_SEQUENCE"))
        QSKIP("a demonstration of the wrong design: set JILIANG_SHOW_PLAIN_SEQUENCE=1 to run it");
    int missed = -1;
    writersAndReader({QStringLiteral("--test-commit-delay-ms"), QStringLiteral("5"),
                      QStringLiteral("--test-plain-sequence")},
                     &missed);
    if (QTest::currentTestFailed())
        return;
    qInfo() << "changes missed with a plain sequence:" << missed;
    QCOMPARE(missed, 0); // fails: that is the point
}

QTEST_GUILESS_MAIN(TestServerChanges)
#include "tst_serverchanges.moc"
