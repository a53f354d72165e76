#pragma once

#include "io/writer/tablewriter.h"

#include <QString>
#include <QStringList>

namespace jl::io::instrumentcolumns {

// The field name of the hidden column that carries the record id in exports, so that a
// re-imported export updates the same records.
inline constexpr auto IdField = "id";

struct Column {
    QString field;  // InstrumentField name, or IdField
    QString header; // the Chinese header exports write (and templates show)
    QStringList aliases;
    ColumnKind kind = ColumnKind::Text;
};

// Every column import knows and export writes, in the library's order, the id column last.
// The headers are Chinese whatever the UI language: they are what the regulator's templates
// and the users' files say.
const QList<Column> &all();

// Trims (ASCII spaces, U+3000, NBSP), drops leading/trailing * and ＊ (required marks),
// folds full-width （） to () and removes inner spaces: "＊ 检定周期（月）" → "检定周期(月)".
QString normalizedHeader(const QString &header);

// The field a header names (header or alias), or empty when unknown.
QString fieldForHeader(const QString &header);

// The Chinese header of a field ("出厂编号"), or the field itself.
QString headerOf(const QString &field);

// The column specs of an export (ids hidden).
QList<ColumnSpec> exportSpecs();

} // namespace jl::io::instrumentcolumns
