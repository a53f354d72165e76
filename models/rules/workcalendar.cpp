#include "models/rules/workcalendar.h"

#include "models/common/logging.h"
#include "models/reference/bundledjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace jl::models {

namespace {

const QString kDateFormat = QStringLiteral("yyyy-MM-dd");

// Strict: exactly yyyy-MM-dd, so "2024-2-4" or a date-time from a confused server is refused.
QDate parseDate(const QJsonValue &value)
{
    const QString text = value.toString();
    return text.size() == 10 ? QDate::fromString(text, kDateFormat) : QDate();
}

} // namespace

Error WorkCalendar::invalid(const QString &detail)
{
    return Error{tr("The working-day calendar is not in the expected format, so it was not used."),
                 detail};
}

WorkCalendar WorkCalendar::bundled()
{
    return loadBundled<WorkCalendar>(QStringLiteral(":/reference/calendar.json"));
}

Result<WorkCalendar> WorkCalendar::fromJson(const QByteArray &json)
{
    const auto parsed = referenceRoot(json, QStringLiteral("years"));
    if (!parsed || !parsed->value(QLatin1String("years")).isObject())
        return invalid(parsed ? QStringLiteral("expected a \"years\" object")
                              : parsed.error().detail);
    const QJsonObject root = parsed.value();
    const QJsonValue source = root.value(QLatin1String("source"));
    if (!source.isUndefined() && !source.isString())
        return invalid(QStringLiteral("\"source\" is not a string"));

    WorkCalendar calendar;
    calendar.m_source = source.toString();
    const QJsonObject years = root.value(QLatin1String("years")).toObject();
    for (auto it = years.begin(); it != years.end(); ++it) {
        const QString where = QStringLiteral("years.") + it.key();
        bool isNumber = false;
        const int year = it.key().toInt(&isNumber);
        if (it.key().size() != 4 || !isNumber || year < 1900)
            return invalid(where + QStringLiteral(": not a year"));
        if (!it.value().isObject())
            return invalid(where + QStringLiteral(": not an object"));
        const QJsonObject entry = it.value().toObject();

        Year data;
        // Reads one list of dates of this year, sorted and without repeats.
        auto readDates = [&](const QLatin1String &key, QList<QDate> &into) -> QString {
            const QJsonValue list = entry.value(key);
            if (!list.isArray())
                return where + u'.' + key + QStringLiteral(": missing or not an array");
            const QJsonArray array = list.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QDate date = parseDate(array.at(i));
                if (!date.isValid() || date.year() != year)
                    return QStringLiteral("%1.%2[%3]: not a date of %4")
                        .arg(where, key)
                        .arg(i)
                        .arg(year);
                into.append(date);
            }
            std::sort(into.begin(), into.end());
            into.erase(std::unique(into.begin(), into.end()), into.end());
            return {};
        };
        if (const QString bad = readDates(QLatin1String("holidays"), data.holidays); !bad.isEmpty())
            return invalid(bad);
        if (const QString bad = readDates(QLatin1String("workdays"), data.workdays); !bad.isEmpty())
            return invalid(bad);
        // A year with no day off at all is surely a mistake, and publishing it would
        // replace a good year by plain Monday–Friday.
        if (data.holidays.isEmpty())
            return invalid(where + QStringLiteral(": lists no holidays"));
        for (const QDate date : std::as_const(data.workdays)) {
            // Catches a sender that lists every working day instead of the moved ones.
            if (!isWeekend(date))
                return invalid(where + QStringLiteral(": working day %1 is not a weekend day")
                                           .arg(date.toString(kDateFormat)));
            if (std::binary_search(data.holidays.cbegin(), data.holidays.cend(), date))
                return invalid(where + QStringLiteral(": %1 is both a holiday and a working day")
                                           .arg(date.toString(kDateFormat)));
        }

        const QJsonValue names = entry.value(QLatin1String("names"));
        if (!names.isUndefined() && !names.isObject())
            return invalid(where + QStringLiteral(".names: not an object"));
        const QJsonObject nameMap = names.toObject();
        for (auto n = nameMap.begin(); n != nameMap.end(); ++n) {
            const QDate date = parseDate(QJsonValue(n.key()));
            if (!date.isValid() || date.year() != year || !n.value().isString())
                return invalid(where + QStringLiteral(".names.") + n.key() +
                               QStringLiteral(": not a date of this year with a name"));
            data.names.insert(date, n.value().toString());
        }

        for (QDate day(year, 1, 1); day.year() == year; day = day.addDays(1)) {
            const bool off = std::binary_search(data.holidays.cbegin(), data.holidays.cend(), day);
            const bool moved =
                std::binary_search(data.workdays.cbegin(), data.workdays.cend(), day);
            data.working.set(size_t(day.dayOfYear() - 1), moved || (!off && !isWeekend(day)));
        }
        calendar.m_years.insert(year, std::move(data));
    }
    return calendar;
}

QByteArray WorkCalendar::toJson() const
{
    auto dates = [](const QList<QDate> &list) {
        QJsonArray array;
        for (const QDate date : list)
            array.append(date.toString(kDateFormat));
        return array;
    };
    QJsonObject years;
    for (auto it = m_years.cbegin(); it != m_years.cend(); ++it) {
        QJsonObject names;
        for (auto n = it->names.cbegin(); n != it->names.cend(); ++n)
            names.insert(n.key().toString(kDateFormat), n.value());
        QJsonObject entry{{QLatin1String("holidays"), dates(it->holidays)},
                          {QLatin1String("workdays"), dates(it->workdays)}};
        if (!names.isEmpty())
            entry.insert(QLatin1String("names"), names);
        years.insert(QString::number(it.key()), entry);
    }
    QJsonObject root{{QLatin1String("years"), years}};
    if (!m_source.isEmpty())
        root.insert(QLatin1String("source"), m_source);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

WorkCalendar WorkCalendar::merged(const WorkCalendar &newer) const
{
    WorkCalendar result = *this;
    for (auto it = newer.m_years.cbegin(); it != newer.m_years.cend(); ++it)
        result.m_years.insert(it.key(), it.value());
    // Keep both origins visible: some years may still come from the older one.
    if (!newer.m_source.isEmpty() && newer.m_source != m_source)
        result.m_source =
            m_source.isEmpty() ? newer.m_source : m_source + QStringLiteral("; ") + newer.m_source;
    return result;
}

bool WorkCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid())
        return false;
    const auto year = m_years.constFind(date.year());
    if (year == m_years.cend())
        return !isWeekend(date);
    return year->working.test(size_t(date.dayOfYear() - 1));
}

bool WorkCalendar::isHoliday(QDate date) const
{
    const auto year = m_years.constFind(date.year());
    return year != m_years.cend() &&
           std::binary_search(year->holidays.cbegin(), year->holidays.cend(), date);
}

QString WorkCalendar::dayName(QDate date) const
{
    const auto year = m_years.constFind(date.year());
    return year == m_years.cend() ? QString() : year->names.value(date);
}

QList<int> WorkCalendar::publishedYears() const
{
    QList<int> years = m_years.keys();
    std::sort(years.begin(), years.end());
    return years;
}

QDate WorkCalendar::addWorkingDays(QDate start, int n) const
{
    const int step = n < 0 ? -1 : 1;
    qint64 remaining = std::llabs(qint64(n));
    QDate day = start;
    while (remaining > 0 && day.isValid()) {
        day = day.addDays(step);
        if (isWorkingDay(day))
            --remaining;
    }
    return day;
}

int WorkCalendar::countWorkingDays(QDate after, QDate upTo) const
{
    int count = 0;
    for (QDate day = after.addDays(1); day.isValid() && day <= upTo; day = day.addDays(1))
        count += isWorkingDay(day) ? 1 : 0;
    return count;
}

int WorkCalendar::workingDaysLeft(QDate today, QDate deadline) const
{
    if (!today.isValid() || !deadline.isValid())
        return 0;
    if (today <= deadline)
        return countWorkingDays(today, deadline);
    return -std::max(1, countWorkingDays(deadline, today));
}

} // namespace jl::models
