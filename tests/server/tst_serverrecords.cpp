// The collections over real HTTP: enterprise, contacts, sites, instruments, verification
// records; revisions with If-Match (412 with the current record, 428), validation, commands,
// tombstones, paging and its clamp, on SQLite and PostgreSQL.
#include "server/serverharness.h"

using namespace jl::servertest;

class TestServerRecords : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void enterprise_data() { JL_BACKEND_ROWS(); }
    void enterprise();
    void contactLifecycle_data() { JL_BACKEND_ROWS(); }
    void contactLifecycle();
    void revisions_data() { JL_BACKEND_ROWS(); }
    void revisions();
    void validation_data() { JL_BACKEND_ROWS(); }
    void validation();
    void sites_data() { JL_BACKEND_ROWS(); }
    void sites();
    void instrumentSerials_data() { JL_BACKEND_ROWS(); }
    void instrumentSerials();
    void instrumentCommands_data() { JL_BACKEND_ROWS(); }
    void instrumentCommands();
    void readOnlyCollections_data() { JL_BACKEND_ROWS(); }
    void readOnlyCollections();
    void paging_data() { JL_BACKEND_ROWS(); }
    void paging();
    void badRequests_data() { JL_BACKEND_ROWS(); }
    void badRequests();

private:
    Backend m_sqlite;
    Backend m_pg;
};

void TestServerRecords::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QVERIFY(m_sqlite.setUp(TestDatabase::Kind::Sqlite));
    if (TestDatabase::postgresAvailable())
        QVERIFY(m_pg.setUp(TestDatabase::Kind::Postgres));
}

void TestServerRecords::cleanupTestCase()
{
    QVERIFY(m_sqlite.server->stop());
    if (m_pg.server)
        QVERIFY(m_pg.server->stop());
}

void TestServerRecords::enterprise()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const Reply r = http.get(QStringLiteral("/api/v1/enterprise"));
    QCOMPARE(r.status, 200);
    const QJsonObject e = r.json();
    QCOMPARE(e.value(u"collection").toString(), QStringLiteral("enterprise"));
    QCOMPARE(e.value(u"id").toString(), b.account.enterpriseId);
    QCOMPARE(e.value(u"data").toObject().value(u"uscc").toString(), b.account.uscc);
    QCOMPARE(e.value(u"data").toObject().value(u"name").toString(), QStringLiteral("测试企业1"));
    QCOMPARE(e.value(u"rev").toInt(), 1);
    QCOMPARE(r.header("ETag"), QByteArray("\"1\""));
    // Read-only here: the enterprise's name and code come from its legal-person account.
    QCOMPARE(http.put(QStringLiteral("/api/v1/enterprise"), QJsonObject()).status, 405);
}

void TestServerRecords::contactLifecycle()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString id = newId();
    const QString path = QStringLiteral("/api/v1/contacts/") + id;
    Reply r = http.put(path, contactPayload());
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"rev").toInt(), 1);
    QCOMPARE(r.json().value(u"data").toObject().value(u"isLiaison").toBool(), true);
    QVERIFY(!r.json().value(u"updatedAt").toString().isEmpty());

    r = http.get(path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"data").toObject().value(u"name").toString(), QStringLiteral("王五"));

    QJsonObject changed = contactPayload(QStringLiteral("  李四　")); // trimmed, U+3000 too
    r = http.put(path, changed, {{"If-Match", ifMatch(1)}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"rev").toInt(), 2);
    QCOMPARE(r.json().value(u"data").toObject().value(u"name").toString(), QStringLiteral("李四"));

    r = http.del(path, {{"If-Match", ifMatch(2)}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"deleted").toBool(), true);
    QVERIFY(r.json().value(u"data").isNull());
    r = http.get(path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"deleted").toBool(), true);
    QCOMPARE(r.json().value(u"rev").toInt(), 3);
    // Gone from the list, and no edit brings it back silently.
    QVERIFY(!QString::fromUtf8(http.get(QStringLiteral("/api/v1/contacts")).body).contains(id));
    r = http.put(path, contactPayload(), {{"If-Match", ifMatch(2)}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.json().value(u"current").toObject().value(u"deleted").toBool(), true);
    QCOMPARE(http.del(path, {{"If-Match", ifMatch(3)}}).status, 404);
}

void TestServerRecords::revisions()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString path = QStringLiteral("/api/v1/contacts/") + newId();
    QCOMPARE(http.put(path, contactPayload()).status, 201);
    QCOMPARE(http.put(path, contactPayload(QStringLiteral("甲")), {{"If-Match", "1"}}).status, 200);

    // Stale base: 412 with the server's current record, in the asker's language.
    Reply r = http.put(path, contactPayload(QStringLiteral("乙")),
                       {{"If-Match", ifMatch(1)}, {"Accept-Language", "zh-CN"}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.code(), QStringLiteral("conflict"));
    const QJsonObject current = r.json().value(u"current").toObject();
    QCOMPARE(current.value(u"rev").toInt(), 2);
    QCOMPARE(current.value(u"data").toObject().value(u"name").toString(), QStringLiteral("甲"));
    QVERIFY(r.json().value(u"detail").toString().contains(QStringLiteral("版本")));

    // An existing record without a base revision: 428, nothing overwritten.
    r = http.put(path, contactPayload(QStringLiteral("丙")));
    QCOMPARE(r.status, 428);
    // A create that finds the id taken (a retry after the key store was purged): 412.
    r = http.put(path, contactPayload(QStringLiteral("丙")), {{"If-Match", ifMatch(0)}});
    QCOMPARE(r.status, 412);
    QCOMPARE(http.get(path).json().value(u"data").toObject().value(u"name").toString(),
             QStringLiteral("甲"));
    // Updating a record that does not exist: 404.
    QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + newId(), contactPayload(),
                      {{"If-Match", ifMatch(4)}})
                 .status,
             404);
    QCOMPARE(http.put(path, contactPayload(), {{"If-Match", "garbage"}}).status, 400);
}

void TestServerRecords::validation()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    auto put = [&](const QString &collection, const QJsonObject &payload) {
        return http.put(QStringLiteral("/api/v1/%1/%2").arg(collection, newId()), payload);
    };
    QJsonObject c = contactPayload();
    c.insert(QStringLiteral("phone"), QStringLiteral("12345"));
    Reply r = put(QStringLiteral("contacts"), c);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"field").toString(), QStringLiteral("phone"));
    c = contactPayload();
    c.insert(QStringLiteral("street"), QStringLiteral("330106002")); // not in 330102
    QCOMPARE(put(QStringLiteral("contacts"), c).status, 422);
    c = contactPayload();
    c.insert(QStringLiteral("nickname"), QStringLiteral("x"));
    QCOMPARE(put(QStringLiteral("contacts"), c).status, 422);

    QJsonObject i = instrumentPayload(QStringLiteral("V-1"));
    i.remove(QStringLiteral("name"));
    r = put(QStringLiteral("instruments"), i);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("validation"));
    QCOMPARE(r.json().value(u"errors").toArray().first().toObject().value(u"field").toString(),
             QStringLiteral("name"));
    i = instrumentPayload(QStringLiteral("V-2"));
    i.insert(QStringLiteral("validUntil"), QStringLiteral("2024-13-45"));
    QCOMPARE(put(QStringLiteral("instruments"), i).status, 422);
    i = instrumentPayload(QStringLiteral("V-3"));
    i.insert(QStringLiteral("status"), QStringLiteral("broken"));
    QCOMPARE(put(QStringLiteral("instruments"), i).status, 422);
    i = instrumentPayload(QStringLiteral("V-4"));
    i.insert(QStringLiteral("siteId"), newId());
    r = put(QStringLiteral("instruments"), i);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("reference-not-found"));
    // The serial is normalised as the client does it: full-width folded, spaces trimmed.
    r = put(QStringLiteral("instruments"), instrumentPayload(QStringLiteral(" ＡＢ１２３ ")));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"data").toObject().value(u"serialNo").toString(),
             QStringLiteral("AB123"));
}

void TestServerRecords::sites()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString path = QStringLiteral("/api/v1/sites/") + newId();
    Reply r = http.put(path, sitePayload());
    QCOMPARE(r.status, 201);
    const QJsonObject data = r.json().value(u"data").toObject();
    QCOMPARE(data.value(u"kind").toString(), QStringLiteral("fuel"));
    QCOMPARE(data.value(u"pileCount").toInt(), 0);
    // Platform fields may be echoed as they are, not changed.
    QJsonObject echo = sitePayload(QStringLiteral("新名字"));
    echo.insert(QStringLiteral("platform"), QString());
    echo.insert(QStringLiteral("pileCount"), 0);
    QCOMPARE(http.put(path, echo, {{"If-Match", ifMatch(1)}}).status, 200);
    QJsonObject forged = sitePayload();
    forged.insert(QStringLiteral("pileCount"), 12);
    r = http.put(path, forged, {{"If-Match", ifMatch(2)}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("server-owned-field"));
    QJsonObject badKind = sitePayload();
    badKind.insert(QStringLiteral("kind"), QStringLiteral("castle"));
    QCOMPARE(http.put(QStringLiteral("/api/v1/sites/") + newId(), badKind).status, 422);

    // An instrument may link to it.
    QJsonObject i = instrumentPayload(QStringLiteral("SITE-1"));
    i.insert(QStringLiteral("siteId"), path.section(u'/', -1));
    QCOMPARE(http.put(QStringLiteral("/api/v1/instruments/") + newId(), i).status, 201);
}

void TestServerRecords::instrumentSerials()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString first = QStringLiteral("/api/v1/instruments/") + newId();
    QCOMPARE(http.put(first, instrumentPayload(QStringLiteral("000123456"))).status, 201);
    // Serial numbers are text: leading zeros matter, and they are unique among active ones.
    QCOMPARE(http.put(QStringLiteral("/api/v1/instruments/") + newId(),
                      instrumentPayload(QStringLiteral("123456")))
                 .status,
             201);
    const QString second = QStringLiteral("/api/v1/instruments/") + newId();
    Reply r = http.put(second, instrumentPayload(QStringLiteral("000123456")));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("serial-taken"));
    QCOMPARE(r.json().value(u"conflictingId").toString(), first.section(u'/', -1));
    // In history, the serial is free again.
    QJsonObject history = instrumentPayload(QStringLiteral("000123456"));
    history.insert(QStringLiteral("lifecycle"), QStringLiteral("history"));
    r = http.put(first, history, {{"If-Match", ifMatch(1)}});
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json().value(u"data").toObject().value(u"removedAt").toString().isEmpty());
    QCOMPARE(http.put(second, instrumentPayload(QStringLiteral("000123456"))).status, 201);
    // Restoring the first now collides (domain.md §3), with the message that says what to do.
    r = http.put(first, instrumentPayload(QStringLiteral("000123456")), {{"If-Match", ifMatch(2)}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("restore-serial-taken"));
}

void TestServerRecords::instrumentCommands()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString path = QStringLiteral("/api/v1/instruments/") + newId();
    QCOMPARE(http.put(path, instrumentPayload(QStringLiteral("CMD-1"))).status, 201);
    // Deleting for good is only from history.
    Reply r = http.del(path, {{"If-Match", ifMatch(1)}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("delete-only-history"));

    r = http.post(path + QStringLiteral("/moveToHistory"), QJsonObject(),
                  {{"If-Match", ifMatch(1)}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"data").toObject().value(u"lifecycle").toString(),
             QStringLiteral("history"));
    QCOMPARE(r.json().value(u"rev").toInt(), 2);
    // Not allowed twice: the state machine says where the record is.
    r = http.post(path + QStringLiteral("/moveToHistory"), QJsonObject());
    QCOMPARE(r.status, 409);
    QCOMPARE(r.code(), QStringLiteral("command-not-allowed"));
    // A stale base revision is a conflict for commands too.
    QCOMPARE(http.post(path + QStringLiteral("/restore"), QJsonObject(), {{"If-Match", ifMatch(1)}})
                 .status,
             412);
    // Another active instrument takes the serial: restore is refused.
    const QString other = QStringLiteral("/api/v1/instruments/") + newId();
    QCOMPARE(http.put(other, instrumentPayload(QStringLiteral("CMD-1"))).status, 201);
    r = http.post(path + QStringLiteral("/restore"), QJsonObject());
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("restore-serial-taken"));
    QCOMPARE(http.post(other + QStringLiteral("/moveToHistory"), QJsonObject()).status, 200);
    r = http.post(path + QStringLiteral("/restore"), QJsonObject());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"data").toObject().value(u"lifecycle").toString(),
             QStringLiteral("active"));
    // Unknown commands are not routes.
    QCOMPARE(http.post(path + QStringLiteral("/explode"), QJsonObject()).status, 404);
    // Purge from history: a tombstone.
    QCOMPARE(http.post(path + QStringLiteral("/moveToHistory"), QJsonObject()).status, 200);
    r = http.del(path, {{"If-Match", ifMatch(4)}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"deleted").toBool(), true);
}

void TestServerRecords::readOnlyCollections()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    Reply r = http.get(QStringLiteral("/api/v1/verificationRecords"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(u"items").isArray());
    r = http.put(QStringLiteral("/api/v1/verificationRecords/") + newId(), QJsonObject());
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("GET"));
}

void TestServerRecords::paging()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    // A fresh enterprise, so that the list holds exactly what this test made.
    const Account a = createAccount(b.db->url(), backend == QLatin1String("sqlite") ? 50 : 51);
    Http http(b.server->base());
    http.setToken(accessToken(b.server->base(), a));
    QStringList ids;
    for (int n = 0; n < 5; ++n) {
        ids.append(newId());
        QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + ids.last(),
                          contactPayload(QStringLiteral("联系人%1").arg(n)))
                     .status,
                 201);
    }
    ids.sort();
    QStringList seen;
    QString after;
    int pages = 0;
    for (;;) {
        const Reply r = http.get(QStringLiteral("/api/v1/contacts?limit=2&after=") + after);
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value(u"items").toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue &v : items)
            seen.append(v.toObject().value(u"id").toString());
        ++pages;
        if (!r.json().value(u"hasMore").toBool())
            break;
        after = r.json().value(u"nextAfter").toString();
    }
    QCOMPARE(seen, ids);
    QCOMPARE(pages, 3);
    // Out-of-range sizes are clamped, not refused; nonsense is refused.
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts?limit=0"))
                 .json()
                 .value(u"items")
                 .toArray()
                 .size(),
             1);
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts?limit=100000"))
                 .json()
                 .value(u"items")
                 .toArray()
                 .size(),
             5);
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts?limit=many")).status, 400);
}

void TestServerRecords::badRequests()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    Reply r = http.put(QStringLiteral("/api/v1/contacts/not-a-uuid"), contactPayload());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("invalid-id"));
    r = http.send("PUT", QStringLiteral("/api/v1/contacts/") + newId(), "{not json",
                  {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("bad-json"));
    QJsonObject withId = contactPayload();
    withId.insert(QStringLiteral("id"), newId());
    QCOMPARE(http.put(QStringLiteral("/api/v1/contacts/") + newId(), withId).status, 422);
    QCOMPARE(http.get(QStringLiteral("/api/v1/contacts/") + newId()).status, 404);
}

QTEST_GUILESS_MAIN(TestServerRecords)
#include "tst_serverrecords.moc"
