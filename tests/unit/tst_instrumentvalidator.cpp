// Validation and normalisation of instruments; phone patterns and masking.
#include "models/domain/instrumentvalidator.h"

#include <QTest>

using namespace jl::models;

class TestInstrumentValidator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trimsChineseAndAsciiSpaces();
    void foldsFullWidthSerials();
    void requiredFields();
    void serialStaysText();
    void datesInOrder();
    void periodRange();
    void divisionCodeShape();
    void completeness();
    void phones_data();
    void phones();
    void masking();
    void labels();
};

static Instrument valid()
{
    Instrument i;
    i.serialNo = QStringLiteral("00012345");
    i.name = QStringLiteral("燃油加油机");
    return i;
}

void TestInstrumentValidator::trimsChineseAndAsciiSpaces()
{
    QCOMPARE(InstrumentValidator::trimmed(QStringLiteral("\u3000 a b\u00a0\t")),
             QStringLiteral("a b"));
    QCOMPARE(InstrumentValidator::trimmed(QString()), QString());
    QCOMPARE(InstrumentValidator::trimmed(QStringLiteral("\u3000\u3000")), QString());
}

void TestInstrumentValidator::foldsFullWidthSerials()
{
    QCOMPARE(InstrumentValidator::normalizedSerial(QStringLiteral(" ＡＢ－１２３\u3000")),
             QStringLiteral("AB-123"));
    Instrument i = valid();
    i.serialNo = QStringLiteral("\u3000０００７");
    i.name = QStringLiteral("  电子计价秤 ");
    const Instrument n = InstrumentValidator::normalized(i);
    QCOMPARE(n.serialNo, QStringLiteral("0007"));
    QCOMPARE(n.name, QStringLiteral("电子计价秤"));
}

void TestInstrumentValidator::requiredFields()
{
    QVERIFY(InstrumentValidator::validate(valid()).isEmpty());
    Instrument i = valid();
    i.serialNo = QStringLiteral("\u3000 ");
    i.name.clear();
    const auto errors = InstrumentValidator::validate(i);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).field, QStringLiteral("serialNo"));
    QCOMPARE(errors.at(1).field, QStringLiteral("name"));
    QVERIFY(!errors.at(0).message.isEmpty());
}

void TestInstrumentValidator::serialStaysText()
{
    Instrument i = valid();
    i.serialNo = QStringLiteral("330106199001011234"); // 18 digits, beyond a double's precision
    QVERIFY(InstrumentValidator::validate(i).isEmpty());
    QCOMPARE(InstrumentValidator::normalized(i).serialNo, QStringLiteral("330106199001011234"));
    i.serialNo = QString(65, QLatin1Char('9'));
    QCOMPARE(InstrumentValidator::validate(i).size(), 1);
    i.serialNo = QStringLiteral("AB\u0007C");
    QCOMPARE(InstrumentValidator::validate(i).size(), 1);
}

void TestInstrumentValidator::datesInOrder()
{
    Instrument i = valid();
    i.productionDate = QDate(2024, 5, 1);
    i.installDate = QDate(2024, 4, 30);
    QCOMPARE(InstrumentValidator::validate(i).size(), 1);
    QCOMPARE(InstrumentValidator::validate(i).first().field, QStringLiteral("installDate"));
    i.installDate = QDate(2024, 5, 1);
    QVERIFY(InstrumentValidator::validate(i).isEmpty());
    i.lastVerificationDate = QDate(2025, 1, 10);
    i.validUntil = QDate(2025, 1, 9);
    QCOMPARE(InstrumentValidator::validate(i).first().field, QStringLiteral("validUntil"));
}

void TestInstrumentValidator::periodRange()
{
    Instrument i = valid();
    i.verificationPeriodMonths = -1;
    QCOMPARE(InstrumentValidator::validate(i).size(), 1);
    i.verificationPeriodMonths = 121;
    QCOMPARE(InstrumentValidator::validate(i).size(), 1);
    i.verificationPeriodMonths = 12;
    QVERIFY(InstrumentValidator::validate(i).isEmpty());
}

void TestInstrumentValidator::divisionCodeShape()
{
    Instrument i = valid();
    for (const char *good : {"33", "3301", "330106", "330106001", "330106001000"}) {
        i.divisionCode = QLatin1String(good);
        QVERIFY2(InstrumentValidator::validate(i).isEmpty(), good);
    }
    for (const char *bad : {"3", "33010", "33a106", "3301060011"}) {
        i.divisionCode = QLatin1String(bad);
        QVERIFY2(!InstrumentValidator::validate(i).isEmpty(), bad);
    }
}

void TestInstrumentValidator::completeness()
{
    Instrument i = valid();
    const QStringList all = {
        QStringLiteral("category"),        QStringLiteral("model"),
        QStringLiteral("measuringRange"),  QStringLiteral("manufacturer"),
        QStringLiteral("installLocation"), QStringLiteral("divisionCode"),
        QStringLiteral("installDate"),     QStringLiteral("verificationPeriodMonths")};
    QCOMPARE(InstrumentValidator::missingForComplete(i), all);
    i.category = QStringLiteral("燃油加油机");
    i.model = QStringLiteral("CS46");
    i.measuringRange = QStringLiteral("(5-50)L/min");
    i.manufacturer = QStringLiteral("正星科技股份有限公司");
    i.installLocation = QStringLiteral("杭州市西湖区文三路1号");
    i.divisionCode = QStringLiteral("330106"); // district only: not enough
    i.installDate = QDate(2023, 3, 1);
    i.verificationPeriodMonths = 6;
    QCOMPARE(InstrumentValidator::missingForComplete(i),
             QStringList{QStringLiteral("divisionCode")});
    i.divisionCode = QStringLiteral("330106001");
    QVERIFY(InstrumentValidator::isComplete(i));
}

void TestInstrumentValidator::phones_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<bool>("ok");
    QTest::newRow("mobile") << QStringLiteral("13311111111") << true;
    QTest::newRow("mobile 19x") << QStringLiteral("19912345678") << true;
    QTest::newRow("mobile 12x") << QStringLiteral("12912345678") << false;
    QTest::newRow("mobile short") << QStringLiteral("1331111111") << false;
    QTest::newRow("landline dash") << QStringLiteral("0571-87654321") << true;
    QTest::newRow("landline plain") << QStringLiteral("057187654321") << true;
    QTest::newRow("landline 3-digit area") << QStringLiteral("010-12345678") << true;
    QTest::newRow("landline 7 digits") << QStringLiteral("0577-8765432") << true;
    QTest::newRow("landline extension") << QStringLiteral("0571-87654321-806") << true;
    QTest::newRow("landline 转") << QStringLiteral("0571-87654321转806") << true;
    QTest::newRow("no area") << QStringLiteral("87654321") << false;
    QTest::newRow("letters") << QStringLiteral("0571-8765432a") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestInstrumentValidator::phones()
{
    QFETCH(QString, phone);
    QFETCH(bool, ok);
    QCOMPARE(isValidPhone(phone), ok);
}

void TestInstrumentValidator::masking()
{
    QCOMPARE(maskedPhone(QStringLiteral("13311111111")), QStringLiteral("133****1111"));
    QCOMPARE(maskedPhone(QStringLiteral("0571-87654321")), QStringLiteral("0571-****4321"));
    QCOMPARE(maskedName(QStringLiteral("王五")), QStringLiteral("王*"));
    QCOMPARE(maskedName(QStringLiteral("欧阳娜娜")), QStringLiteral("欧***"));
    QCOMPARE(maskedName(QStringLiteral("王")), QStringLiteral("王"));
}

void TestInstrumentValidator::labels()
{
    QCOMPARE(InstrumentValidator::fieldLabel(QStringLiteral("serialNo")),
             QStringLiteral("Serial No."));
    QCOMPARE(InstrumentValidator::fieldLabel(QStringLiteral("unknown")), QStringLiteral("unknown"));
}

QTEST_GUILESS_MAIN(TestInstrumentValidator)
#include "tst_instrumentvalidator.moc"
