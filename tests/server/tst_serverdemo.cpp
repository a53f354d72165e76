// `jiliang-server --demo` and `--demo-scale N`: the seeded enterprises, their records and
// the printed accounts (random passwords, fresh on every run) work end to end.
#include "server/serverharness.h"

using namespace jl::servertest;

namespace {

struct Printed {
    QString uscc;
    QString password;
};

QList<Printed> accountsIn(const QString &output)
{
    static const QRegularExpression re(QStringLiteral("统一社会信用代码 (\\S+)  密码 (\\S+)"));
    QList<Printed> out;
    auto it = re.globalMatch(output);
    while (it.hasNext()) {
        const auto m = it.next();
        out.append({m.captured(1), m.captured(2)});
    }
    return out;
}

int countAll(Http &http, const QString &collection, const QString &filter = {})
{
    int n = 0;
    QString after;
    for (;;) {
        const QJsonObject page = http.get(QStringLiteral("/api/v1/%1?limit=1000%2&after=%3")
                                              .arg(collection, filter, after))
                                     .json();
        n += int(page.value(u"items").toArray().size());
        if (!page.value(u"hasMore").toBool())
            return n;
        after = page.value(u"nextAfter").toString();
    }
}

} // namespace

class TestServerDemo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedsAndPrintsAccounts_data() { JL_BACKEND_ROWS(); }
    void seedsAndPrintsAccounts();
};

void TestServerDemo::seedsAndPrintsAccounts()
{
    QFETCH(QString, backend);
    if (backend == QLatin1String("postgresql") && !TestDatabase::postgresAvailable())
        QSKIP("JILIANG_TEST_PG is not set: no PostgreSQL to test against");
    TestDatabase db(backend == QLatin1String("sqlite") ? TestDatabase::Kind::Sqlite
                                                       : TestDatabase::Kind::Postgres);
    QVERIFY(db.isValid());
    QList<Printed> first;
    {
        ServerProcess server;
        QVERIFY(server.start(db.url(), {QStringLiteral("--demo"), QStringLiteral("--demo-scale"),
                                        QStringLiteral("300")}));
        first = accountsIn(server.output());
        QCOMPARE(first.size(), 3);
        QVERIFY(server.output().contains(QLatin1String("jladm_")));

        Http fuel(server.base());
        fuel.setToken(accessToken(server.base(), {first.at(0).uscc, first.at(0).password, {}}));
        QCOMPARE(fuel.get(QStringLiteral("/api/v1/enterprise"))
                     .json()
                     .value(u"data")
                     .toObject()
                     .value(u"name"),
                 QJsonValue(QStringLiteral("浙江安运石化销售有限公司")));
        QCOMPARE(countAll(fuel, QStringLiteral("sites")), 3);
        QCOMPARE(countAll(fuel, QStringLiteral("instruments")), 40);
        QCOMPARE(countAll(fuel, QStringLiteral("verificationRecords"),
                          QStringLiteral("&unmatched=true")),
                 4);
        QCOMPARE(countAll(fuel, QStringLiteral("contacts")), 2);

        Http charging(server.base());
        charging.setToken(accessToken(server.base(), {first.at(1).uscc, first.at(1).password, {}}));
        QCOMPARE(countAll(charging, QStringLiteral("sites")), 50);
        QCOMPARE(countAll(charging, QStringLiteral("instruments")), 2000);
        // A charging site carries its platform's data.
        const QJsonObject site = charging.get(QStringLiteral("/api/v1/sites?limit=1"))
                                     .json()
                                     .value(u"items")
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(u"data")
                                     .toObject();
        QCOMPARE(site.value(u"kind").toString(), QStringLiteral("charging"));
        QVERIFY(!site.value(u"platform").toString().isEmpty());

        Http bench(server.base());
        bench.setToken(accessToken(server.base(), {first.at(2).uscc, first.at(2).password, {}}));
        QCOMPARE(countAll(bench, QStringLiteral("instruments")), 300);
        QVERIFY(countAll(fuel, QStringLiteral("instruments")) == 40); // scoped, not mixed

        Http anyone(server.base());
        QCOMPARE(anyone.get(QStringLiteral("/api/v1/reference/institutions"))
                     .json()
                     .value(u"items")
                     .toArray()
                     .size(),
                 8);
        QVERIFY(server.stop());
    }
    // Again on the same database: nothing added twice, new passwords, the old ones dead.
    ServerProcess again;
    QVERIFY(again.start(db.url(), {QStringLiteral("--demo")}));
    const QList<Printed> second = accountsIn(again.output());
    QCOMPARE(second.size(), 2);
    QCOMPARE(second.at(0).uscc, first.at(0).uscc);
    QVERIFY(second.at(0).password != first.at(0).password);
    QVERIFY(accessToken(again.base(), {first.at(0).uscc, first.at(0).password, {}}).isEmpty());
    Http fuel(again.base());
    fuel.setToken(accessToken(again.base(), {second.at(0).uscc, second.at(0).password, {}}));
    QCOMPARE(countAll(fuel, QStringLiteral("instruments")), 40);
    QVERIFY(again.stop());
}

QTEST_GUILESS_MAIN(TestServerDemo)
#include "tst_serverdemo.moc"
