#include "models/itemmodels/instrumentquery.h"

#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/instrumentcolumns.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/store/instrumentrow.h"

namespace jl::models {

InstrumentQuery::InstrumentQuery(const InstrumentFilter &filter, QDate today,
                                 WarningThresholds thresholds, int sortColumn, Qt::SortOrder order)
    : m_filter(filter)
    , m_where(toSql(filter, today, thresholds))
    , m_binds(m_where.binds)
    , m_sortColumn(sortColumn)
    , m_order(order)
{
    // The same names serve the filter and the sort; SQLite shares repeated named parameters.
    if (InstrumentColumns::sortNeedsWarningBinds(sortColumn))
        m_binds.insert(warningSqlBinds(today, thresholds));
}

QString InstrumentQuery::from(Path path)
{
    switch (path) {
    case Path::Planner:
        return QStringLiteral("instrument");
    case Path::ActiveSerial:
        // The partial unique index of local_v1.sql: rows WHERE lifecycle = 'active' AND
        // deleted = 0. It answers both tests itself, so no table row is read for them.
        return QStringLiteral("instrument INDEXED BY instrument_active_serial");
    case Path::Name:
        // LIKE runs on the index entries; only the matches' rows are read.
        return QStringLiteral("instrument INDEXED BY instrument_lifecycle_name");
    case Path::Site:
        return QStringLiteral("instrument INDEXED BY instrument_site");
    case Path::ValidUntil:
        return QStringLiteral("instrument INDEXED BY instrument_lifecycle_valid");
    case Path::TableScan:
        // Every row is read anyway: in table order, not in random index order.
        return QStringLiteral("instrument NOT INDEXED");
    }
    return QStringLiteral("instrument");
}

InstrumentQuery::Path InstrumentQuery::filterPath() const
{
    // The narrowest index first; a filter with no index of its own reads the whole table.
    const InstrumentFilter &f = m_filter;
    const bool active = f.lifecycle == Lifecycle::Active;
    if (!f.siteId.isEmpty())
        return Path::Site;
    if (!InstrumentValidator::normalizedSerial(f.serialNo).isEmpty())
        return active ? Path::ActiveSerial : Path::Planner;
    if (!InstrumentValidator::trimmed(f.name).isEmpty())
        return Path::Name;
    if (f.warningLevel && active &&
        (*f.warningLevel == WarningLevel::Warning || *f.warningLevel == WarningLevel::Notice))
        return Path::ValidUntil;
    if (f.status || f.verificationResult || f.complete || f.warningLevel)
        return Path::TableScan;
    return active ? Path::ActiveSerial : Path::Planner;
}

InstrumentQuery::Path InstrumentQuery::sortPath() const
{
    // An index in the sort order: walking it, the first page is found after a few rows.
    const bool active = m_filter.lifecycle == Lifecycle::Active;
    switch (m_sortColumn) {
    case InstrumentTableModel::SerialNo:
        return active ? Path::ActiveSerial : Path::Planner;
    case InstrumentTableModel::Name:
        return Path::Name;
    case InstrumentTableModel::ValidUntil:
        return Path::ValidUntil;
    default:
        return Path::TableScan; // computed or unindexed: every row is read and sorted
    }
}

bool InstrumentQuery::narrows() const
{
    InstrumentFilter library;
    library.lifecycle = m_filter.lifecycle;
    return toSql(m_filter, {}, {}).clause != toSql(library, {}, {}).clause;
}

bool InstrumentQuery::alongIndex() const
{
    return !narrows() && sortPath() != Path::TableScan;
}

QString InstrumentQuery::orderBy(bool reversed) const
{
    const bool ascending = (m_order == Qt::AscendingOrder) != reversed;
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // rowid breaks ties: every index ends with it, so the order is stable between pages and an
    // indexed sort column needs no sorting step.
    return InstrumentColumns::sortSql(m_sortColumn) + dir + QStringLiteral(", rowid") + dir;
}

QString InstrumentQuery::countSql() const
{
    return QStringLiteral("SELECT COUNT(*) FROM ") + from(filterPath()) +
           QStringLiteral(" WHERE ") + m_where.clause;
}

QString InstrumentQuery::pageSql(bool reversed) const
{
    return QStringLiteral("SELECT ") + instrumentrow::columns() + QStringLiteral(" FROM ") +
           from(sortPath()) + QStringLiteral(" WHERE ") + m_where.clause +
           QStringLiteral(" ORDER BY ") + orderBy(reversed) +
           QStringLiteral(" LIMIT :page_limit OFFSET :page_offset");
}

bool InstrumentQuery::integerOrder() const
{
    switch (m_sortColumn) {
    case InstrumentTableModel::Status:
    case InstrumentTableModel::VerificationPeriod:
    case InstrumentTableModel::VerificationResult:
    case InstrumentTableModel::Warning:
    case InstrumentTableModel::Completeness:
        return true;
    default:
        return false;
    }
}

QString InstrumentQuery::snapshotSql() const
{
    // Found by the filter's own path, or by reading the table in order when every row is
    // wanted anyway. A text order stays with SQLite: its sorter beats converting every key
    // to a QString and back.
    const QString source = from(narrows() ? filterPath() : Path::TableScan);
    if (integerOrder())
        return QStringLiteral("SELECT ") + InstrumentColumns::sortSql(m_sortColumn) +
               QStringLiteral(", rowid FROM ") + source + QStringLiteral(" WHERE ") +
               m_where.clause;
    // Always ascending: InstrumentSnapshot reverses for a descending order.
    return QStringLiteral("SELECT rowid FROM ") + source + QStringLiteral(" WHERE ") +
           m_where.clause + QStringLiteral(" ORDER BY ") + orderBy(m_order == Qt::DescendingOrder);
}

QString InstrumentQuery::rowsByRowidSql(int count)
{
    QString marks;
    marks.reserve(count * 2);
    for (int n = 0; n < count; ++n)
        marks += n == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    return QStringLiteral("SELECT ") + instrumentrow::columns() +
           QStringLiteral(", rowid FROM instrument WHERE rowid IN (") + marks + QLatin1Char(')');
}

QString InstrumentQuery::idsSql() const
{
    const Path path = narrows() || sortPath() == Path::TableScan ? filterPath() : sortPath();
    return QStringLiteral("SELECT id FROM ") + from(path) + QStringLiteral(" WHERE ") +
           m_where.clause + QStringLiteral(" ORDER BY ") + orderBy(false);
}

} // namespace jl::models
