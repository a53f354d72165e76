#pragma once

#include "models/domain/instrument.h"

#include <QDate>
#include <QString>
#include <QVariantMap>

namespace jl::models {

// Three-colour warnings (domain.md §5.1), ordered by urgency.
enum class WarningLevel { None = 0, Notice = 1, Warning = 2, Alert = 3 };

// Defaults of the server's settings: 提示 at most 40 days left, 预警 at most 20.
struct WarningThresholds {
    int noticeDays = 40;
    int warningDays = 20;
};

// The rule, for one instrument on the local date `today` (Asia/Shanghai). Only active,
// in-use instruments carry a level.
WarningLevel warningLevel(const Instrument &instrument, QDate today,
                          WarningThresholds thresholds = {});
WarningLevel warningLevel(VerificationResult result, QDate validUntil, QDate today,
                          WarningThresholds thresholds = {});

// The same rule as an SQL expression over the instrument table (0–3, as WarningLevel), for
// filtering and sorting without loading rows; bind warningSqlBinds(today, thresholds).
QString warningLevelSql();
QVariantMap warningSqlBinds(QDate today, WarningThresholds thresholds = {});

QString wireName(WarningLevel level);    // none, notice, warning, alert
QString displayName(WarningLevel level); // 提示 / 预警 / 警示, empty for none
QString colorName(WarningLevel level);   // #2e7d32 / #b26a00 / #c62828

// Today's date in Asia/Shanghai, whatever the machine's zone.
QDate shanghaiToday();

} // namespace jl::models
