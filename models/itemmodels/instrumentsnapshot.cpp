#include "models/itemmodels/instrumentsnapshot.h"

#include <QList>
#include <QVariant>

#include <algorithm>
#include <utility>

namespace jl::models {

QVector<qint64> InstrumentSnapshot::sortedRowids(QSqlQuery &rows, bool integerKeys,
                                                 Qt::SortOrder order)
{
    QVector<qint64> rowids;
    if (integerKeys) {
        QList<std::pair<qint64, qint64>> keys; // (key, rowid): the rowid breaks ties
        while (rows.next())
            keys.append({rows.value(0).toLongLong(), rows.value(1).toLongLong()});
        std::sort(keys.begin(), keys.end());
        rowids.reserve(keys.size());
        for (const auto &[key, rowid] : std::as_const(keys))
            rowids.append(rowid);
    } else {
        while (rows.next())
            rowids.append(rows.value(0).toLongLong());
    }
    // Descending is the exact reverse, ties included (ORDER BY key DESC, rowid DESC).
    if (order == Qt::DescendingOrder)
        std::reverse(rowids.begin(), rowids.end());
    return rowids;
}

} // namespace jl::models
