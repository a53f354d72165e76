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
Instrument fromQuery(const QSqlQuery &query);
QVariantList values(const Instrument &instrument);
// The same with updated_at already in its stored form (a bulk write formats it once).
QVariantList values(const Instrument &instrument, const QVariant &updatedAt);

} // namespace jl::models::instrumentrow
