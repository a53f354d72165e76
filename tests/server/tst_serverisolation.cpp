// Tenant isolation (sync.md §20) for every collection: enterprise A using B's record ids
// gets 404 and no data, whatever it tries; a body that sets the enterprise or a field the
// server owns is refused. (Cursors and file hashes: tst_serverchanges, tst_serverfiles; admin
// routes refusing enterprise tokens: tst_serververification.)
#include "server/serverharness.h"

#include <QTemporaryFile>

using namespace jl::servertest;

class TestServerIsolation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void otherEnterprisesIdsAre404_data();
    void otherEnterprisesIdsAre404();
    void verificationRecordsAre404_data() { JL_BACKEND_ROWS(); }
    void verificationRecordsAre404();
    void sameIdIsAnotherRecord_data() { JL_BACKEND_ROWS(); }
    void sameIdIsAnotherRecord();
    void serverOwnedFieldsRefused_data();
    void serverOwnedFieldsRefused();
    void batchCannotReachOthers_data() { JL_BACKEND_ROWS(); }
    void batchCannotReachOthers();

private:
    struct Tenant {
        Backend base;
        Account other;
        QString otherToken;
    };
    Tenant *tenant(const QString &backend);

    Tenant m_sqlite;
    Tenant m_pg;
};

namespace {

QJsonObject payloadFor(const QString &collection)
{
    if (collection == QLatin1String("contacts"))
        return contactPayload();
    if (collection == QLatin1String("sites"))
        return sitePayload();
    return instrumentPayload(QStringLiteral("ISO-") + newId().left(8));
}

void collectionRows()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("collection");
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const char *collection : {"contacts", "sites", "instruments"})
            QTest::addRow("%s/%s", backend, collection)
                << QString::fromLatin1(backend) << QString::fromLatin1(collection);
    }
}

} // namespace

TestServerIsolation::Tenant *TestServerIsolation::tenant(const QString &backend)
{
    Tenant *t = backend == QLatin1String("sqlite") ? &m_sqlite : &m_pg;
    return t->base.server ? t : nullptr;
}

#define TENANT_OR_SKIP(var)                                                                        \
    QFETCH(QString, backend);                                                                      \
    Tenant *var = tenant(backend);                                                                 \
    if (!var)                                                                                      \
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");

void TestServerIsolation::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    auto setUp = [](Tenant &t, TestDatabase::Kind kind) {
        QVERIFY(t.base.setUp(kind));
        t.other = createAccount(t.base.db->url(), 2, QStringLiteral("另一家企业"));
        t.otherToken = accessToken(t.base.server->base(), t.other);
        QVERIFY(!t.otherToken.isEmpty());
    };
    setUp(m_sqlite, TestDatabase::Kind::Sqlite);
    if (TestDatabase::postgresAvailable())
        setUp(m_pg, TestDatabase::Kind::Postgres);
}

void TestServerIsolation::cleanupTestCase()
{
    QVERIFY(m_sqlite.base.server->stop());
    if (m_pg.base.server)
        QVERIFY(m_pg.base.server->stop());
}

void TestServerIsolation::otherEnterprisesIdsAre404_data()
{
    collectionRows();
}

void TestServerIsolation::otherEnterprisesIdsAre404()
{
    TENANT_OR_SKIP(t);
    QFETCH(QString, collection);
    Http mine = t->base.http();
    Http theirs(t->base.server->base());
    theirs.setToken(t->otherToken);
    const QString id = newId();
    const QString path = QStringLiteral("/api/v1/%1/%2").arg(collection, id);
    QCOMPARE(theirs.put(path, payloadFor(collection)).status, 201);

    Reply r = mine.get(path);
    QCOMPARE(r.status, 404);
    QVERIFY(!r.body.contains(id.toLatin1()));
    QCOMPARE(mine.put(path, payloadFor(collection), {{"If-Match", ifMatch(1)}}).status, 404);
    QCOMPARE(mine.del(path, {{"If-Match", ifMatch(1)}}).status, 404);
    if (collection == QLatin1String("instruments")) {
        QCOMPARE(mine.post(path + QStringLiteral("/moveToHistory"), QJsonObject()).status, 404);
        QCOMPARE(mine.post(path + QStringLiteral("/restore"), QJsonObject()).status, 404);
    }
    QVERIFY(!mine.get(QStringLiteral("/api/v1/%1?limit=1000").arg(collection))
                 .body.contains(id.toLatin1()));
    QVERIFY(!mine.get(QStringLiteral("/api/v1/changes?limit=1000")).body.contains(id.toLatin1()));
    // Theirs is untouched by all of that.
    const Reply still = theirs.get(path);
    QCOMPARE(still.status, 200);
    QCOMPARE(still.json().value(u"rev").toInt(), 1);
    QCOMPARE(still.json().value(u"deleted").toBool(), false);
}

void TestServerIsolation::verificationRecordsAre404()
{
    TENANT_OR_SKIP(t);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QJsonDocument(QJsonArray{QJsonObject{
                                 {QStringLiteral("uscc"), t->other.uscc},
                                 {QStringLiteral("certificateNo"), QStringLiteral("ISO-CERT-1")},
                                 {QStringLiteral("serialNo"), QStringLiteral("ISO-SERIAL-1")},
                                 {QStringLiteral("verifiedAt"), QStringLiteral("2025-01-02")},
                                 {QStringLiteral("result"), QStringLiteral("pass")}}})
                   .toJson());
    file.flush();
    QCOMPARE(runAdmin(t->base.db->url(),
                      {QStringLiteral("upload-verification-records"), file.fileName()})
                 .exitCode,
             0);
    Http theirs(t->base.server->base());
    theirs.setToken(t->otherToken);
    const QJsonArray items =
        theirs.get(QStringLiteral("/api/v1/verificationRecords")).json().value(u"items").toArray();
    QString id;
    for (const QJsonValue &v : items) {
        if (v.toObject().value(u"data").toObject().value(u"certificateNo").toString() ==
            QLatin1String("ISO-CERT-1"))
            id = v.toObject().value(u"id").toString();
    }
    QVERIFY(!id.isEmpty());
    Http mine = t->base.http();
    QCOMPARE(mine.get(QStringLiteral("/api/v1/verificationRecords/") + id).status, 404);
    QVERIFY(!mine.get(QStringLiteral("/api/v1/verificationRecords?limit=1000"))
                 .body.contains("ISO-CERT-1"));
    // Their instrument with that serial would match; ours does not.
    QCOMPARE(mine.put(QStringLiteral("/api/v1/instruments/") + newId(),
                      instrumentPayload(QStringLiteral("ISO-SERIAL-1")))
                 .json()
                 .value(u"data")
                 .toObject()
                 .value(u"verificationResult")
                 .toString(),
             QStringLiteral("none"));
    // And the enterprise record is always one's own.
    QCOMPARE(mine.get(QStringLiteral("/api/v1/enterprise")).json().value(u"id").toString(),
             t->base.account.enterpriseId);
}

void TestServerIsolation::sameIdIsAnotherRecord()
{
    TENANT_OR_SKIP(t);
    Http mine = t->base.http();
    Http theirs(t->base.server->base());
    theirs.setToken(t->otherToken);
    const QString path = QStringLiteral("/api/v1/contacts/") + newId();
    QCOMPARE(theirs.put(path, contactPayload(QStringLiteral("他们的"))).status, 201);
    // Creating with an id another enterprise uses is an ordinary create: nothing is learnt.
    QCOMPARE(mine.put(path, contactPayload(QStringLiteral("我们的"))).status, 201);
    QCOMPARE(theirs.get(path).json().value(u"data").toObject().value(u"name").toString(),
             QStringLiteral("他们的"));
    QCOMPARE(mine.get(path).json().value(u"data").toObject().value(u"name").toString(),
             QStringLiteral("我们的"));
}

void TestServerIsolation::serverOwnedFieldsRefused_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("field");
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const char *collection : {"contacts", "sites", "instruments"}) {
            for (const char *field : {"enterpriseId", "enterprise", "rev", "updatedAt", "deleted"})
                QTest::addRow("%s/%s/%s", backend, collection, field)
                    << QString::fromLatin1(backend) << QString::fromLatin1(collection)
                    << QString::fromLatin1(field);
        }
    }
}

void TestServerIsolation::serverOwnedFieldsRefused()
{
    TENANT_OR_SKIP(t);
    QFETCH(QString, collection);
    QFETCH(QString, field);
    Http mine = t->base.http();
    QJsonObject payload = payloadFor(collection);
    payload.insert(field, field == QLatin1String("rev")       ? QJsonValue(7)
                          : field == QLatin1String("deleted") ? QJsonValue(false)
                                                              : QJsonValue(t->other.enterpriseId));
    const QString path = QStringLiteral("/api/v1/%1/%2").arg(collection, newId());
    const Reply r = mine.put(path, payload);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("server-owned-field"));
    QCOMPARE(r.json().value(u"field").toString(), field);
    QCOMPARE(mine.get(path).status, 404);
}

void TestServerIsolation::batchCannotReachOthers()
{
    TENANT_OR_SKIP(t);
    Http theirs(t->base.server->base());
    theirs.setToken(t->otherToken);
    const QString id = newId();
    QCOMPARE(theirs.put(QStringLiteral("/api/v1/sites/") + id, sitePayload()).status, 201);
    Http mine = t->base.http();
    const QJsonArray entries = {
        QJsonObject{{QStringLiteral("key"), newId()},
                    {QStringLiteral("collection"), QStringLiteral("sites")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("kind"), QStringLiteral("upsert")},
                    {QStringLiteral("baseRev"), 1},
                    {QStringLiteral("payload"), sitePayload(QStringLiteral("被改了"))}},
        QJsonObject{{QStringLiteral("key"), newId()},
                    {QStringLiteral("collection"), QStringLiteral("sites")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("kind"), QStringLiteral("delete")},
                    {QStringLiteral("baseRev"), 1}}};
    const Reply r = mine.post(QStringLiteral("/api/v1/batch"),
                              QJsonObject{{QStringLiteral("entries"), entries}});
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().value(u"results").toArray();
    QCOMPARE(results.at(0).toObject().value(u"status").toInt(), 404);
    QCOMPARE(results.at(1).toObject().value(u"status").toInt(), 404);
    QCOMPARE(theirs.get(QStringLiteral("/api/v1/sites/") + id).json().value(u"rev").toInt(), 1);
}

QTEST_GUILESS_MAIN(TestServerIsolation)
#include "tst_serverisolation.moc"
