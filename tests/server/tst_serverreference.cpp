// Reference data (domain.md §7) over real HTTP: the bundled defaults (category catalogue,
// calendar, thresholds, settings), ETags, and publishing through the admin command line and
// the admin endpoints: institutions with stable ids, a calendar year, thresholds, settings.
#include "server/serverharness.h"

#include <QTemporaryFile>

using namespace jl::servertest;

namespace {

CommandResult adminWithFile(const QString &url, const QString &command, const QJsonDocument &doc)
{
    QTemporaryFile file;
    file.open();
    file.write(doc.toJson());
    file.flush();
    return runAdmin(url, {command, file.fileName()});
}

} // namespace

class TestServerReference : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void defaults_data() { JL_BACKEND_ROWS(); }
    void defaults();
    void etag_data() { JL_BACKEND_ROWS(); }
    void etag();
    void institutions_data() { JL_BACKEND_ROWS(); }
    void institutions();
    void calendar_data() { JL_BACKEND_ROWS(); }
    void calendar();
    void thresholdsAndSettings_data() { JL_BACKEND_ROWS(); }
    void thresholdsAndSettings();
    void adminEndpoints_data() { JL_BACKEND_ROWS(); }
    void adminEndpoints();

private:
    Backend m_sqlite;
    Backend m_pg;
};

void TestServerReference::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QVERIFY(m_sqlite.setUp(TestDatabase::Kind::Sqlite));
    if (TestDatabase::postgresAvailable())
        QVERIFY(m_pg.setUp(TestDatabase::Kind::Postgres));
}

void TestServerReference::cleanupTestCase()
{
    QVERIFY(m_sqlite.server->stop());
    if (m_pg.server)
        QVERIFY(m_pg.server->stop());
}

void TestServerReference::defaults()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http(b.server->base()); // reference data is public: no token needed
    Reply r = http.get(QStringLiteral("/api/v1/reference/categories"));
    QCOMPARE(r.status, 200);
    QStringList names;
    const QJsonArray categories = r.json().value(u"items").toArray();
    for (const QJsonValue &c : categories)
        names.append(c.toObject().value(u"name").toString());
    QVERIFY(names.contains(QStringLiteral("燃油加油机")));
    r = http.get(QStringLiteral("/api/v1/reference/calendar"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(u"years").toObject().contains(u"2024"));
    r = http.get(QStringLiteral("/api/v1/reference/thresholds"));
    QCOMPARE(r.json().value(u"noticeDays").toInt(), 40);
    QCOMPARE(r.json().value(u"warningDays").toInt(), 20);
    r = http.get(QStringLiteral("/api/v1/reference/settings"));
    QCOMPARE(r.json().value(u"maxUploadBytes").toInt(), 20 * 1024 * 1024);
    QVERIFY(r.json().contains(u"hangzhouPlatformUrl"));
    QVERIFY(http.get(QStringLiteral("/api/v1/reference/institutions"))
                .json()
                .value(u"items")
                .isArray());
}

void TestServerReference::etag()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http(b.server->base());
    const Reply first = http.get(QStringLiteral("/api/v1/reference/calendar"));
    const QByteArray tag = first.header("ETag");
    QVERIFY(!tag.isEmpty());
    const Reply again = http.send("GET", QStringLiteral("/api/v1/reference/calendar"), {},
                                  {{"If-None-Match", tag}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
}

void TestServerReference::institutions()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    const QJsonArray list = {
        QJsonObject{{QStringLiteral("name"), QStringLiteral("杭州市质量技术监督检测院")},
                    {QStringLiteral("phone"), QStringLiteral("0571-85000000")},
                    {QStringLiteral("address"), QStringLiteral("杭州市西湖区")},
                    {QStringLiteral("divisionCode"), QStringLiteral("330106")},
                    {QStringLiteral("scope"), QJsonArray{QStringLiteral("燃油加油机")}}}};
    CommandResult r =
        adminWithFile(b.db->url(), QStringLiteral("load-institutions"), QJsonDocument(list));
    QCOMPARE(r.exitCode, 0);
    Http http(b.server->base());
    QJsonArray items =
        http.get(QStringLiteral("/api/v1/reference/institutions")).json().value(u"items").toArray();
    QCOMPARE(items.size(), 1);
    const QString id = items.at(0).toObject().value(u"id").toString();
    QVERIFY(!id.isEmpty());
    // Loaded again (over HTTP this time): the same id, as appointments refer to it.
    Http admin(b.server->base());
    admin.setToken(adminToken(b.db->url()));
    const Reply put =
        admin.send("PUT", QStringLiteral("/api/v1/admin/reference/institutions"),
                   QJsonDocument(list).toJson(), {{"Content-Type", "application/json"}});
    QCOMPARE(put.status, 200);
    items =
        http.get(QStringLiteral("/api/v1/reference/institutions")).json().value(u"items").toArray();
    QCOMPARE(items.at(0).toObject().value(u"id").toString(), id);
    // A scope outside the catalogue is refused, and nothing changes.
    QJsonObject wrong = list.at(0).toObject();
    wrong.insert(QStringLiteral("scope"), QJsonArray{QStringLiteral("时光机")});
    r = adminWithFile(b.db->url(), QStringLiteral("load-institutions"),
                      QJsonDocument(QJsonArray{wrong}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("时光机")));
    QCOMPARE(http.get(QStringLiteral("/api/v1/reference/institutions"))
                 .json()
                 .value(u"items")
                 .toArray()
                 .size(),
             1);
}

void TestServerReference::calendar()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    const QJsonObject year2031{
        {QStringLiteral("years"),
         QJsonObject{
             {QStringLiteral("2031"),
              QJsonObject{{QStringLiteral("holidays"), QJsonArray{QStringLiteral("2031-01-01")}},
                          {QStringLiteral("workdays"), QJsonArray()}}}}}};
    CommandResult r =
        adminWithFile(b.db->url(), QStringLiteral("publish-calendar"), QJsonDocument(year2031));
    QCOMPARE(r.exitCode, 0);
    Http http(b.server->base());
    const QJsonObject years =
        http.get(QStringLiteral("/api/v1/reference/calendar")).json().value(u"years").toObject();
    QVERIFY(years.contains(u"2031"));
    QVERIFY(years.contains(u"2024")); // the bundled years stay
    // A working day that is not a weekend day is not a calendar.
    const QJsonObject broken{
        {QStringLiteral("years"),
         QJsonObject{
             {QStringLiteral("2032"), QJsonObject{{QStringLiteral("holidays"), QJsonArray()},
                                                  {QStringLiteral("workdays"),
                                                   QJsonArray{QStringLiteral("2032-03-03")}}}}}}};
    r = adminWithFile(b.db->url(), QStringLiteral("publish-calendar"), QJsonDocument(broken));
    QCOMPARE(r.exitCode, 1);
}

void TestServerReference::thresholdsAndSettings()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    CommandResult r =
        adminWithFile(b.db->url(), QStringLiteral("set-thresholds"),
                      QJsonDocument(QJsonObject{{QStringLiteral("noticeDays"), 10},
                                                {QStringLiteral("warningDays"), 30}}));
    QCOMPARE(r.exitCode, 1);
    r = adminWithFile(b.db->url(), QStringLiteral("set-thresholds"),
                      QJsonDocument(QJsonObject{{QStringLiteral("noticeDays"), 45},
                                                {QStringLiteral("warningDays"), 15}}));
    QCOMPARE(r.exitCode, 0);
    Http http(b.server->base());
    QCOMPARE(http.get(QStringLiteral("/api/v1/reference/thresholds"))
                 .json()
                 .value(u"noticeDays")
                 .toInt(),
             45);
    Http admin(b.server->base());
    admin.setToken(adminToken(b.db->url()));
    Reply p = admin.send("PATCH", QStringLiteral("/api/v1/admin/reference/settings"),
                         R"({"hangzhouPlatformUrl": "https://hz.example.org/metrology"})",
                         {{"Content-Type", "application/json"}});
    QCOMPARE(p.status, 200);
    const QJsonObject s = http.get(QStringLiteral("/api/v1/reference/settings")).json();
    QCOMPARE(s.value(u"hangzhouPlatformUrl").toString(),
             QStringLiteral("https://hz.example.org/metrology"));
    QCOMPARE(s.value(u"maxUploadBytes").toInt(), 20 * 1024 * 1024); // merged, not replaced
    p = admin.send("PATCH", QStringLiteral("/api/v1/admin/reference/settings"),
                   R"({"hangzhouPlatformUrl": "ftp://x"})", {{"Content-Type", "application/json"}});
    QCOMPARE(p.status, 422);
    p = admin.send("PATCH", QStringLiteral("/api/v1/admin/reference/settings"), R"({"colour": 1})",
                   {{"Content-Type", "application/json"}});
    QCOMPARE(p.status, 422);
}

void TestServerReference::adminEndpoints()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http admin(b.server->base());
    admin.setToken(adminToken(b.db->url()));
    auto send = [&admin](const QByteArray &method, const QString &path, const QJsonObject &body) {
        return admin.send(method, path, QJsonDocument(body).toJson(),
                          {{"Content-Type", "application/json"}});
    };
    Reply r = send("PUT", QStringLiteral("/api/v1/admin/reference/thresholds"),
                   {{QStringLiteral("noticeDays"), 50}, {QStringLiteral("warningDays"), 25}});
    QCOMPARE(r.status, 200);
    Http http(b.server->base());
    QCOMPARE(http.get(QStringLiteral("/api/v1/reference/thresholds"))
                 .json()
                 .value(u"warningDays")
                 .toInt(),
             25);
    r = send("POST", QStringLiteral("/api/v1/admin/reference/calendar"),
             {{QStringLiteral("years"),
               QJsonObject{{QStringLiteral("2033"),
                            QJsonObject{{QStringLiteral("holidays"),
                                         QJsonArray{QStringLiteral("2033-01-01")}},
                                        {QStringLiteral("workdays"), QJsonArray()}}}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"published").toArray().at(0).toInt(), 2033);
    QVERIFY(http.get(QStringLiteral("/api/v1/reference/calendar"))
                .json()
                .value(u"years")
                .toObject()
                .contains(u"2033"));
    // A new epoch (after a restore): announced by the version route and every response.
    const QString before =
        http.get(QStringLiteral("/api/v1/version")).json().value(u"epoch").toString();
    r = send("POST", QStringLiteral("/api/v1/admin/epoch"), {});
    QCOMPARE(r.status, 200);
    const QString epoch = r.json().value(u"epoch").toString();
    QVERIFY(!epoch.isEmpty() && epoch != before);
    QTest::qWait(1100); // instances re-read it within a second
    QCOMPARE(http.get(QStringLiteral("/api/v1/version")).json().value(u"epoch").toString(), epoch);
}

QTEST_GUILESS_MAIN(TestServerReference)
#include "tst_serverreference.moc"
