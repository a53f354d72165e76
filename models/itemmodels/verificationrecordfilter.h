#pragma once

#include "models/itemmodels/instrumentfilter.h"

#include <QDate>
#include <QString>

namespace jl::models {

// The filters of 未匹配检定记录处理 (domain.md §8): serial prefix, name and institution
// substrings, and the verification date range (either end open). Empty = not filtering.
struct VerificationRecordFilter {
    QString serialNo;
    QString name;
    QString institution;
    QDate verifiedFrom;
    QDate verifiedTo;

    friend bool operator==(const VerificationRecordFilter &,
                           const VerificationRecordFilter &) = default;
};

// The WHERE clause over verification_record for the unmatched records that pass the filter.
SqlWhere toSql(const VerificationRecordFilter &filter);

} // namespace jl::models
