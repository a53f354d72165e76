// POST /api/v1/batch (sync.md §11b) over real HTTP: entries applied in order with one result
// each, rejections reported per entry without stopping, replays, the size limit, and the stop
// at an entry in flight on another instance with the rest left for the retry.
#include "server/serverharness.h"

#include <QTemporaryFile>

using namespace jl::servertest;

namespace {

QJsonObject entry(const QString &key, const QString &collection, const QString &id,
                  const QString &kind, const QJsonObject &payload = {},
                  std::optional<int> baseRev = std::nullopt, const QString &command = {})
{
    QJsonObject e{{QStringLiteral("key"), key},
                  {QStringLiteral("collection"), collection},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("payload"), payload}};
    if (baseRev)
        e.insert(QStringLiteral("baseRev"), *baseRev);
    if (!command.isEmpty())
        e.insert(QStringLiteral("command"), command);
    return e;
}

QList<int> statuses(const Reply &r)
{
    QList<int> out;
    const QJsonArray results = r.json().value(u"results").toArray();
    for (const QJsonValue &v : results)
        out.append(v.toObject().value(u"status").toInt());
    return out;
}

Reply sendBatch(Http &http, const QJsonArray &entries)
{
    return http.post(QStringLiteral("/api/v1/batch"),
                     QJsonObject{{QStringLiteral("entries"), entries}});
}

} // namespace

class TestServerBatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void orderKept_data() { JL_BACKEND_ROWS(); }
    void orderKept();
    void rejectionsDoNotStop_data() { JL_BACKEND_ROWS(); }
    void rejectionsDoNotStop();
    void replayedBatch_data() { JL_BACKEND_ROWS(); }
    void replayedBatch();
    void malformedEntries_data() { JL_BACKEND_ROWS(); }
    void malformedEntries();
    void fullBatch_data() { JL_BACKEND_ROWS(); }
    void fullBatch();
    void serialsWithinBatch_data() { JL_BACKEND_ROWS(); }
    void serialsWithinBatch();
    void awkwardTextKept_data() { JL_BACKEND_ROWS(); }
    void awkwardTextKept();
    void stopsAtEntryInFlight();
    void stopsAtServerError_data() { JL_BACKEND_ROWS(); }
    void stopsAtServerError();

private:
    Backend m_sqlite;
    Backend m_pg;
};

void TestServerBatch::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QVERIFY(m_sqlite.setUp(TestDatabase::Kind::Sqlite));
    if (TestDatabase::postgresAvailable())
        QVERIFY(m_pg.setUp(TestDatabase::Kind::Postgres));
}

void TestServerBatch::cleanupTestCase()
{
    QVERIFY(m_sqlite.server->stop());
    if (m_pg.server)
        QVERIFY(m_pg.server->stop());
}

void TestServerBatch::orderKept()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString x = newId();
    const QString site = newId();
    QJsonObject renamed = instrumentPayload(QStringLiteral("B-1"), QStringLiteral("2号加油机"));
    renamed.insert(QStringLiteral("siteId"), site);
    const QJsonArray entries = {
        entry(newId(), QStringLiteral("instruments"), x, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("B-1"))),
        entry(newId(), QStringLiteral("sites"), site, QStringLiteral("upsert"), sitePayload()),
        // Depends on both before it: the update on rev 1, the site link.
        entry(newId(), QStringLiteral("instruments"), x, QStringLiteral("upsert"), renamed, 1),
        entry(newId(), QStringLiteral("instruments"), x, QStringLiteral("command"), {}, 2,
              QStringLiteral("moveToHistory")),
        entry(newId(), QStringLiteral("instruments"), x, QStringLiteral("delete"), {}, 3),
    };
    const Reply r = sendBatch(http, entries);
    QCOMPARE(r.status, 200);
    QCOMPARE(statuses(r), (QList<int>{201, 201, 200, 200, 200}));
    QCOMPARE(r.json().value(u"processed").toInt(), 5);
    QCOMPARE(r.json().value(u"stopped").toBool(), false);
    const QJsonArray results = r.json().value(u"results").toArray();
    QCOMPARE(
        results.at(2).toObject().value(u"body").toObject().value(u"data").toObject().value(u"name"),
        QJsonValue(QStringLiteral("2号加油机")));
    QCOMPARE(results.at(4).toObject().value(u"key").toString(),
             entries.at(4).toObject().value(u"key").toString());
    QCOMPARE(http.get(QStringLiteral("/api/v1/instruments/") + x).json().value(u"deleted").toBool(),
             true);
}

void TestServerBatch::awkwardTextKept()
{
    // On PostgreSQL a batch sends its records, keys and answers as array literals: text with
    // quotes, backslashes, braces, commas, the word NULL or nothing at all must come back as
    // it went in, in the stored record, the stored answer (replayed) and the feed.
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QStringList names = {QStringLiteral("a \"quoted\" name"), QStringLiteral("back\\slash\\"),
                               QStringLiteral("{braces},commas"), QStringLiteral("NULL"),
                               QStringLiteral("'single' \\\" 加油机 \\N")};
    QJsonArray entries;
    QStringList ids;
    for (qsizetype i = 0; i < names.size(); ++i) {
        ids.append(newId());
        QJsonObject payload = instrumentPayload(QStringLiteral("AWK-%1").arg(i), names.at(i));
        payload.insert(QStringLiteral("installLocation"), QString());
        entries.append(entry(QStringLiteral("awk\"key\\%1-").arg(i) + newId(),
                             QStringLiteral("instruments"), ids.last(), QStringLiteral("upsert"),
                             payload));
    }
    const Reply first = sendBatch(http, entries);
    QCOMPARE(first.status, 200);
    QCOMPARE(statuses(first), (QList<int>{201, 201, 201, 201, 201}));
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QJsonObject data = http.get(QStringLiteral("/api/v1/instruments/") + ids.at(i))
                                     .json()
                                     .value(u"data")
                                     .toObject();
        QCOMPARE(data.value(u"name").toString(), names.at(i));
        QCOMPARE(data.value(u"installLocation").toString(), QString());
    }
    const Reply again = sendBatch(http, entries);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"results"), first.json().value(u"results"));
}

void TestServerBatch::rejectionsDoNotStop()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString existing = newId();
    QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + existing, contactPayload()).status,
             201);
    const QString usedKey = newId();
    QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + newId(), contactPayload(),
                      {{"Idempotency-Key", usedKey.toLatin1()}})
                 .status,
             201);
    QJsonObject bad = contactPayload();
    bad.insert(QStringLiteral("phone"), QStringLiteral("x"));
    const QString rejectedId = newId();
    const QString last = newId();
    const QJsonArray entries = {
        entry(newId(), QStringLiteral("contacts"), newId(), QStringLiteral("upsert"),
              contactPayload()),
        entry(newId(), QStringLiteral("contacts"), rejectedId, QStringLiteral("upsert"), bad),
        entry(newId(), QStringLiteral("contacts"), existing, QStringLiteral("upsert"),
              contactPayload(QStringLiteral("晚了")), 0),
        entry(usedKey, QStringLiteral("contacts"), newId(), QStringLiteral("upsert"),
              contactPayload(QStringLiteral("别的"))),
        entry(newId(), QStringLiteral("verificationRecords"), newId(), QStringLiteral("upsert"),
              QJsonObject()),
        entry(newId(), QStringLiteral("contacts"), last, QStringLiteral("upsert"),
              contactPayload()),
    };
    const Reply r = sendBatch(http, entries);
    QCOMPARE(r.status, 200);
    QCOMPARE(statuses(r), (QList<int>{201, 422, 412, 422, 405, 201}));
    const QJsonArray results = r.json().value(u"results").toArray();
    QCOMPARE(results.at(1).toObject().value(u"body").toObject().value(u"code").toString(),
             QStringLiteral("validation"));
    QCOMPARE(results.at(2)
                 .toObject()
                 .value(u"body")
                 .toObject()
                 .value(u"current")
                 .toObject()
                 .value(u"rev"),
             QJsonValue(1));
    QCOMPARE(results.at(3).toObject().value(u"body").toObject().value(u"code").toString(),
             QStringLiteral("idempotency-mismatch"));
    // A rejected entry leaves nothing behind; the ones around it are stored.
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts/") + rejectedId).status, 404);
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts/") + last).status, 200);
}

void TestServerBatch::replayedBatch()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString id = newId();
    const QJsonArray entries = {
        entry(newId(), QStringLiteral("sites"), id, QStringLiteral("upsert"), sitePayload()),
        entry(newId(), QStringLiteral("sites"), id, QStringLiteral("upsert"),
              sitePayload(QStringLiteral("改名加油站")), 1),
    };
    const Reply first = sendBatch(http, entries);
    QCOMPARE(statuses(first), (QList<int>{201, 200}));
    // The whole batch again (its answer was lost): the same results, nothing applied twice.
    const Reply again = sendBatch(http, entries);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"results"), first.json().value(u"results"));
    QCOMPARE(http.get(QStringLiteral("/api/v1/sites/") + id).json().value(u"rev").toInt(), 2);
}

void TestServerBatch::malformedEntries()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    QJsonObject noKey = entry(QString(), QStringLiteral("contacts"), newId(),
                              QStringLiteral("upsert"), contactPayload());
    const QJsonArray entries = {
        noKey,
        entry(newId(), QStringLiteral("contacts"), QStringLiteral("x"), QStringLiteral("upsert"),
              contactPayload()),
        entry(newId(), QStringLiteral("contacts"), newId(), QStringLiteral("rename"),
              contactPayload()),
        entry(newId(), QStringLiteral("nothing"), newId(), QStringLiteral("upsert"),
              contactPayload()),
        QJsonValue(42),
        entry(newId(), QStringLiteral("contacts"), newId(), QStringLiteral("upsert"),
              contactPayload()),
    };
    const Reply r = sendBatch(http, entries);
    QCOMPARE(r.status, 200);
    QCOMPARE(statuses(r), (QList<int>{400, 400, 400, 404, 400, 201}));
    QCOMPARE(http.post(QStringLiteral("/api/v1/batch"), QJsonObject()).status, 400);
    QCOMPARE(http.send("POST", QStringLiteral("/api/v1/batch"), "[]",
                       {{"Content-Type", "application/json"}})
                 .status,
             400);
}

void TestServerBatch::fullBatch()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    QJsonArray entries;
    for (int n = 0; n < 500; ++n)
        entries.append(
            entry(newId(), QStringLiteral("instruments"), newId(), QStringLiteral("upsert"),
                  instrumentPayload(QStringLiteral("FULL-%1").arg(n, 4, 10, QLatin1Char('0')))));
    const Reply r = sendBatch(http, entries);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"processed").toInt(), 500);
    QCOMPARE(statuses(r).count(201), 500);
    entries.append(entries.at(0));
    const Reply tooMany = sendBatch(http, entries);
    QCOMPARE(tooMany.status, 413);
    QCOMPARE(tooMany.code(), QStringLiteral("batch-too-large"));
}

void TestServerBatch::serialsWithinBatch()
{
    // A batch reads what it needs up front and sends its writes together: every entry must
    // still see the ones before it (serials taken and freed, waiting verification records).
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QJsonDocument(QJsonArray{QJsonObject{
                                 {QStringLiteral("uscc"), b.account.uscc},
                                 {QStringLiteral("certificateNo"), QStringLiteral("JD-W-1")},
                                 {QStringLiteral("serialNo"), QStringLiteral("WAIT-1")},
                                 {QStringLiteral("instrumentName"), QStringLiteral("燃油加油机")},
                                 {QStringLiteral("model"), QStringLiteral("ZXJ-2242")},
                                 {QStringLiteral("institution"), QStringLiteral("检测院")},
                                 {QStringLiteral("verifiedAt"), QStringLiteral("2025-02-01")},
                                 {QStringLiteral("result"), QStringLiteral("fail")},
                                 {QStringLiteral("validUntil"), QStringLiteral("2026-01-31")}}})
                   .toJson());
    file.flush();
    QCOMPARE(runAdmin(b.db->url(), {QStringLiteral("upload-verification-records"), file.fileName()})
                 .exitCode,
             0);
    const QString a = newId();
    const QString c = newId();
    const QString d = newId();
    const QString w = newId();
    const QJsonArray entries = {
        entry(newId(), QStringLiteral("instruments"), a, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("DUP-1"))),
        // Taken by the entry before.
        entry(newId(), QStringLiteral("instruments"), c, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("DUP-1"))),
        // Freed, then free for the next entry.
        entry(newId(), QStringLiteral("instruments"), a, QStringLiteral("command"), {}, 1,
              QStringLiteral("moveToHistory")),
        entry(newId(), QStringLiteral("instruments"), c, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("DUP-1"))),
        // Restoring a into a serial in use again is refused.
        entry(newId(), QStringLiteral("instruments"), a, QStringLiteral("command"), {}, 2,
              QStringLiteral("restore")),
        // Renamed to a serial another entry of the batch then wants.
        entry(newId(), QStringLiteral("instruments"), c, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("DUP-2")), 1),
        entry(newId(), QStringLiteral("instruments"), d, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("DUP-1"))),
        entry(newId(), QStringLiteral("instruments"), d, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("DUP-2")), 1),
        // The waiting verification record is matched once, by the first.
        entry(newId(), QStringLiteral("instruments"), w, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("WAIT-1"))),
    };
    const Reply r = sendBatch(http, entries);
    QCOMPARE(r.status, 200);
    QCOMPARE(statuses(r), (QList<int>{201, 422, 200, 201, 422, 200, 201, 422, 201}));
    const QJsonArray results = r.json().value(u"results").toArray();
    QCOMPARE(results.at(1).toObject().value(u"body").toObject().value(u"conflictingId").toString(),
             a);
    QCOMPARE(results.at(4).toObject().value(u"body").toObject().value(u"code").toString(),
             QStringLiteral("restore-serial-taken"));
    QCOMPARE(results.at(7).toObject().value(u"body").toObject().value(u"conflictingId").toString(),
             c);
    QCOMPARE(results.at(8)
                 .toObject()
                 .value(u"body")
                 .toObject()
                 .value(u"data")
                 .toObject()
                 .value(u"verificationResult")
                 .toString(),
             QStringLiteral("fail"));
    QCOMPARE(http.get(QStringLiteral("/api/v1/instruments/") + c).json().value(u"rev").toInt(), 2);
    QCOMPARE(http.get(QStringLiteral("/api/v1/instruments/") + d).json().value(u"rev").toInt(), 1);
    QCOMPARE(http.get(QStringLiteral("/api/v1/instruments/") + a)
                 .json()
                 .value(u"data")
                 .toObject()
                 .value(u"lifecycle")
                 .toString(),
             QStringLiteral("history"));
    const QJsonArray unmatched =
        http.get(QStringLiteral("/api/v1/verificationRecords?unmatched=true"))
            .json()
            .value(u"items")
            .toArray();
    for (const QJsonValue &v : unmatched)
        QVERIFY(v.toObject().value(u"data").toObject().value(u"serialNo").toString() !=
                QLatin1String("WAIT-1"));
}

void TestServerBatch::stopsAtEntryInFlight()
{
    // Needs the claim to be visible while the first instance works, which PostgreSQL gives
    // (SQLite runs one writer at a time, so there the batch would wait and find the answer).
    if (!m_pg.server)
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");
    Backend &b = m_pg;
    ServerProcess slow;
    QVERIFY(slow.start(b.db->url(),
                       {QStringLiteral("--test-commit-delay-ms"), QStringLiteral("1500")}));
    Http toSlow(slow.base());
    toSlow.setToken(b.token);
    const QString busyId = newId();
    const QString busyKey = newId();
    QNetworkReply *pending =
        toSlow.start("PUT", QStringLiteral("/api/v1/contacts/") + busyId,
                     QJsonDocument(contactPayload()).toJson(QJsonDocument::Compact),
                     {{"Idempotency-Key", busyKey.toLatin1()}});
    QTest::qWait(500);
    Http http = b.http();
    const QString after = newId();
    const QJsonArray entries = {
        entry(newId(), QStringLiteral("contacts"), newId(), QStringLiteral("upsert"),
              contactPayload()),
        entry(busyKey, QStringLiteral("contacts"), busyId, QStringLiteral("upsert"),
              contactPayload()),
        entry(newId(), QStringLiteral("contacts"), after, QStringLiteral("upsert"),
              contactPayload()),
    };
    const Reply stopped = sendBatch(http, entries);
    QCOMPARE(stopped.status, 200);
    QCOMPARE(statuses(stopped), (QList<int>{201, 409, 424}));
    QCOMPARE(stopped.json().value(u"stopped").toBool(), true);
    QCOMPARE(stopped.json().value(u"processed").toInt(), 2);
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts/") + after).status, 404);
    QCOMPARE(Http::finish(pending).status, 201);
    // The retry of the same batch: the first two answered from the store, the third runs now.
    const Reply retry = sendBatch(http, entries);
    QCOMPARE(statuses(retry), (QList<int>{201, 201, 201}));
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts/") + after).status, 200);
    QVERIFY(slow.stop());
}

void TestServerBatch::stopsAtServerError()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    // An instance on the same database on which writing serial FAIL-1 fails like a database
    // error (a test failpoint).
    ServerProcess failing;
    QVERIFY(failing.start(b.db->url(),
                          {QStringLiteral("--test-fail-serial"), QStringLiteral("FAIL-1")}));
    Http http(failing.base());
    http.setToken(b.token);
    const QString before = newId();
    const QString broken = newId();
    const QString after = newId();
    const QJsonArray entries = {
        entry(newId(), QStringLiteral("instruments"), before, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("OK-1"))),
        entry(newId(), QStringLiteral("contacts"), newId(), QStringLiteral("upsert"),
              QJsonObject{{QStringLiteral("name"), QString()}}), // a rejection before it
        entry(newId(), QStringLiteral("instruments"), broken, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("FAIL-1"))),
        entry(newId(), QStringLiteral("instruments"), after, QStringLiteral("upsert"),
              instrumentPayload(QStringLiteral("OK-2"))),
    };
    const Reply r = sendBatch(http, entries);
    QCOMPARE(r.status, 200);
    QCOMPARE(statuses(r), (QList<int>{201, 422, 500, 424}));
    QCOMPARE(r.json().value(u"stopped").toBool(), true);
    // What came before the failure is stored, nothing of it or after it.
    QCOMPARE(http.get(QStringLiteral("/api/v1/instruments/") + before).status, 200);
    QCOMPARE(http.get(QStringLiteral("/api/v1/instruments/") + broken).status, 404);
    QCOMPARE(http.get(QStringLiteral("/api/v1/instruments/") + after).status, 404);
    // The retry (on an instance without the failpoint) answers the first two from the store
    // and runs the others now.
    Http healthy = b.http();
    const Reply retry = sendBatch(healthy, entries);
    QCOMPARE(statuses(retry), (QList<int>{201, 422, 201, 201}));
    QCOMPARE(
        healthy.get(QStringLiteral("/api/v1/instruments/") + before).json().value(u"rev").toInt(),
        1);
    QVERIFY(failing.stop());
}

QTEST_GUILESS_MAIN(TestServerBatch)
#include "tst_serverbatch.moc"
