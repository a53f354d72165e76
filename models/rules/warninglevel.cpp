#include "models/rules/warninglevel.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace jl::models {

WarningLevel warningLevel(VerificationResult result, QDate validUntil, QDate today,
                          WarningThresholds thresholds)
{
    // 不合格 must not be used whatever its date; no record at all is as urgent as expired.
    if (result == VerificationResult::Fail || !validUntil.isValid())
        return WarningLevel::Alert;
    const qint64 daysLeft = today.daysTo(validUntil);
    if (daysLeft < 0)
        return WarningLevel::Alert;
    if (daysLeft <= thresholds.warningDays)
        return WarningLevel::Warning;
    if (daysLeft <= thresholds.noticeDays)
        return WarningLevel::Notice;
    return WarningLevel::None;
}

WarningLevel warningLevel(const Instrument &instrument, QDate today, WarningThresholds thresholds)
{
    if (instrument.lifecycle != Lifecycle::Active || instrument.deleted ||
        instrument.status != InstrumentStatus::InUse)
        return WarningLevel::None;
    return warningLevel(instrument.verificationResult, instrument.validUntil, today, thresholds);
}

QString warningLevelSql()
{
    // Mirrors warningLevel() above; tst_instrumentfilter checks that the two agree. ISO dates
    // compare as text in date order, so "days left <= 20" is "valid_until <= the date 20 days
    // from today": no date parsing per row. An empty valid_until sorts before every date, so
    // it counts as expired (no record).
    return QStringLiteral(
        "(CASE WHEN lifecycle <> 'active' OR deleted <> 0 OR status <> 'inUse' THEN 0"
        " WHEN verification_result = 'fail' OR valid_until IS NULL OR valid_until < :f_today"
        " THEN 3"
        " WHEN valid_until <= :f_warning_until THEN 2"
        " WHEN valid_until <= :f_notice_until THEN 1"
        " ELSE 0 END)");
}

QVariantMap warningSqlBinds(QDate today, WarningThresholds thresholds)
{
    return {{QStringLiteral(":f_today"), today.toString(Qt::ISODate)},
            {QStringLiteral(":f_warning_until"),
             today.addDays(thresholds.warningDays).toString(Qt::ISODate)},
            {QStringLiteral(":f_notice_until"),
             today.addDays(thresholds.noticeDays).toString(Qt::ISODate)}};
}

QString wireName(WarningLevel level)
{
    switch (level) {
    case WarningLevel::None:
        return QStringLiteral("none");
    case WarningLevel::Notice:
        return QStringLiteral("notice");
    case WarningLevel::Warning:
        return QStringLiteral("warning");
    case WarningLevel::Alert:
        return QStringLiteral("alert");
    }
    return {};
}

QString displayName(WarningLevel level)
{
    switch (level) {
    case WarningLevel::None:
        return {};
    case WarningLevel::Notice:
        return QCoreApplication::translate("WarningLevel", "Notice");
    case WarningLevel::Warning:
        return QCoreApplication::translate("WarningLevel", "Warning");
    case WarningLevel::Alert:
        return QCoreApplication::translate("WarningLevel", "Alert");
    }
    return {};
}

QString colorName(WarningLevel level)
{
    switch (level) {
    case WarningLevel::None:
        return {};
    case WarningLevel::Notice:
        return QStringLiteral("#2e7d32");
    case WarningLevel::Warning:
        return QStringLiteral("#b26a00");
    case WarningLevel::Alert:
        return QStringLiteral("#c62828");
    }
    return {};
}

QDate shanghaiToday()
{
    // A fixed UTC+8 offset when the zone database lacks Asia/Shanghai (China has no DST).
    const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return zone.isValid() ? now.toTimeZone(zone).date() : now.addSecs(8 * 3600).date();
}

} // namespace jl::models
