#pragma once

#include "models/domain/instrument.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace jl::models::instrumentrow {

// The column list of the instrument table in the order fromQuery() reads and values()
// writes: one place that maps the record to its row.
QString columns();
QString upsertSql();
// The active, not deleted instruments whose serial is in the bound JSON array of strings, by
// the instrument_active_serial index named in the statement: while a bulk load has dropped
// instrument_lifecycle_serial, SQLite's planner (without statistics) took one of the kept
// indexes that begin with lifecycle instead and read every active row per look-up. A migration
// that renames the index must change this statement (INDEXED BY fails on a missing index;
// tst_instrumentbulkload checks the plan).
QString activeBySerialsSql();
// The bound value of activeBySerialsSql(): `texts` as a JSON array of strings, written
// directly (QJsonArray's own build cost the storing thread of an import about 2 %).
QString jsonArrayOf(const QStringList &texts);
Instrument fromQuery(const QSqlQuery &query);
QVariantList values(const Instrument &instrument);
// The same with updated_at already in its stored form (a bulk write formats it once).
QVariantList values(const Instrument &instrument, const QVariant &updatedAt);

} // namespace jl::models::instrumentrow
