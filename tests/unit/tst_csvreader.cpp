// CSV: RFC 4180 quoting (commas, doubled quotes, line breaks inside quotes), record numbers
// (a record spanning two lines is one), UTF-8 with and without BOM, GB18030 as zh-CN Excel
// saves it, refusals (an unclosed quote, an overlong field).
#include "spreadsheetfixture.h"

#include "io/sheet/csvreader.h"

#include <QTest>

using namespace jl::io;
using namespace jl::io::test;

class TestCsvReader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodings_data();
    void encodings();
    void quotingAndRecords();
    void unclosedQuoteRefused();
    void overlongFieldRefused();
};

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("utf-8") << QStringLiteral("utf8.csv");
    QTest::newRow("utf-8 bom") << QStringLiteral("utf8-bom.csv");
    QTest::newRow("gb18030") << QStringLiteral("gb18030.csv");
}

void TestCsvReader::encodings()
{
    QFETCH(QString, file);
    const ReadResult r = readAll(corpus(file));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    QCOMPARE(r.rows.size(), 6);
    QCOMPARE(r.rows.at(0).at(0).text, QStringLiteral("出厂编号")); // no BOM left in it
    QCOMPARE(r.rows.at(1).at(2).text, QStringLiteral("杭州市西湖区,文三路1号"));
    QCOMPARE(r.rows.at(1).at(3).text, QStringLiteral("他说\"好\""));
    QCOMPARE(r.rows.at(2).at(2).text, QStringLiteral("多行\n地址"));
    QCOMPARE(r.rows.at(3).number, 4); // the record after the two-line one
    QCOMPARE(r.rows.at(3).at(0).text, QStringLiteral("C-003"));
    QVERIFY(r.rows.at(4).cells.isEmpty());
}

void TestCsvReader::quotingAndRecords()
{
    QList<SheetRow> rows;
    const auto sink = [&rows](const SheetRow &row) -> jl::models::Status {
        rows.append(row);
        return {};
    };
    QVERIFY(CsvReader::parse(u"a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",,z", sink, {}).ok());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).cells.size(), 3);
    QCOMPARE(rows.at(0).at(1).text, QStringLiteral("b,c"));
    QCOMPARE(rows.at(0).at(2).text, QStringLiteral("d\"e"));
    QCOMPARE(rows.at(1).at(0).text, QStringLiteral("x\ny"));
    QVERIFY(rows.at(1).at(1).isEmpty());
    QCOMPARE(rows.at(1).at(2).text, QStringLiteral("z"));
    QCOMPARE(rows.at(1).number, 2);
}

void TestCsvReader::unclosedQuoteRefused()
{
    const auto s = CsvReader::parse(u"a,b\r\n\"never closed,c\r\n",
                                    [](const SheetRow &) { return jl::models::Status{}; }, {});
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(QStringLiteral("Record 2")));
}

void TestCsvReader::overlongFieldRefused()
{
    const QString text = QStringLiteral("a,") + QString(MaxCellLength + 1, QLatin1Char('x'));
    const auto s =
        CsvReader::parse(text, [](const SheetRow &) { return jl::models::Status{}; }, {});
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(QStringLiteral("B1")));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
