#pragma once

#include <QString>
#include <QStringList>

namespace jl::models {

// Splits a migration script into statements: '--' comment lines dropped, a ';' at a line's
// end closes a statement (the project's scripts keep no ';' inside literals). Shared by the
// client's and the server's migrations.
QStringList sqlStatements(const QString &script);

} // namespace jl::models
