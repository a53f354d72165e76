#pragma once

#include "models/itemmodels/instrumentfilter.h"

#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace jl::models {

// The SQL the instrument table runs for one filter and one sort, in one of two modes:
//  - along an index: the whole library in an indexed order (serial, name, valid-until).
//    COUNT(*), then pages by LIMIT/OFFSET walking the index; nothing is sorted.
//  - by a snapshot: a filter, or a computed order. SQLite has to visit every candidate row
//    anyway, so one query lists the matches' sort keys and rowids (their number is the
//    count), sorted once, and pages are read by rowid: one pass per filter, not one per page.
// It also chooses the access path where SQLite's planner, which knows nothing of our data,
// chooses badly: left alone it walks a (lifecycle, …) index and reads every entry's table
// row in random order, only to test `deleted` (docs/benchmarks.md).
class InstrumentQuery final {
public:
    InstrumentQuery(const InstrumentFilter &filter, QDate today, WarningThresholds thresholds,
                    int sortColumn, Qt::SortOrder order);

    bool alongIndex() const;

    // Along an index. pageSql binds :page_limit and :page_offset besides binds();
    // `reversed` reads the list from its end, so that the last pages cost what the first do.
    QString countSql() const;
    QString pageSql(bool reversed) const;

    // By a snapshot: the matches' rowids in display order; for an integer order (warning
    // level, status …) unsorted (key, rowid) pairs instead, which InstrumentSnapshot sorts
    // several times faster than SQLite's sorter. Then rows by rowid (positional binds, one
    // page of them; the rowid is the last column).
    QString snapshotSql() const;
    bool integerOrder() const;
    static QString rowsByRowidSql(int count);

    QString idsSql() const;
    QVariantMap binds() const { return m_binds; }

private:
    enum class Path { Planner, ActiveSerial, Name, Site, ValidUntil, TableScan };
    Path filterPath() const;
    Path sortPath() const;
    bool narrows() const;
    static QString from(Path path);
    QString orderBy(bool reversed) const;

    InstrumentFilter m_filter;
    SqlWhere m_where;
    QVariantMap m_binds;
    int m_sortColumn;
    Qt::SortOrder m_order;
};

} // namespace jl::models
