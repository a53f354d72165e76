// Cell → field value rules (issue 5 points 4–7) on hand-made cells: serials from numbers
// and zero-padded formats, the 1e15 limit, dates in every accepted form and impossible ones,
// period and status values, cached errors, header normalisation and aliases.
#include "io/import/cellconversion.h"
#include "io/import/instrumentcolumns.h"

#include <QTest>

using namespace jl::io;
using jl::models::InstrumentStatus;

namespace {

Cell number(double v, const QString &format = {})
{
    Cell c;
    c.kind = CellKind::Number;
    c.number = v;
    c.format = format;
    return c;
}

Cell text(const QString &t)
{
    Cell c;
    c.kind = CellKind::Text;
    c.text = t;
    return c;
}

} // namespace

class TestCellConversion final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void serials();
    void dates_data();
    void dates();
    void months();
    void statuses();
    void errorsReject();
    void headers();
};

void TestCellConversion::serials()
{
    QCOMPARE(CellConversion::serial(number(1234567890123)).value(),
             QStringLiteral("1234567890123"));
    QCOMPARE(CellConversion::serial(number(123, QStringLiteral("00000000"))).value(),
             QStringLiteral("00000123"));
    QCOMPARE(CellConversion::serial(number(999999999999999)).value(),
             QStringLiteral("999999999999999"));
    QVERIFY(!CellConversion::serial(number(1e15)).ok());
    QVERIFY(!CellConversion::serial(number(3.3010619900101e17)).ok());
    QCOMPARE(CellConversion::serial(number(12.5)).value(), QStringLiteral("12.5"));
    QCOMPARE(CellConversion::serial(text(QStringLiteral("\u00A0 0012\u3000"))).value(),
             QStringLiteral("0012"));
    QCOMPARE(CellConversion::text(number(5)).value(), QStringLiteral("5"));
}

void TestCellConversion::dates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDate>("expected"); // invalid = rejected
    QTest::newRow("iso") << QStringLiteral("2024-03-15") << QDate(2024, 3, 15);
    QTest::newRow("short") << QStringLiteral("2024-3-5") << QDate(2024, 3, 5);
    QTest::newRow("slash") << QStringLiteral("2024/3/5") << QDate(2024, 3, 5);
    QTest::newRow("chinese") << QStringLiteral("2024年3月5日") << QDate(2024, 3, 5);
    QTest::newRow("padded") << QStringLiteral(" 2024/03/05\u3000") << QDate(2024, 3, 5);
    QTest::newRow("impossible") << QStringLiteral("2023-02-29") << QDate();
    QTest::newRow("month 13") << QStringLiteral("2023/13/1") << QDate();
    QTest::newRow("dots") << QStringLiteral("2024.3.5") << QDate();
    QTest::newRow("us order") << QStringLiteral("3/5/2024") << QDate();
    QTest::newRow("with time") << QStringLiteral("2024-03-05 10:00") << QDate();
    QTest::newRow("words") << QStringLiteral("明年") << QDate();
}

void TestCellConversion::dates()
{
    QFETCH(QString, input);
    QFETCH(QDate, expected);
    const auto d = CellConversion::date(text(input), false);
    QCOMPARE(d.ok(), expected.isValid());
    if (d.ok())
        QCOMPARE(*d, expected);
    QCOMPARE(CellConversion::date(number(45366.5), false).value(), QDate(2024, 3, 15));
    QCOMPARE(CellConversion::date(number(43904), true).value(), QDate(2024, 3, 15));
    QVERIFY(!CellConversion::date(number(60), false).ok()); // 1900-02-29
    QVERIFY(!CellConversion::date(number(-3), false).ok());
    QVERIFY(!CellConversion::date(Cell{}, false)->isValid()); // empty: no date, no error
}

void TestCellConversion::months()
{
    QCOMPARE(CellConversion::months(Cell{}).value(), 0);
    QCOMPARE(CellConversion::months(number(12)).value(), 12);
    QCOMPARE(CellConversion::months(text(QStringLiteral(" 6 "))).value(), 6);
    QVERIFY(!CellConversion::months(number(0)).ok());
    QVERIFY(!CellConversion::months(number(6.5)).ok());
    QVERIFY(!CellConversion::months(text(QStringLiteral("-1"))).ok());
    QVERIFY(!CellConversion::months(text(QStringLiteral("12个月"))).ok());
}

void TestCellConversion::statuses()
{
    QCOMPARE(CellConversion::status(Cell{}).value(), InstrumentStatus::InUse);
    QCOMPARE(CellConversion::status(text(QStringLiteral("停用"))).value(),
             InstrumentStatus::Suspended);
    QCOMPARE(CellConversion::status(text(QStringLiteral("报废"))).value(),
             InstrumentStatus::Scrapped);
    QVERIFY(!CellConversion::status(text(QStringLiteral("维修"))).ok());
    QCOMPARE(CellConversion::verificationResult(text(QStringLiteral("不合格"))).value(),
             jl::models::VerificationResult::Fail);
    QVERIFY(!CellConversion::verificationResult(text(QStringLiteral("良"))).ok());
}

void TestCellConversion::errorsReject()
{
    Cell e;
    e.kind = CellKind::Error;
    e.text = QStringLiteral("#REF!");
    QVERIFY(!CellConversion::text(e).ok());
    QVERIFY(CellConversion::text(e).error().message.contains(QStringLiteral("#REF!")));
    QVERIFY(!CellConversion::serial(e).ok());
    QVERIFY(!CellConversion::date(e, false).ok());
    QVERIFY(!CellConversion::months(e).ok());
}

void TestCellConversion::headers()
{
    using instrumentcolumns::fieldForHeader;
    QCOMPARE(fieldForHeader(QStringLiteral("＊出厂号")), QStringLiteral("serialNo"));
    QCOMPARE(fieldForHeader(QStringLiteral("器具编号*")), QStringLiteral("serialNo"));
    QCOMPARE(fieldForHeader(QStringLiteral("\u3000器具名称\u00A0")), QStringLiteral("name"));
    QCOMPARE(fieldForHeader(QStringLiteral("检定周期")),
             QStringLiteral("verificationPeriodMonths"));
    QCOMPARE(fieldForHeader(QStringLiteral("检定周期（月）")),
             QStringLiteral("verificationPeriodMonths"));
    QCOMPARE(fieldForHeader(QStringLiteral("id")), QStringLiteral("id"));
    QVERIFY(fieldForHeader(QStringLiteral("序号")).isEmpty());
    // Every header the export writes is known again.
    for (const auto &c : instrumentcolumns::all())
        QCOMPARE(fieldForHeader(c.header), c.field);
}

QTEST_GUILESS_MAIN(TestCellConversion)
#include "tst_cellconversion.moc"
