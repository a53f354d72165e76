// Prepared statements bound by names made once (sqlplaceholders.h): which '?' become names,
// which SQL is left alone, and that a statement run many times binds each run's own values.
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/sqlplaceholders.h"

#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;

class TestSqlPlaceholders final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rewrites_data();
    void rewrites();
    void preparedStatementsBindEachRun();
    void wrongCountIsRefused();
};

void TestSqlPlaceholders::rewrites_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected"); // empty: left as it is
    QTest::addColumn<int>("names");
    QTest::newRow("one") << "SELECT ?"
                         << "SELECT :p1" << 1;
    QTest::newRow("several") << "INSERT INTO t VALUES (?,?),(?,?)"
                             << "INSERT INTO t VALUES (:p1,:p2),(:p3,:p4)" << 4;
    QTest::newRow("quoted and commented")
        << "INSERT INTO t VALUES (?, 'a?b', \"c?\", `d?`, [e?]) -- ?\n/* ? */ WHERE x = ?"
        << "INSERT INTO t VALUES (:p1, 'a?b', \"c?\", `d?`, [e?]) -- ?\n/* ? */ WHERE x = :p2" << 2;
    QTest::newRow("doubled quote") << "SELECT 'it''s ?', ?"
                                   << "SELECT 'it''s ?', :p1" << 1;
    QTest::newRow("colon in a literal") << "SELECT '2026-11-28T02:00:00Z', ?"
                                        << "SELECT '2026-11-28T02:00:00Z', :p1" << 1;
    QTest::newRow("unterminated quote") << "SELECT ?, 'x ?"
                                        << "SELECT :p1, 'x ?" << 1;
    QTest::newRow("no placeholder") << "SELECT 1"
                                    << "" << 0;
    QTest::newRow("numbered") << "SELECT ?1, ?"
                              << "" << 0;
    QTest::newRow("named") << "SELECT :a, ?"
                           << "" << 0;
    QTest::newRow("at") << "SELECT ?, @a"
                        << "" << 0;
    QTest::newRow("dollar") << "SELECT ?, $a"
                            << "" << 0;
}

void TestSqlPlaceholders::rewrites()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QFETCH(int, names);
    QString rewritten = sql;
    const QStringList list = sqlplaceholders::numbered(rewritten);
    QCOMPARE(list.size(), names);
    QCOMPARE(rewritten, expected.isEmpty() ? sql : expected);
    for (int n = 0; n < list.size(); ++n)
        QCOMPARE(list.at(n), QStringLiteral(":p%1").arg(n + 1));
}

void TestSqlPlaceholders::preparedStatementsBindEachRun()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    Database &d = *db.value();
    QVERIFY(d.exec(QStringLiteral("test"),
                   QStringLiteral("CREATE TABLE t (a TEXT NOT NULL, b TEXT, c INTEGER, d TEXT)")));
    // A literal with '?' and ':' among the values, as the import's statements have.
    auto insert = d.prepare(QStringLiteral("test"),
                            QStringLiteral("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, 'x?:y'), "
                                           "(?, ?, ?, 'z')"));
    QVERIFY(insert.ok());
    QVERIFY(insert->run({QStringLiteral("一"), QVariant(), 1, QString(), QStringLiteral("二"), 2}));
    QVERIFY(insert->run(
        {QStringLiteral("三"), QStringLiteral("b"), 3, QStringLiteral("四"), QVariant(), 4}));
    auto q = d.exec(QStringLiteral("test"),
                    QStringLiteral("SELECT a, quote(b), c, d FROM t ORDER BY rowid"));
    QVERIFY(q.ok());
    QStringList rows;
    while (q->next())
        rows.append(QStringList{q->value(0).toString(), q->value(1).toString(),
                                q->value(2).toString(), q->value(3).toString()}
                        .join(QLatin1Char('|')));
    // A null string is bound as '' (as exec() does), an invalid QVariant as NULL.
    QCOMPARE(rows, (QStringList{QStringLiteral("一|NULL|1|x?:y"), QStringLiteral("|'二'|2|z"),
                                QStringLiteral("三|'b'|3|x?:y"), QStringLiteral("四|NULL|4|z")}));
}

void TestSqlPlaceholders::wrongCountIsRefused()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    Database &d = *db.value();
    QVERIFY(d.exec(QStringLiteral("test"), QStringLiteral("CREATE TABLE t (a TEXT, b TEXT)")));
    auto insert = d.prepare(QStringLiteral("test"), QStringLiteral("INSERT INTO t VALUES (?, ?)"));
    QVERIFY(insert.ok());
    QVERIFY(insert->run({QStringLiteral("a"), QStringLiteral("b")}));
    // One value short: refused, not run with the last run's second value.
    QVERIFY(!insert->run({QStringLiteral("c")}));
    auto q = d.exec(QStringLiteral("test"), QStringLiteral("SELECT count(*) FROM t"));
    QVERIFY(q.ok() && q->next());
    QCOMPARE(q->value(0).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestSqlPlaceholders)
#include "tst_sqlplaceholders.moc"
