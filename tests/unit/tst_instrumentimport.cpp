// The import contract of issue 5, points 1–10, on the corpus of real files: header found
// under title rows, marks/full-width/aliases, required columns, merged values, cached
// formula values and errors, serials from numbers, dates in both systems and as text,
// period and status rules, empty rows, duplicates, 1-based row numbers (CSV: records),
// the user's own mapping, updates and skips against the library.
#include "importfixture.h"

using namespace jl::io;
using namespace jl::io::test;
using namespace jl::models;

class TestInstrumentImport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_fx.open()); }
    void cleanup() { m_fx.close(); }
    void headerUnderTitleRows();
    void regulatorSheet_data();
    void regulatorSheet();
    void xlsLosesFormatsAndMerges();
    void formulas();
    void dates1904();
    void sparseRowNumbers();
    void csvRecordNumbers_data();
    void csvRecordNumbers();
    void requiredColumnMissing();
    void noHeaderRow();
    void userMapping();
    void existingSerialUpdatedOrSkipped();
    void repeatedIdLeavesItsSerialFree();
    void checkWithoutStore();

private:
    StoreFixture m_fx;
};

void TestInstrumentImport::headerUnderTitleRows()
{
    auto info = InstrumentImport::inspect(corpus(QStringLiteral("title-merged.xlsx")));
    QVERIFY2(info.ok(), qPrintable(info.error().message));
    QCOMPARE(info->row, 3);
    QCOMPARE(info->fields,
             (QStringList{QString(), QStringLiteral("serialNo"), QStringLiteral("name"),
                          QStringLiteral("model"), QStringLiteral("verificationPeriodMonths"),
                          QStringLiteral("status"), QStringLiteral("installDate"),
                          QStringLiteral("productionDate"), QStringLiteral("remarks")}));
    QCOMPARE(info->titles.at(8), QStringLiteral("备注")); // trimmed: ASCII space and U+3000
    QVERIFY(info->rows.size() >= 10);                     // the preview
}

void TestInstrumentImport::regulatorSheet_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("openpyxl") << QStringLiteral("title-merged.xlsx");
    QTest::newRow("LibreOffice") << QStringLiteral("libreoffice.xlsx");
}

void TestInstrumentImport::regulatorSheet()
{
    QFETCH(QString, file);
    ImportOptions options;
    options.keepAccepted = 100;
    auto report = InstrumentImport::run(corpus(file), m_fx.store.get(), options);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->header.row, 3);
    QCOMPARE(issueKeys(*report),
             (QStringList{QStringLiteral("6:*出厂编号"), QStringLiteral("8:检定周期（月）"),
                          QStringLiteral("9:器具状态"), QStringLiteral("10:安装日期"),
                          QStringLiteral("14:*出厂编号"), QStringLiteral("15:*出厂编号"),
                          QStringLiteral("16:器具名称"), QStringLiteral("18:检定周期（月）")}));
    QCOMPARE(report->created, 6);
    QCOMPARE(report->rejectedRows(), 8);
    QCOMPARE(report->emptyRows, 1); // row 17: only the unknown 序号 column
    QVERIFY(report->committed);
    QCOMPARE(m_fx.count(QStringLiteral("instrument")), 6);
    QCOMPARE(m_fx.count(QStringLiteral("outbox")), 6);
    QVERIFY(report->issues.at(0).reason.contains(QStringLiteral("15 digits")));
    QVERIFY(report->issues.at(4).reason.contains(QStringLiteral("earlier row")));

    const auto zeroPadded = m_fx.bySerial(QStringLiteral("00000123")); // 00000000 format
    QVERIFY(zeroPadded);
    QCOMPARE(zeroPadded->name, QStringLiteral("燃油加油机"));
    QCOMPARE(zeroPadded->installDate, QDate(2022, 6, 1));
    QCOMPARE(zeroPadded->productionDate, QDate(2021, 5, 3)); // text YYYY/M/D
    QCOMPARE(zeroPadded->verificationPeriodMonths, 6);
    QCOMPARE(zeroPadded->remarks, QStringLiteral("第一行"));
    const auto number = m_fx.bySerial(QStringLiteral("1234567890123")); // no .0, no exponent
    QVERIFY(number);
    QCOMPARE(number->model, QStringLiteral("12345"));
    QCOMPARE(number->verificationPeriodMonths, 12);
    QCOMPARE(number->status, InstrumentStatus::Suspended);
    QCOMPARE(number->installDate, QDate(2023, 3, 5));              // YYYY年M月D日
    const auto trimmed = m_fx.bySerial(QStringLiteral("ABC-001")); // ASCII space, U+3000
    QVERIFY(trimmed);
    QCOMPARE(trimmed->name, QStringLiteral("燃气表"));       // the first of the duplicates
    QCOMPARE(trimmed->productionDate, QDate(2023, 1, 1));    // a serial in a date column
    QCOMPARE(trimmed->remarks, QStringLiteral("内部 空格")); // inner space kept
    QCOMPARE(m_fx.bySerial(QStringLiteral("ABC-006"))->name,
             QStringLiteral("出租车计价器")); // merged C11:C12
    QCOMPARE(m_fx.bySerial(QStringLiteral("ABC-009"))->installDate, QDate(2024, 2, 29));
    QCOMPARE(report->accepted.size(), 6);
    QCOMPARE(report->accepted.first().row, 4);
}

void TestInstrumentImport::xlsLosesFormatsAndMerges()
{
    auto report =
        InstrumentImport::run(corpus(QStringLiteral("libreoffice.xls")), m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    // freexl sees neither the 00000000 format nor merged ranges (documented).
    QVERIFY(m_fx.bySerial(QStringLiteral("123")));
    QVERIFY(issueKeys(*report).contains(QStringLiteral("12:器具名称")));
    QCOMPARE(report->created, 5);
    QCOMPARE(m_fx.bySerial(QStringLiteral("1234567890123"))->installDate, QDate(2023, 3, 5));
}

void TestInstrumentImport::formulas()
{
    auto report = InstrumentImport::run(corpus(QStringLiteral("formulas.xlsx")), m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(issueKeys(*report),
             (QStringList{QStringLiteral("4:计量器具名称"), QStringLiteral("5:检定周期"),
                          QStringLiteral("6:有效日期")}));
    QVERIFY(report->issues.first().reason.contains(QStringLiteral("#N/A")));
    QCOMPARE(report->created, 2);
    const auto rich = m_fx.bySerial(QStringLiteral("F-001"));
    QVERIFY(rich);
    QCOMPARE(rich->name, QStringLiteral("燃油加油机"));
    QCOMPARE(rich->verificationPeriodMonths, 12); // =6*2, cached
    QCOMPARE(rich->validUntil, QDate(2025, 6, 30));
    QCOMPARE(m_fx.bySerial(QStringLiteral("F-002"))->name, QStringLiteral("电子秤"));
}

void TestInstrumentImport::dates1904()
{
    auto report = InstrumentImport::run(corpus(QStringLiteral("dates1904.xlsx")), m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->created, 1);
    const auto i = m_fx.bySerial(QStringLiteral("D-001"));
    QCOMPARE(i->installDate, QDate(2024, 3, 15));
    QCOMPARE(i->validUntil, QDate(1904, 1, 1).addDays(43000)); // a bare serial, 1904 system
}

void TestInstrumentImport::sparseRowNumbers()
{
    auto report = InstrumentImport::run(corpus(QStringLiteral("sparse.xlsx")), m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->header.row, 3);
    QCOMPARE(issueKeys(*report), QStringList{QStringLiteral("9:安装日期")});
    QVERIFY(report->issues.first().reason.contains(QStringLiteral("not a real date")));
    QCOMPARE(report->created, 2);
}

void TestInstrumentImport::csvRecordNumbers_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("utf-8") << QStringLiteral("utf8.csv");
    QTest::newRow("utf-8 bom") << QStringLiteral("utf8-bom.csv");
    QTest::newRow("gb18030") << QStringLiteral("gb18030.csv");
}

void TestInstrumentImport::csvRecordNumbers()
{
    QFETCH(QString, file);
    auto report = InstrumentImport::run(corpus(file), m_fx.store.get());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->header.row, 1);
    QCOMPARE(issueKeys(*report), QStringList{QStringLiteral("4:器具状态")}); // record, not line
    QCOMPARE(report->created, 3);
    QCOMPARE(report->emptyRows, 1);
    QCOMPARE(m_fx.bySerial(QStringLiteral("C-001"))->installLocation,
             QStringLiteral("杭州市西湖区,文三路1号"));
    QCOMPARE(m_fx.bySerial(QStringLiteral("C-004"))->status, InstrumentStatus::Suspended);
}

void TestInstrumentImport::requiredColumnMissing()
{
    auto report =
        InstrumentImport::run(corpus(QStringLiteral("missing-name.xlsx")), m_fx.store.get());
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("计量器具名称")),
             qPrintable(report.error().message));
    QCOMPARE(m_fx.count(QStringLiteral("instrument")), 0);
}

void TestInstrumentImport::noHeaderRow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no-header.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("a,b\n1,2\n");
    f.close();
    auto report = InstrumentImport::run(path, m_fx.store.get());
    QVERIFY(!report.ok());
    QVERIFY(report.error().message.contains(QStringLiteral("header")));
}

void TestInstrumentImport::userMapping()
{
    // missing-name.xlsx has 出厂编号, 规格型号, 备注: the user says the second column holds
    // the names.
    ImportOptions options;
    options.headerRow = 1;
    options.fields = QStringList{QStringLiteral("serialNo"), QStringLiteral("name"), QString()};
    auto report = InstrumentImport::run(corpus(QStringLiteral("missing-name.xlsx")),
                                        m_fx.store.get(), options);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->created, 1);
    QCOMPARE(m_fx.bySerial(QStringLiteral("M-1"))->name, QStringLiteral("CS46"));
    QVERIFY(m_fx.bySerial(QStringLiteral("M-1"))->remarks.isEmpty()); // ignored column
}

void TestInstrumentImport::existingSerialUpdatedOrSkipped()
{
    Instrument existing;
    existing.serialNo = QStringLiteral("C-001");
    existing.name = QStringLiteral("旧名称");
    existing.category = QStringLiteral("燃油加油机");
    auto created = m_fx.store->create(existing);
    QVERIFY(created.ok());

    ImportOptions skip;
    skip.onExisting = OnExisting::Skip;
    auto skipped =
        InstrumentImport::run(corpus(QStringLiteral("utf8.csv")), m_fx.store.get(), skip);
    QVERIFY(skipped.ok());
    QCOMPARE(skipped->skipped, 1);
    QCOMPARE(skipped->created, 2);
    QCOMPARE(m_fx.bySerial(QStringLiteral("C-001"))->name, QStringLiteral("旧名称"));

    auto updated = InstrumentImport::run(corpus(QStringLiteral("utf8.csv")), m_fx.store.get());
    QVERIFY(updated.ok());
    QCOMPARE(updated->updated, 3);
    QCOMPARE(updated->created, 0);
    const auto after = m_fx.bySerial(QStringLiteral("C-001"));
    QCOMPARE(after->id, created->id);
    QCOMPARE(after->name, QStringLiteral("燃油加油机"));
    QCOMPARE(after->category, QStringLiteral("燃油加油机")); // not in the file: kept
    QCOMPARE(m_fx.count(QStringLiteral("instrument")), 3);
}

void TestInstrumentImport::repeatedIdLeavesItsSerialFree()
{
    Instrument existing;
    existing.serialNo = QStringLiteral("R-1");
    existing.name = QStringLiteral("旧名称");
    existing.status = InstrumentStatus::Suspended;
    auto created = m_fx.store->create(existing);
    QVERIFY(created.ok());

    // Row 3 repeats row 2's record id: refused, so its serial R-2 is not taken, and row 4
    // (R-2 without an id) is a new record. Row 2 leaves 器具状态 blank: the status stays.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ids.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("出厂编号,计量器具名称,器具状态,记录ID\n"
                           "R-1,新名称,,%1\n"
                           "R-2,另一台,在用,%1\n"
                           "R-2,另一台,在用,\n")
                .arg(created->id)
                .toUtf8());
    f.close();
    ImportOptions options;
    options.keepAccepted = 10;
    auto report = InstrumentImport::run(path, m_fx.store.get(), options);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(issueKeys(*report), QStringList{QStringLiteral("3:记录ID")});
    QCOMPARE(report->accepted.size(), 2);
    QCOMPARE(report->updated, 1);
    QCOMPARE(report->created, 1);
    const auto updated = m_fx.bySerial(QStringLiteral("R-1"));
    QCOMPARE(updated->name, QStringLiteral("新名称"));
    QCOMPARE(updated->status, InstrumentStatus::Suspended);
    QVERIFY(!report->accepted.at(0).fields.contains(QStringLiteral("status")));
    QVERIFY(report->accepted.at(1).fields.contains(QStringLiteral("status")));
    QCOMPARE(m_fx.bySerial(QStringLiteral("R-2"))->name, QStringLiteral("另一台"));
}

void TestInstrumentImport::checkWithoutStore()
{
    auto report = InstrumentImport::run(corpus(QStringLiteral("utf8.csv")), nullptr);
    QVERIFY(report.ok());
    QCOMPARE(report->unchecked, 3);
    QVERIFY(!report->committed);
    QCOMPARE(m_fx.count(QStringLiteral("instrument")), 0);
}

QTEST_GUILESS_MAIN(TestInstrumentImport)
#include "tst_instrumentimport.moc"
