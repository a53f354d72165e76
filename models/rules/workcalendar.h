#pragma once

#include "models/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <bitset>

namespace jl::models {

// Chinese working days (domain.md §5.2): Monday–Friday, minus the official days off, plus
// the weekend days declared working days (调休). The official calendar of each published
// year comes bundled (resources/reference/calendar.json, scripts/convert/README.md) and
// newer ones from the server in the same JSON shape. A year without data is *provisional*:
// plain Monday–Friday, which the UI should say, because its holidays are not known yet.
//
// A value type: copies are cheap (implicitly shared), lookups never parse.
class WorkCalendar final {
    Q_DECLARE_TR_FUNCTIONS(jl::models::WorkCalendar)

public:
    // No published year: every day is judged Monday–Friday.
    WorkCalendar() = default;

    // The calendar shipped with the client. Parses the resource on every call: call it once
    // and keep the value. A broken resource is logged and yields the empty calendar.
    static WorkCalendar bundled();

    // `{"source": "...", "years": {"2024": {"holidays": [...], "workdays": [...],
    // "names": {...}}}}`, as scripts/convert/README.md documents; `source` and `names` are
    // optional. Refuses anything else (bad dates, dates outside their year, a working day
    // that is not a weekend day, a day listed both ways) with an Error whose detail says
    // where.
    static Result<WorkCalendar> fromJson(const QByteArray &json);
    QByteArray toJson() const;

    // This calendar with every year that `newer` publishes replaced by newer's version of it.
    WorkCalendar merged(const WorkCalendar &newer) const;

    bool isWorkingDay(QDate date) const;
    // An official day off listed by a published year (weekend days inside a block included).
    bool isHoliday(QDate date) const;
    // The holiday a listed day belongs to (for a working weekend day, the one it was moved
    // for), in Chinese as published; empty for an ordinary day.
    QString dayName(QDate date) const;

    bool isPublished(int year) const { return m_years.contains(year); }
    bool isProvisional(int year) const { return !isPublished(year); }
    QList<int> publishedYears() const; // ascending
    QString source() const { return m_source; }

    // The deadline of `n` working days from `start`: the date of the nth working day after
    // `start`, which itself is not counted; the deadline ends at the end of that day. n = 0
    // gives `start`; a negative n counts back to the |n|th working day before `start`.
    // An invalid start gives an invalid date.
    QDate addWorkingDays(QDate start, int n) const;

    // Working days left until `deadline` as seen on `today`, for the 剩余…天数(工作日) column:
    // - today <= deadline: the number of working days d with today < d <= deadline, so
    //   workingDaysLeft(s, addWorkingDays(s, n)) == n and the deadline day itself gives 0
    //   ("ends today");
    // - today > deadline: minus the number of working days d with deadline < d <= today,
    //   but at least 1 in magnitude, because a passed deadline must never read as 0 (the
    //   weekend after a Friday deadline is -1, so is the Monday; the Tuesday is -2).
    // 0 if either date is invalid.
    int workingDaysLeft(QDate today, QDate deadline) const;

private:
    struct Year {
        QList<QDate> holidays; // sorted
        QList<QDate> workdays; // sorted
        QHash<QDate, QString> names;
        std::bitset<366> working; // by dayOfYear() - 1
    };

    static bool isWeekend(QDate date) { return date.dayOfWeek() >= 6; }
    static Error invalid(const QString &detail);
    int countWorkingDays(QDate after, QDate upTo) const; // working d with after < d <= upTo

    QHash<int, Year> m_years;
    QString m_source;
};

} // namespace jl::models
