#pragma once

#include <QString>
#include <QStringList>

namespace jl::models::sqlplaceholders {

// Qt binds a positional value (QSqlResult::bindValue(int)) through a placeholder name it
// formats with QString::arg and inserts into a hash on every call: for a statement of 1,000
// values that costs more than SQLite takes to store them. A statement prepared once and run
// many times is better bound by names made once.
//
// Rewrites each '?' outside string literals, quoted identifiers and comments as :p1, :p2 …
// and returns those names in order. SQL with no '?', or any placeholder of its own (?NNN,
// :name, @name, $name), is left as it is and the list is empty (bind by position then).
QStringList numbered(QString &sql);

} // namespace jl::models::sqlplaceholders
