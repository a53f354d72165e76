#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace jl::io::numberformat {

// The format code of a built-in number format id (ECMA-376 §18.8.30, plus the ids Excel
// uses for CJK dates); empty when the id is not built in.
QString builtIn(int id);

// True when the code formats a number as a date or time: it has y, m, d, h or s outside
// quotes, escapes and brackets ([Red], [$-804], [DBNum1]).
bool isDate(const QString &code);

// The width of a zero-only format such as "00000000" (leading zeros kept), else 0.
int zeroPadWidth(const QString &code);

// The calendar date of an Excel serial (time of day dropped). The 1900 system counts the
// day Excel invents (1900-02-29 = 60); that serial and anything before 1 have no date.
std::optional<QDate> serialToDate(double serial, bool date1904);

// The serial of a date in the 1900 system (for writers).
double dateToSerial(QDate date);

} // namespace jl::io::numberformat
