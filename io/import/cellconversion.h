#pragma once

#include "io/sheet/cell.h"
#include "models/common/result.h"
#include "models/domain/instrument.h"

#include <QCoreApplication>

namespace jl::io {

// Turns a cell into a field's value, or says in one translated sentence why it cannot
// (the reason of a rejected row). Text is trimmed (ASCII spaces, U+3000, NBSP).
class CellConversion final {
    Q_DECLARE_TR_FUNCTIONS(CellConversion)

public:
    // Any cell as text; a number becomes its digits (no ".0", no exponent). Errors refuse.
    static models::Result<QString> text(const Cell &cell);
    // A serial: a number becomes its digits, padded to a zero-only format's width
    // ("00000000"); a number of 1e15 or more is refused (Excel kept only 15 digits).
    static models::Result<QString> serial(const Cell &cell);
    // A date cell, an Excel serial (the row's date system), or text YYYY-M-D, YYYY/M/D,
    // YYYY年M月D日. An empty cell gives an invalid QDate.
    static models::Result<QDate> date(const Cell &cell, bool date1904);
    // Empty (0) or a positive whole number of months.
    static models::Result<int> months(const Cell &cell);
    // Empty (in use), 在用, 停用, 报废.
    static models::Result<models::InstrumentStatus> status(const Cell &cell);
    // Empty or 无, 合格, 不合格.
    static models::Result<models::VerificationResult> verificationResult(const Cell &cell);

    static models::Error formulaError(const Cell &cell);
};

} // namespace jl::io
