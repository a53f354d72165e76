// An import is all or nothing: a store failure at any write (failpoints, also armed through
// JILIANG_FAILPOINTS), a cancellation, a dry run or a hostile file leaves the library, the
// outbox and the audit exactly as they were.
#include "importfixture.h"
#include "walprobe.h"

#include <QTextStream>

using namespace jl::io;
using namespace jl::io::test;
using namespace jl::models;

class TestImportTransaction final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_before = 0;
        QVERIFY(m_fx.open());
    }
    void cleanup() { m_fx.close(); }
    void storeFailureCommitsNothing_data();
    void storeFailureCommitsNothing();
    void failpointFromEnvironment();
    void cancelCommitsNothing();
    void dryRunCommitsNothing();
    void hostileFileCommitsNothing();
    void commitLeavesTheCheckpointToTheCaller();
    void failedImportPutsItsSettingsBack();

private:
    QString bigCsv(int rows);
    int pragma(const char *name);

    void expectUntouched();

    StoreFixture m_fx;
    int m_before = 0;
};

QString TestImportTransaction::bigCsv(int rows)
{
    const QString path = m_fx.dir->filePath(QStringLiteral("big.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QTextStream out(&f);
    out << QStringLiteral("出厂编号,计量器具名称,检定周期\n");
    for (int k = 0; k < rows; ++k)
        out << QStringLiteral("B-%1,水表,12\n").arg(k);
    return path;
}

void TestImportTransaction::expectUntouched()
{
    QCOMPARE(m_fx.count(QStringLiteral("instrument")), m_before);
    QCOMPARE(m_fx.count(QStringLiteral("outbox")), m_before);
    QCOMPARE(m_fx.count(QStringLiteral("audit")), m_before);
}

void TestImportTransaction::storeFailureCommitsNothing_data()
{
    QTest::addColumn<QString>("failpoint");
    QTest::addColumn<int>("hit");
    QTest::newRow("first write") << QStringLiteral("store.instrument.write") << 1;
    QTest::newRow("700th write") << QStringLiteral("store.instrument.write") << 700;
    QTest::newRow("outbox") << QStringLiteral("store.outbox.insert") << 300;
    // The import's reads: the table's size (InstrumentBulkLoad), then each chunk's look-up.
    QTest::newRow("size") << QStringLiteral("store.instrument.read") << 1;
    QTest::newRow("lookup") << QStringLiteral("store.instrument.read") << 2;
    QTest::newRow("commit") << QStringLiteral("store.commit") << 1;
}

void TestImportTransaction::storeFailureCommitsNothing()
{
    QFETCH(QString, failpoint);
    QFETCH(int, hit);
    Instrument existing;
    existing.serialNo = QStringLiteral("B-5");
    existing.name = QStringLiteral("旧表");
    QVERIFY(m_fx.store->create(existing).ok());
    m_before = 1;
    const QString path = bigCsv(1000);
    failpoints::arm(failpoint, hit);
    auto report = InstrumentImport::run(path, m_fx.store.get());
    QVERIFY(!report.ok());
    QVERIFY(!report.error().message.isEmpty());
    failpoints::disarmAll();
    expectUntouched();
    QCOMPARE(m_fx.bySerial(QStringLiteral("B-5"))->name, QStringLiteral("旧表"));
}

void TestImportTransaction::failpointFromEnvironment()
{
    const QString path = bigCsv(50);
    qputenv("JILIANG_FAILPOINTS", "store.instrument.write=20");
    failpoints::loadFromEnvironment();
    auto report = InstrumentImport::run(path, m_fx.store.get());
    qunsetenv("JILIANG_FAILPOINTS");
    failpoints::disarmAll();
    QVERIFY(!report.ok());
    expectUntouched();
}

void TestImportTransaction::cancelCommitsNothing()
{
    const QString path = bigCsv(3000);
    std::atomic_bool cancel{false};
    ImportOptions options;
    options.cancel = &cancel;
    options.progress = [&cancel](double done) {
        if (done > 0.3)
            cancel = true; // the user presses 取消 part-way
    };
    auto report = InstrumentImport::run(path, m_fx.store.get(), options);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().detail, QStringLiteral("cancelled"));
    expectUntouched();
}

void TestImportTransaction::dryRunCommitsNothing()
{
    ImportOptions options;
    options.dryRun = true;
    auto report = InstrumentImport::run(bigCsv(400), m_fx.store.get(), options);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->created, 400); // the exact outcome, then rolled back
    QVERIFY(!report->committed);
    expectUntouched();
}

void TestImportTransaction::hostileFileCommitsNothing()
{
    for (const char *name : {"bomb.xlsx", "doctype.xlsx", "truncated.xlsx", "too-many-rows.xlsx"}) {
        auto report = InstrumentImport::run(corpus(QLatin1String(name)), m_fx.store.get());
        QVERIFY2(!report.ok(), name);
        expectUntouched();
    }
}

int TestImportTransaction::pragma(const char *name)
{
    auto q = m_fx.db->exec(QStringLiteral("test"), QStringLiteral("PRAGMA ") + QLatin1String(name));
    return q && q.value().next() ? q.value().value(0).toInt() : -1;
}

// The import's commit must not copy the WAL into the database file (that waits for the disk
// before the user hears the outcome); Database::checkpoint() afterwards does.
void TestImportTransaction::commitLeavesTheCheckpointToTheCaller()
{
    // A threshold the import passes many times over, so that SQLite's own checkpoint would
    // have run at its commit.
    QVERIFY(
        m_fx.db->exec(QStringLiteral("test"), QStringLiteral("PRAGMA wal_autocheckpoint = 10")));
    auto report = InstrumentImport::run(bigCsv(3000), m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(pragma("wal_autocheckpoint"), 10); // the connection's own setting is back
    const int uncopied = jl::test::walFramesAfterAWrite(*m_fx.db); // (which copies them)
    QVERIFY2(uncopied > 100, qPrintable(QString::number(uncopied)));

    // The same file again updates every record; checkpointed by the caller this time.
    report = InstrumentImport::run(bigCsv(3000), m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->updated, 3000);
    QVERIFY(m_fx.db->checkpoint());
    const int copied = jl::test::walFramesAfterAWrite(*m_fx.db);
    QVERIFY2(copied < 10, qPrintable(QString::number(copied)));
    QCOMPARE(m_fx.count(QStringLiteral("instrument")), 3000);
}

void TestImportTransaction::failedImportPutsItsSettingsBack()
{
    QVERIFY(
        m_fx.db->exec(QStringLiteral("test"), QStringLiteral("PRAGMA wal_autocheckpoint = 10")));
    const int cache = pragma("cache_size");
    failpoints::arm(QStringLiteral("store.instrument.write"), 300);
    auto report = InstrumentImport::run(bigCsv(1000), m_fx.store.get());
    failpoints::disarmAll();
    QVERIFY(!report.ok());
    QCOMPARE(pragma("wal_autocheckpoint"), 10);
    QCOMPARE(pragma("cache_size"), cache);
    expectUntouched();
}

QTEST_GUILESS_MAIN(TestImportTransaction)
#include "tst_importtransaction.moc"
