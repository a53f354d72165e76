#include "models/rules/workcalendar.h"

#include <QTest>

using jl::models::WorkCalendar;

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class TestWorkCalendar final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void publishedYears();
    void springFestival2024();
    void springFestival2025();
    void nationalDay();
    void weekendWorkingDayCounts();
    void acrossNewYear();
    void unpublishedYearIsProvisional();
    void zeroAndNegativeN();
    void workingDaysLeft_data();
    void workingDaysLeft();
    void leftRoundTripsAdd();
    void malformedJsonRefused_data();
    void malformedJsonRefused();
    void mergedOverridesYear();
    void jsonRoundTrip();

private:
    WorkCalendar m_cal;
};

void TestWorkCalendar::initTestCase()
{
    m_cal = WorkCalendar::bundled();
    QVERIFY(m_cal.isPublished(2024));
}

void TestWorkCalendar::publishedYears()
{
    const QList<int> years = m_cal.publishedYears();
    QCOMPARE(years.first(), 2023);
    QVERIFY(years.contains(2026));
    for (int y = 2023; y <= 2026; ++y)
        QVERIFY2(!m_cal.isProvisional(y), qPrintable(QString::number(y)));
    QCOMPARE(m_cal.source(), QStringLiteral("chinese-days 1.5.7"));
    QCOMPARE(m_cal.dayName(d("2024-02-12")), QStringLiteral("春节"));
    QCOMPARE(m_cal.dayName(d("2024-03-12")), QString());
}

void TestWorkCalendar::springFestival2024()
{
    for (QDate day = d("2024-02-10"); day <= d("2024-02-17"); day = day.addDays(1)) {
        QVERIFY2(!m_cal.isWorkingDay(day), qPrintable(day.toString(Qt::ISODate)));
        QVERIFY(m_cal.isHoliday(day));
    }
    QVERIFY(m_cal.isWorkingDay(d("2024-02-04")));  // Sunday
    QVERIFY(m_cal.isWorkingDay(d("2024-02-18")));  // Sunday
    QVERIFY(m_cal.isWorkingDay(d("2024-02-09")));  // Friday, 除夕, not a day off in 2024
    QVERIFY(!m_cal.isWorkingDay(d("2024-02-03"))); // an ordinary Saturday
    // Accepted on Thursday 2024-02-08: Fri 9, Sun 18, Mon 19..Thu 22, Fri 23 → 7th on the 23rd.
    QCOMPARE(m_cal.addWorkingDays(d("2024-02-08"), 7), d("2024-02-23"));
    QCOMPARE(m_cal.addWorkingDays(d("2024-02-09"), 1), d("2024-02-18"));
}

void TestWorkCalendar::springFestival2025()
{
    for (QDate day = d("2025-01-28"); day <= d("2025-02-04"); day = day.addDays(1))
        QVERIFY2(!m_cal.isWorkingDay(day), qPrintable(day.toString(Qt::ISODate)));
    QVERIFY(m_cal.isWorkingDay(d("2025-01-26"))); // Sunday
    QVERIFY(m_cal.isWorkingDay(d("2025-02-08"))); // Saturday
    QVERIFY(m_cal.isWorkingDay(d("2025-02-05")));
    // From Friday 01-24: Sun 26, Mon 27, Wed 05, Thu 06, Fri 07, Sat 08, Mon 10.
    QCOMPARE(m_cal.addWorkingDays(d("2025-01-24"), 7), d("2025-02-10"));
}

void TestWorkCalendar::nationalDay()
{
    for (QDate day = d("2024-10-01"); day <= d("2024-10-07"); day = day.addDays(1))
        QVERIFY(!m_cal.isWorkingDay(day));
    QVERIFY(m_cal.isWorkingDay(d("2024-09-29"))); // Sunday
    QVERIFY(m_cal.isWorkingDay(d("2024-10-12"))); // Saturday
    for (QDate day = d("2025-10-01"); day <= d("2025-10-08"); day = day.addDays(1))
        QVERIFY(!m_cal.isWorkingDay(day));
    QVERIFY(m_cal.isWorkingDay(d("2025-09-28")));
    QVERIFY(m_cal.isWorkingDay(d("2025-10-11")));
    // From Friday 2025-09-26: Sun 28, Mon 29, Tue 30, Thu 09, Fri 10, Sat 11, Mon 13.
    QCOMPARE(m_cal.addWorkingDays(d("2025-09-26"), 7), d("2025-10-13"));
}

void TestWorkCalendar::weekendWorkingDayCounts()
{
    // Friday 2024-04-26 + 1 is Sunday 04-28 (working before Labour Day), not Monday.
    QCOMPARE(m_cal.addWorkingDays(d("2024-04-26"), 1), d("2024-04-28"));
    QCOMPARE(m_cal.workingDaysLeft(d("2024-04-26"), d("2024-04-29")), 2);
}

void TestWorkCalendar::acrossNewYear()
{
    // Wed 2025-12-31 → Thu 01-01, Fri 01-02 and Sat 01-03 are off, Sunday 01-04 works.
    QVERIFY(!m_cal.isWorkingDay(d("2026-01-01")));
    QVERIFY(!m_cal.isWorkingDay(d("2026-01-02")));
    QVERIFY(m_cal.isWorkingDay(d("2026-01-04")));
    QCOMPARE(m_cal.addWorkingDays(d("2025-12-31"), 1), d("2026-01-04"));
    QCOMPARE(m_cal.addWorkingDays(d("2025-12-29"), 7), d("2026-01-08"));
    QCOMPARE(m_cal.workingDaysLeft(d("2025-12-30"), d("2026-01-05")), 3);
    QCOMPARE(m_cal.addWorkingDays(d("2026-01-04"), -1), d("2025-12-31"));
}

void TestWorkCalendar::unpublishedYearIsProvisional()
{
    QVERIFY(m_cal.isProvisional(2031));
    QVERIFY(!m_cal.isPublished(2031));
    QVERIFY(m_cal.isWorkingDay(d("2031-01-01")));  // a Wednesday: New Year unknown yet
    QVERIFY(!m_cal.isWorkingDay(d("2031-01-04"))); // Saturday
    QVERIFY(!m_cal.isHoliday(d("2031-01-01")));
    QCOMPARE(m_cal.addWorkingDays(d("2031-01-03"), 1), d("2031-01-06"));
    QCOMPARE(m_cal.addWorkingDays(d("2031-01-03"), 10), d("2031-01-17"));

    const WorkCalendar empty;
    QVERIFY(empty.publishedYears().isEmpty());
    QVERIFY(empty.isWorkingDay(d("2024-02-12"))); // Monday, no data
    QVERIFY(!empty.isWorkingDay(QDate()));
}

void TestWorkCalendar::zeroAndNegativeN()
{
    QCOMPARE(m_cal.addWorkingDays(d("2024-02-12"), 0), d("2024-02-12"));
    QCOMPARE(m_cal.addWorkingDays(d("2024-02-19"), -1), d("2024-02-18"));
    QCOMPARE(m_cal.addWorkingDays(d("2024-02-18"), -1), d("2024-02-09"));
    QVERIFY(!m_cal.addWorkingDays(QDate(), 3).isValid());
}

void TestWorkCalendar::workingDaysLeft_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QDate>("deadline");
    QTest::addColumn<int>("left");
    const QDate deadline = d("2024-02-23"); // Friday
    QTest::newRow("accepted") << d("2024-02-08") << deadline << 7;
    QTest::newRow("during holiday") << d("2024-02-12") << deadline << 6;
    QTest::newRow("deadline day") << deadline << deadline << 0;
    QTest::newRow("Saturday after") << d("2024-02-24") << deadline << -1;
    QTest::newRow("Sunday after") << d("2024-02-25") << deadline << -1;
    QTest::newRow("Monday after") << d("2024-02-26") << deadline << -1;
    QTest::newRow("Tuesday after") << d("2024-02-27") << deadline << -2;
    QTest::newRow("a week after") << d("2024-03-01") << deadline << -5;
    QTest::newRow("invalid") << QDate() << deadline << 0;
    // Deadline on the Sunday working day 02-18, seen from the Friday before the holiday.
    QTest::newRow("over holiday") << d("2024-02-09") << d("2024-02-18") << 1;
}

void TestWorkCalendar::workingDaysLeft()
{
    QFETCH(QDate, today);
    QFETCH(QDate, deadline);
    QFETCH(int, left);
    QCOMPARE(m_cal.workingDaysLeft(today, deadline), left);
}

void TestWorkCalendar::leftRoundTripsAdd()
{
    for (QDate start = d("2023-12-20"); start <= d("2026-01-10"); start = start.addDays(3)) {
        for (int n : {0, 1, 7, 14}) {
            const QDate deadline = m_cal.addWorkingDays(start, n);
            QCOMPARE(m_cal.workingDaysLeft(start, deadline), n);
            QVERIFY(n == 0 || m_cal.isWorkingDay(deadline));
        }
    }
}

void TestWorkCalendar::malformedJsonRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("detailMentions");
    const auto year = [](const char *body) -> QByteArray {
        return QByteArray(R"({"years":{"2027":)") + body + "}}";
    };
    QTest::newRow("not json") << QByteArray("{years") << QStringLiteral("JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("years");
    QTest::newRow("no years") << QByteArray(R"({"source":"x"})") << QStringLiteral("years");
    QTest::newRow("source type") << QByteArray(R"({"source":1,"years":{}})")
                                 << QStringLiteral("source");
    QTest::newRow("bad year") << QByteArray(R"({"years":{"20x7":{}}})") << QStringLiteral("20x7");
    QTest::newRow("no holidays key") << year(R"({"workdays":[]})") << QStringLiteral("holidays");
    QTest::newRow("empty holidays")
        << year(R"({"holidays":[],"workdays":[]})") << QStringLiteral("no holidays");
    QTest::newRow("bad date") << year(R"({"holidays":["2027-13-01"],"workdays":[]})")
                              << QStringLiteral("holidays[0]");
    QTest::newRow("loose date") << year(R"({"holidays":["2027-1-1"],"workdays":[]})")
                                << QStringLiteral("holidays[0]");
    QTest::newRow("other year") << year(R"({"holidays":["2026-10-01"],"workdays":[]})")
                                << QStringLiteral("not a date of 2027");
    QTest::newRow("weekday workday")
        << year(R"({"holidays":["2027-01-01"],"workdays":["2027-01-05"]})")
        << QStringLiteral("not a weekend");
    QTest::newRow("both") << year(R"({"holidays":["2027-01-02"],"workdays":["2027-01-02"]})")
                          << QStringLiteral("both");
    QTest::newRow("names") << year(R"({"holidays":["2027-01-01"],"workdays":[],"names":[]})")
                           << QStringLiteral("names");
}

void TestWorkCalendar::malformedJsonRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, detailMentions);
    const auto result = WorkCalendar::fromJson(json);
    QVERIFY(!result.ok());
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY2(result.error().detail.contains(detailMentions), qPrintable(result.error().detail));
}

void TestWorkCalendar::mergedOverridesYear()
{
    // The server moves a day off: 2026-03-02 (Monday) off, Saturday 2026-03-07 working.
    const auto server = WorkCalendar::fromJson(R"({"source":"server 2026-02","years":{"2026":{
        "holidays":["2026-01-01","2026-03-02"],"workdays":["2026-03-07"]},
        "2031":{"holidays":["2031-01-01"],"workdays":[]}}})");
    QVERIFY2(server.ok(), qPrintable(server.error().detail));
    const WorkCalendar merged = m_cal.merged(*server);
    QVERIFY(!merged.isWorkingDay(d("2026-03-02")));
    QVERIFY(merged.isWorkingDay(d("2026-03-07")));
    QVERIFY(merged.isWorkingDay(d("2026-02-16"))); // the old 2026 is replaced whole
    QVERIFY(merged.isPublished(2031));
    QVERIFY(!merged.isWorkingDay(d("2031-01-01")));
    QVERIFY(!merged.isWorkingDay(d("2024-02-12"))); // years the server left alone stay
    QCOMPARE(merged.publishedYears(), (QList<int>{2023, 2024, 2025, 2026, 2031}));
    QVERIFY(merged.source().contains(QStringLiteral("server 2026-02")));
    QVERIFY(m_cal.isWorkingDay(d("2026-03-02"))); // the original is untouched
}

void TestWorkCalendar::jsonRoundTrip()
{
    const auto again = WorkCalendar::fromJson(m_cal.toJson());
    QVERIFY2(again.ok(), qPrintable(again.error().detail));
    QCOMPARE(again->publishedYears(), m_cal.publishedYears());
    QCOMPARE(again->source(), m_cal.source());
    for (QDate day = d("2023-01-01"); day <= d("2026-12-31"); day = day.addDays(1))
        QCOMPARE(again->isWorkingDay(day), m_cal.isWorkingDay(day));
    QCOMPARE(again->dayName(d("2025-10-11")), QStringLiteral("国庆节"));
}

QTEST_GUILESS_MAIN(TestWorkCalendar)
#include "tst_workcalendar.moc"
