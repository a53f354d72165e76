// An import is all or nothing: a store failure at any write (failpoints, also armed through
// JILIANG_FAILPOINTS), a cancellation, a dry run or a hostile file leaves the library, the
// outbox and the audit exactly as they were.
#include "importfixture.h"

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

private:
    QString bigCsv(int rows);
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

QTEST_GUILESS_MAIN(TestImportTransaction)
#include "tst_importtransaction.moc"
