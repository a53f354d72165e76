// The .xlsx reader on files made by openpyxl, xlsxwriter and LibreOffice
// (scripts/make-test-spreadsheets): shared, inline and rich-text strings, prefixes, rows and
// cells without r=, sparse rows, number formats, both date systems, cached formula values
// and errors, merged ranges, the first sheet by workbook order.
#include "spreadsheetfixture.h"

#include "io/sheet/numberformat.h"

#include <QTest>

using namespace jl::io;
using namespace jl::io::test;

class TestXlsxReader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inlineStringsAndNumberFormats();
    void mergedRangesFillEveryCell();
    void libreOfficeSharedStrings();
    void formulasRichTextAndErrors();
    void dates1904();
    void sparseRowsKeepTheirNumbers();
    void anyPrefixAndNoReferences();
    void numberFormats();
    void serialDates();
    void progressAndCancel();
};

void TestXlsxReader::inlineStringsAndNumberFormats()
{
    const ReadResult r = readAll(corpus(QStringLiteral("title-merged.xlsx")));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    const SheetRow *header = r.row(3);
    QVERIFY(header);
    QCOMPARE(header->at(1).text, QStringLiteral("*出厂编号"));
    QCOMPARE(header->at(8).text, QStringLiteral(" 备注\u3000"));
    const SheetRow *first = r.row(4);
    QVERIFY(first);
    QCOMPARE(first->at(1).kind, CellKind::Number);
    QCOMPARE(first->at(1).number, 123.0);
    QCOMPARE(first->at(1).format, QStringLiteral("00000000"));
    QCOMPARE(first->at(6).kind, CellKind::Date);
    QCOMPARE(first->at(6).date, QDate(2022, 6, 1));
    QCOMPARE(first->at(7).kind, CellKind::Text);
    QCOMPARE(r.row(19)->at(6).date, QDate(2024, 2, 29)); // custom 年月日 format is a date
    QVERIFY(!r.row(13));                                 // left out of the file
}

void TestXlsxReader::mergedRangesFillEveryCell()
{
    const ReadResult r = readAll(corpus(QStringLiteral("title-merged.xlsx")));
    QVERIFY(r.status.ok());
    QCOMPARE(r.row(12)->at(2).text, QStringLiteral("出租车计价器"));          // C11:C12
    QCOMPARE(r.row(1)->at(8).text, QStringLiteral("某某市在用计量器具台账")); // A1:I1
}

void TestXlsxReader::libreOfficeSharedStrings()
{
    const ReadResult r = readAll(corpus(QStringLiteral("libreoffice.xlsx")));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    QCOMPARE(r.row(3)->at(2).text, QStringLiteral("器具名称"));
    QCOMPARE(r.row(4)->at(1).number, 123.0);
    QCOMPARE(r.row(4)->at(1).format, QStringLiteral("00000000"));
    QCOMPARE(r.row(4)->at(6).date, QDate(2022, 6, 1));
    QCOMPARE(r.row(12)->at(2).text, QStringLiteral("出租车计价器"));
}

void TestXlsxReader::formulasRichTextAndErrors()
{
    const ReadResult r = readAll(corpus(QStringLiteral("formulas.xlsx")));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    QCOMPARE(r.row(2)->at(1).text, QStringLiteral("燃油加油机")); // rich text runs joined
    QCOMPARE(r.row(2)->at(2).kind, CellKind::Number);             // =6*2, cached
    QCOMPARE(r.row(2)->at(2).number, 12.0);
    QCOMPARE(r.row(2)->at(3).date, QDate(2025, 6, 30));
    QCOMPARE(r.row(3)->at(1).text, QStringLiteral("电子秤")); // string result, t="str"
    QCOMPARE(r.row(4)->at(1).kind, CellKind::Error);
    QCOMPARE(r.row(4)->at(1).text, QStringLiteral("#N/A"));
    QCOMPARE(r.row(5)->at(2).text, QStringLiteral("#DIV/0!"));
    QCOMPARE(r.row(6)->at(0).text, QStringLiteral("F-005"));
    QCOMPARE(r.row(6)->at(3).kind, CellKind::Error);
}

void TestXlsxReader::dates1904()
{
    const ReadResult r = readAll(corpus(QStringLiteral("dates1904.xlsx")));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    QVERIFY(r.row(2)->date1904);
    QCOMPARE(r.row(2)->at(2).kind, CellKind::Date);
    QCOMPARE(r.row(2)->at(2).date, QDate(2024, 3, 15));
    QCOMPARE(r.row(2)->at(3).kind, CellKind::Number);
    QCOMPARE(r.row(2)->at(3).number, 43000.0);
}

void TestXlsxReader::sparseRowsKeepTheirNumbers()
{
    const ReadResult r = readAll(corpus(QStringLiteral("sparse.xlsx")));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    QList<int> numbers;
    for (const SheetRow &row : r.rows)
        numbers.append(row.number);
    QCOMPARE(numbers, (QList<int>{3, 4, 7, 9}));
    QCOMPARE(r.row(9)->at(3).text, QStringLiteral("电能表"));
    QVERIFY(r.row(9)->at(1).isEmpty());
}

void TestXlsxReader::anyPrefixAndNoReferences()
{
    const ReadResult r = readAll(corpus(QStringLiteral("prefixed.xlsx")));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    QCOMPARE(r.rows.size(), 4);
    QCOMPARE(r.rows.at(3).number, 4);
    QCOMPARE(r.rows.at(3).at(0).text, QStringLiteral("I-003"));
    QCOMPARE(r.rows.at(3).at(2).text, QStringLiteral("三号桩"));
}

void TestXlsxReader::numberFormats()
{
    QVERIFY(numberformat::isDate(QStringLiteral("yyyy\"年\"m\"月\"d\"日\"")));
    QVERIFY(numberformat::isDate(QStringLiteral("[$-804]yyyy/m/d;@")));
    QVERIFY(numberformat::isDate(QStringLiteral("[h]:mm")));
    QVERIFY(numberformat::isDate(numberformat::builtIn(14)));
    QVERIFY(numberformat::isDate(numberformat::builtIn(57)));
    QVERIFY(!numberformat::isDate(QStringLiteral("00000000")));
    QVERIFY(!numberformat::isDate(QStringLiteral("[Red]0.00")));
    QVERIFY(!numberformat::isDate(QStringLiteral("\"m\"0")));
    QVERIFY(!numberformat::isDate(numberformat::builtIn(49)));
    QCOMPARE(numberformat::zeroPadWidth(QStringLiteral("00000000")), 8);
    QCOMPARE(numberformat::zeroPadWidth(QStringLiteral("0.00")), 0);
}

void TestXlsxReader::serialDates()
{
    using numberformat::serialToDate;
    QCOMPARE(serialToDate(1, false).value(), QDate(1900, 1, 1));
    QCOMPARE(serialToDate(59, false).value(), QDate(1900, 2, 28));
    QVERIFY(!serialToDate(60, false)); // Excel's 1900-02-29 does not exist
    QCOMPARE(serialToDate(61, false).value(), QDate(1900, 3, 1));
    QCOMPARE(serialToDate(45366.75, false).value(), QDate(2024, 3, 15)); // time dropped
    QCOMPARE(serialToDate(0, true).value(), QDate(1904, 1, 1));
    QCOMPARE(serialToDate(43904, true).value(), QDate(2024, 3, 15));
    QVERIFY(!serialToDate(-1, false));
    QCOMPARE(numberformat::dateToSerial(QDate(2024, 3, 15)), 45366.0);
}

void TestXlsxReader::progressAndCancel()
{
    std::atomic_bool cancel{true};
    ReadOptions options;
    options.cancel = &cancel;
    const ReadResult r = readAll(corpus(QStringLiteral("title-merged.xlsx")), options);
    QVERIFY(!r.status.ok());
    QCOMPARE(r.status.error().detail, QStringLiteral("cancelled"));
    QVERIFY(r.rows.isEmpty());
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
