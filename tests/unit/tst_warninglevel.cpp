// The three-colour rule of domain.md §5.1 at every boundary.
#include "models/rules/warninglevel.h"

#include <QTest>

using namespace jl::models;

class TestWarningLevel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void boundaries_data();
    void boundaries();
    void failIsAlertWhateverTheDate();
    void noRecordIsAlert();
    void onlyActiveInUseInstrumentsWarn();
    void thresholdsFromTheServer();
    void labelsAndColours();
};

void TestWarningLevel::boundaries_data()
{
    QTest::addColumn<int>("daysLeft");
    QTest::addColumn<WarningLevel>("expected");
    QTest::newRow("41 days: none") << 41 << WarningLevel::None;
    QTest::newRow("40 days: notice") << 40 << WarningLevel::Notice;
    QTest::newRow("21 days: notice") << 21 << WarningLevel::Notice;
    QTest::newRow("20 days: warning") << 20 << WarningLevel::Warning;
    QTest::newRow("1 day: warning") << 1 << WarningLevel::Warning;
    QTest::newRow("0 days (expires today): warning") << 0 << WarningLevel::Warning;
    QTest::newRow("-1 day: alert") << -1 << WarningLevel::Alert;
    QTest::newRow("-400 days: alert") << -400 << WarningLevel::Alert;
    QTest::newRow("a year left: none") << 365 << WarningLevel::None;
}

void TestWarningLevel::boundaries()
{
    QFETCH(int, daysLeft);
    QFETCH(WarningLevel, expected);
    const QDate today(2026, 2, 27);
    Instrument i;
    i.verificationResult = VerificationResult::Pass;
    i.validUntil = today.addDays(daysLeft);
    QCOMPARE(warningLevel(i, today), expected);
    // Across a month and a leap-year boundary too.
    const QDate leap(2028, 2, 28);
    i.validUntil = leap.addDays(daysLeft);
    QCOMPARE(warningLevel(i, leap), expected);
}

void TestWarningLevel::failIsAlertWhateverTheDate()
{
    const QDate today(2026, 11, 27);
    Instrument i;
    i.verificationResult = VerificationResult::Fail;
    i.validUntil = today.addYears(1);
    QCOMPARE(warningLevel(i, today), WarningLevel::Alert);
}

void TestWarningLevel::noRecordIsAlert()
{
    Instrument i; // no verification result, no validUntil
    QCOMPARE(warningLevel(i, QDate(2026, 11, 27)), WarningLevel::Alert);
    i.verificationResult = VerificationResult::Pass; // a result but no expiry: still no record
    QCOMPARE(warningLevel(i, QDate(2026, 11, 27)), WarningLevel::Alert);
}

void TestWarningLevel::onlyActiveInUseInstrumentsWarn()
{
    const QDate today(2026, 11, 27);
    Instrument i;
    i.validUntil = today.addDays(-5);
    QCOMPARE(warningLevel(i, today), WarningLevel::Alert);
    i.status = InstrumentStatus::Suspended;
    QCOMPARE(warningLevel(i, today), WarningLevel::None);
    i.status = InstrumentStatus::InUse;
    i.lifecycle = Lifecycle::History;
    QCOMPARE(warningLevel(i, today), WarningLevel::None);
}

void TestWarningLevel::thresholdsFromTheServer()
{
    const QDate today(2026, 11, 27);
    const WarningThresholds t{60, 30};
    QCOMPARE(warningLevel(VerificationResult::Pass, today.addDays(60), today, t),
             WarningLevel::Notice);
    QCOMPARE(warningLevel(VerificationResult::Pass, today.addDays(61), today, t),
             WarningLevel::None);
    QCOMPARE(warningLevel(VerificationResult::Pass, today.addDays(30), today, t),
             WarningLevel::Warning);
    QCOMPARE(warningLevel(VerificationResult::Pass, today.addDays(31), today, t),
             WarningLevel::Notice);
}

void TestWarningLevel::labelsAndColours()
{
    QCOMPARE(colorName(WarningLevel::Notice), QStringLiteral("#2e7d32"));
    QCOMPARE(colorName(WarningLevel::Warning), QStringLiteral("#b26a00"));
    QCOMPARE(colorName(WarningLevel::Alert), QStringLiteral("#c62828"));
    QVERIFY(displayName(WarningLevel::None).isEmpty());
    QVERIFY(!displayName(WarningLevel::Alert).isEmpty());
    QVERIFY(shanghaiToday().isValid());
}

QTEST_GUILESS_MAIN(TestWarningLevel)
#include "tst_warninglevel.moc"
