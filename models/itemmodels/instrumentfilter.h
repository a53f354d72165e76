#pragma once

#include "models/domain/instrument.h"
#include "models/rules/warninglevel.h"

#include <QString>
#include <QVariantMap>

#include <optional>

namespace jl::models {

// The filters of the instrument library screens (domain.md §8). Empty = not filtering.
struct InstrumentFilter {
    Lifecycle lifecycle = Lifecycle::Active;
    QString name;     // substring of the name
    QString serialNo; // prefix of the serial number
    std::optional<InstrumentStatus> status;
    std::optional<VerificationResult> verificationResult;
    std::optional<bool> inAppointment; // always false until appointments exist (issue 6)
    std::optional<WarningLevel> warningLevel;
    std::optional<bool> complete;
    QString siteId;

    friend bool operator==(const InstrumentFilter &, const InstrumentFilter &) = default;
};

// The WHERE clause (without the keyword) and its named binds, for the instrument table.
struct SqlWhere {
    QString clause;
    QVariantMap binds;
};
SqlWhere toSql(const InstrumentFilter &filter, QDate today, WarningThresholds thresholds = {});

// The *complete* rule (domain.md §3) as an SQL expression over the instrument table, 1 or 0;
// the same rule as InstrumentValidator::missingForComplete (tst_instrumentfilter checks it).
QString instrumentCompleteSql();
// The smallest string greater than every string starting with `prefix` (in SQLite's binary
// order), so that a prefix becomes an index range; empty when there is none.
QString prefixUpperBound(const QString &prefix);

} // namespace jl::models
