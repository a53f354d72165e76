// Export, template and report through the writers: .xlsx (text serials, real dates, frozen
// bold header with autofilter, hidden id column) and .csv (UTF-8 with BOM); an exported file
// re-imported updates the same records; Chinese file names; a target that cannot be replaced
// gives a message naming it and leaves the old file as it was.
#include "importfixture.h"

#include "io/import/instrumentexport.h"

#include <quazip.h>
#include <quazipfile.h>

using namespace jl::io;
using namespace jl::io::test;
using namespace jl::models;

class TestInstrumentExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_fx.open()); }
    void cleanup() { m_fx.close(); }
    void roundTripUpdatesSameRecords_data();
    void roundTripUpdatesSameRecords();
    void roundTripIntoEmptyLibrary();
    void roundTripTenThousand();
    void xlsxLayout();
    void csvHasBom();
    void chineseFileName();
    void targetThatCannotBeReplaced();
    void cancelledExportKeepsOldFile();
    void templateImports();
    void reportSaved();

private:
    QList<Instrument> seed(int n);
    static QByteArray part(const QString &xlsx, const QString &name);
    static Instrument comparable(Instrument i);

    StoreFixture m_fx;
};

QList<Instrument> TestInstrumentExport::seed(int n)
{
    QList<Instrument> made;
    for (int k = 0; k < n; ++k) {
        Instrument i;
        // Leading zeros, 18 digits, letters: all must stay text.
        i.serialNo = k % 3 == 0   ? QStringLiteral("%1").arg(k, 8, 10, QLatin1Char('0'))
                     : k % 3 == 1 ? QStringLiteral("3301061990%1").arg(k, 8, 10, QLatin1Char('0'))
                                  : QStringLiteral("JL-%1").arg(k);
        i.name = k % 2 ? QStringLiteral("燃油加油机") : QStringLiteral("直流充电桩电能表");
        i.model = QStringLiteral("CS-%1, \"新\"").arg(k);
        i.measuringRange = QStringLiteral("(5-50)L/min");
        i.manufacturer = QStringLiteral("某某有限公司\n二厂");
        i.productionDate = QDate(2020, 1, 1).addDays(k);
        i.installDate = QDate(2021, 1, 1).addDays(k);
        i.divisionCode = QStringLiteral("330106001");
        i.status = k % 5 == 0 ? InstrumentStatus::Suspended : InstrumentStatus::InUse;
        i.verificationPeriodMonths = k % 4 ? 12 : 0;
        i.remarks = k % 7 ? QString() : QStringLiteral("备注 %1").arg(k);
        auto created = m_fx.store->create(i);
        if (!created)
            qFatal("%s", qPrintable(created.error().message));
        made.append(*created);
    }
    return made;
}

Instrument TestInstrumentExport::comparable(Instrument i)
{
    i.id.clear();
    i.rev = 0;
    i.updatedAt = {};
    return i;
}

QByteArray TestInstrumentExport::part(const QString &xlsx, const QString &name)
{
    QuaZip zip(xlsx);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestInstrumentExport::roundTripUpdatesSameRecords_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("xlsx") << QStringLiteral("xlsx");
    QTest::newRow("csv") << QStringLiteral("csv");
}

void TestInstrumentExport::roundTripUpdatesSameRecords()
{
    QFETCH(QString, suffix);
    const QList<Instrument> before = seed(300);
    const QString path = m_fx.dir->filePath(QStringLiteral("export.") + suffix);
    QVERIFY(InstrumentExport::write(path, before).ok());
    // A serial edited outside: the id column still finds the record.
    Instrument renamed = before.at(1);
    renamed.serialNo = QStringLiteral("CHANGED-1");
    QVERIFY(m_fx.store->update(renamed).ok());

    auto report = InstrumentImport::run(path, m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QVERIFY2(report->issues.isEmpty(), qPrintable(report->issues.value(0).reason));
    QCOMPARE(report->updated, 300);
    QCOMPARE(report->created, 0);
    QCOMPARE(m_fx.count(QStringLiteral("instrument")), 300);
    for (const Instrument &b : before) {
        auto now = m_fx.store->get(b.id);
        QVERIFY(now.ok());
        QCOMPARE(comparable(*now), comparable(b));
    }
}

void TestInstrumentExport::roundTripIntoEmptyLibrary()
{
    const QList<Instrument> before = seed(50);
    const QString path = m_fx.dir->filePath(QStringLiteral("export.xlsx"));
    QVERIFY(InstrumentExport::write(path, before).ok());
    StoreFixture other;
    QVERIFY(other.open());
    auto report = InstrumentImport::run(path, other.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->created, 50);
    for (const Instrument &b : before) {
        const auto now = other.bySerial(b.serialNo);
        QVERIFY(now);
        QCOMPARE(comparable(*now), comparable(b));
    }
    other.close();
}

void TestInstrumentExport::roundTripTenThousand()
{
    // Issue 5: an export -> import round trip of 10,000 rows gives equal records. Seeded in
    // one transaction through the import path (10,000 single creates would each commit).
    QList<IncomingInstrument> incoming;
    for (int k = 0; k < 10000; ++k) {
        Instrument i;
        i.serialNo = QStringLiteral("%1").arg(k, 12, 10, QLatin1Char('0'));
        i.name = QStringLiteral("直流充电桩电能表");
        i.model = QStringLiteral("DC-%1").arg(k % 50);
        i.installDate = QDate(2020, 1, 1).addDays(k % 2000);
        i.validUntil = QDate(2026, 1, 1).addDays(k % 700);
        i.verificationResult = k % 9 ? VerificationResult::Pass : VerificationResult::Fail;
        i.verificationPeriodMonths = 12;
        incoming.append({i, instrumentFields()});
    }
    QVERIFY(m_fx.store->importRecords(incoming, OnExisting::Update).ok());
    QStringList ids;
    {
        auto q = m_fx.db->exec(QStringLiteral("test"), QStringLiteral("SELECT id FROM instrument"));
        QVERIFY(q.ok());
        while (q.value().next())
            ids.append(q.value().value(0).toString());
    }
    const auto before = m_fx.store->get(ids);
    QVERIFY(before.ok());
    QCOMPARE(before->size(), 10000);
    const QString path = m_fx.dir->filePath(QStringLiteral("万行.xlsx"));
    QVERIFY(InstrumentExport::write(path, *before).ok());
    auto report = InstrumentImport::run(path, m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->updated, 10000);
    QVERIFY(report->issues.isEmpty());
    const auto after = m_fx.store->get(ids);
    QVERIFY(after.ok());
    for (qsizetype n = 0; n < before->size(); ++n)
        QCOMPARE(comparable(after->at(n)), comparable(before->at(n)));
}

void TestInstrumentExport::xlsxLayout()
{
    const QList<Instrument> made = seed(3);
    const QString path = m_fx.dir->filePath(QStringLiteral("layout.xlsx"));
    QVERIFY(InstrumentExport::write(path, made).ok());
    const QByteArray sheet = part(path, QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY(sheet.contains("ySplit=\"1\""));              // frozen header
    QVERIFY(sheet.contains("<autoFilter ref=\"A1:T4\"")); // over the header and the rows
    QVERIFY(sheet.contains("hidden=\"1\""));              // the id column
    const QByteArray styles = part(path, QStringLiteral("xl/styles.xml"));
    QVERIFY(styles.contains("<b/>"));
    const ReadResult r = readAll(path);
    QVERIFY(r.status.ok());
    QCOMPARE(r.rows.size(), 4);
    QCOMPARE(r.rows.at(0).at(0).text, QStringLiteral("出厂编号"));
    QCOMPARE(r.rows.at(1).at(0).kind, CellKind::Text); // "00000000": text, not a number
    QCOMPARE(r.rows.at(1).at(0).text, QStringLiteral("00000000"));
    QCOMPARE(r.rows.at(1).at(11).kind, CellKind::Date);
    QCOMPARE(r.rows.at(1).at(11).date, QDate(2021, 1, 1));
    QCOMPARE(r.rows.at(1).at(19).text, made.at(0).id);
}

void TestInstrumentExport::csvHasBom()
{
    const QString path = m_fx.dir->filePath(QStringLiteral("export.csv"));
    QVERIFY(InstrumentExport::write(path, seed(2)).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains("\"CS-0, \"\"新\"\"\""));
}

void TestInstrumentExport::chineseFileName()
{
    const QList<Instrument> made = seed(5);
    for (const QString &name :
         {QStringLiteral("在用计量器具（导出）.xlsx"), QStringLiteral("台账 2024.csv")}) {
        const QString path = m_fx.dir->filePath(name);
        QVERIFY(InstrumentExport::write(path, made).ok());
        QVERIFY(QFile::exists(path));
        auto report = InstrumentImport::run(path, m_fx.store.get());
        QVERIFY2(report.ok(), qPrintable(report.error().message));
        QCOMPARE(report->updated, 5);
    }
    // .xls with a Chinese name (freexl opens by char*).
    const QString xls = m_fx.dir->filePath(QStringLiteral("旧台账.xls"));
    QVERIFY(QFile::copy(corpus(QStringLiteral("libreoffice.xls")), xls));
    auto report = InstrumentImport::run(xls, m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->created, 5);
}

void TestInstrumentExport::targetThatCannotBeReplaced()
{
    // A directory where the file should go stands in for a file Excel holds open: the final
    // rename fails the same way.
    const QString path = m_fx.dir->filePath(QStringLiteral("台账.xlsx"));
    QVERIFY(QDir().mkpath(path));
    for (const QString &target : {path, m_fx.dir->filePath(QStringLiteral("no/such/dir/x.csv"))}) {
        const Status s = InstrumentExport::write(target, seed(0));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QFileInfo(target).fileName()),
                 qPrintable(s.error().message));
        QVERIFY(s.error().message.contains(QStringLiteral("open in Excel")));
    }
    QVERIFY(QFileInfo(path).isDir());
}

void TestInstrumentExport::cancelledExportKeepsOldFile()
{
    const QString path = m_fx.dir->filePath(QStringLiteral("old.xlsx"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old content");
    old.close();
    std::atomic_bool cancel{true};
    const Status s = InstrumentExport::write(path, seed(3), {}, &cancel);
    QVERIFY(!s.ok());
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old content"));
    const QStringList left = QDir(m_fx.dir->path()).entryList(QDir::Files);
    QCOMPARE(left, (QStringList{QStringLiteral("local.db"), QStringLiteral("local.db-shm"),
                                QStringLiteral("local.db-wal"), QStringLiteral("old.xlsx")}));
}

void TestInstrumentExport::templateImports()
{
    const QString path = m_fx.dir->filePath(QStringLiteral("导入模板.xlsx"));
    QVERIFY(InstrumentExport::writeTemplate(path).ok());
    auto info = InstrumentImport::inspect(path);
    QVERIFY2(info.ok(), qPrintable(info.error().message));
    QCOMPARE(info->row, 1);
    QCOMPARE(info->titles.first(), QStringLiteral("*出厂编号"));
    QVERIFY(!info->fields.contains(QString())); // every template column is known
    auto report = InstrumentImport::run(path, m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QVERIFY2(report->issues.isEmpty(), qPrintable(report->issues.value(0).reason));
    QCOMPARE(report->created, 1);
    QCOMPARE(m_fx.bySerial(QStringLiteral("00012345"))->divisionCode, QStringLiteral("330106001"));
}

void TestInstrumentExport::reportSaved()
{
    auto report = InstrumentImport::run(corpus(QStringLiteral("title-merged.xlsx")), nullptr);
    QVERIFY(report.ok());
    const QString path = m_fx.dir->filePath(QStringLiteral("导入报告.xlsx"));
    QVERIFY(InstrumentExport::writeReport(path, *report).ok());
    const ReadResult r = readAll(path);
    QVERIFY(r.status.ok());
    QCOMPARE(r.rows.size(), report->issues.size() + 1);
    QCOMPARE(r.rows.at(1).at(0).number, 6.0);
    QCOMPARE(r.rows.at(1).at(1).text, QStringLiteral("*出厂编号"));
    QCOMPARE(r.rows.at(1).at(2).text, report->issues.first().reason);
}

QTEST_GUILESS_MAIN(TestInstrumentExport)
#include "tst_instrumentexport.moc"
