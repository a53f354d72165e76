#include "models/itemmodels/instrumenttablemodel.h"

#include "models/common/logging.h"
#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/instrumentcolumns.h"
#include "models/itemmodels/instrumentsnapshot.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"
#include "models/store/outbox.h"

#include <QElapsedTimer>

#include <algorithm>

namespace jl::models {

namespace {

// Where rowsByRowidSql() puts the rowid: after the record's columns.
int rowidColumn()
{
    static const int column = int(instrumentrow::columns().count(QLatin1Char(','))) + 1;
    return column;
}

} // namespace

InstrumentTableModel::InstrumentTableModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_today(shanghaiToday())
{
    refresh();
}

void InstrumentTableModel::setFilter(const InstrumentFilter &filter)
{
    m_filter = filter;
    refresh();
}

void InstrumentTableModel::setToday(QDate today)
{
    m_todayPinned = today.isValid();
    const QDate effective = m_todayPinned ? today : shanghaiToday();
    if (effective == m_today)
        return;
    m_today = effective;
    refresh();
}

void InstrumentTableModel::setThresholds(WarningThresholds thresholds)
{
    if (thresholds.noticeDays == m_thresholds.noticeDays &&
        thresholds.warningDays == m_thresholds.warningDays)
        return;
    m_thresholds = thresholds;
    refresh();
}

void InstrumentTableModel::dropPages()
{
    m_pages.clear();
    m_pageAge.clear();
    m_failed = false;
}

void InstrumentTableModel::refresh()
{
    beginResetModel();
    dropPages();
    // The warning level follows the calendar: a program left open overnight moves on.
    if (!m_todayPinned)
        m_today = shanghaiToday();
    QString failure = load();
    m_pending.clear();
    // Loaded once per refresh: the marker must not cost a query per row.
    if (auto pending = recordsWithPendingChanges(m_db, QStringLiteral("instrument")))
        m_pending = QSet<QString>(pending->cbegin(), pending->cend());
    else if (failure.isEmpty())
        failure = pending.error().message;
    endResetModel();

    Q_EMIT countChanged(m_count);
    if (!failure.isEmpty())
        reportFailure(failure, false);
}

QString InstrumentTableModel::load()
{
    const InstrumentQuery q = query();
    m_count = 0;
    m_rowids.clear();
    m_snapshot = !q.alongIndex();
    QElapsedTimer timer;
    timer.start();
    const QString sql = m_snapshot ? q.snapshotSql() : q.countSql();
    auto result = m_db.exec(QStringLiteral("model.instrument.count"), sql, q.binds());
    if (!result)
        return result.error().message;
    if (m_snapshot) {
        m_rowids = InstrumentSnapshot::sortedRowids(result.value(), q.integerOrder(), m_sortOrder);
        m_count = int(m_rowids.size());
    } else if (result.value().next()) {
        m_count = result.value().value(0).toInt();
    }
    qCDebug(lcModels) << "instruments:" << m_count << "in" << timer.elapsed() << "ms:" << sql;
    return {};
}

InstrumentQuery InstrumentTableModel::query() const
{
    return InstrumentQuery(m_filter, m_today, m_thresholds, m_sortColumn, m_sortOrder);
}

bool InstrumentTableModel::loadPage(int page) const
{
    const int first = page * PageSize;
    const int end = std::min(first + PageSize, m_count);
    // Along an index, OFFSET steps over every row before the page: past the middle, read the
    // list from its end instead, so that the last screen costs no more than the first.
    const bool reversed = !m_snapshot && first > m_count / 2;
    const InstrumentQuery iq = query();
    QString sql;
    Result<QSqlQuery> q = Error{};
    QElapsedTimer timer;
    timer.start();
    if (m_snapshot) {
        sql = InstrumentQuery::rowsByRowidSql(end - first);
        QVariantList rowids;
        rowids.reserve(end - first);
        for (int n = first; n < end; ++n)
            rowids.append(m_rowids.at(n));
        q = m_db.exec(QStringLiteral("model.instrument.page"), sql, rowids);
    } else {
        sql = iq.pageSql(reversed);
        QVariantMap binds = iq.binds();
        binds.insert(QStringLiteral(":page_limit"), end - first);
        binds.insert(QStringLiteral(":page_offset"), reversed ? m_count - end : first);
        q = m_db.exec(QStringLiteral("model.instrument.page"), sql, binds);
    }
    if (!q) {
        reportFailure(q.error().message, true);
        return false;
    }
    QVector<Row> rows;
    rows.reserve(end - first);
    QHash<qint64, int> position; // snapshot: rowid -> row of the page
    for (int n = first; m_snapshot && n < end; ++n)
        position.insert(m_rowids.at(n), n - first);
    if (m_snapshot)
        rows.resize(end - first); // a row deleted since the snapshot stays blank
    while (q.value().next()) {
        Row r;
        r.instrument = instrumentrow::fromQuery(q.value());
        r.level = warningLevel(r.instrument, m_today, m_thresholds);
        r.complete = InstrumentValidator::isComplete(r.instrument);
        if (m_snapshot)
            rows[position.value(q.value().value(rowidColumn()).toLongLong())] = std::move(r);
        else
            rows.append(std::move(r));
    }
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    qCDebug(lcModels) << "instrument page" << page << "in" << timer.elapsed() << "ms:" << sql;
    if (m_pages.size() >= MaxPages) {
        m_pages.remove(m_pageAge.constFirst());
        m_pageAge.removeFirst();
    }
    m_pages.insert(page, std::move(rows));
    m_pageAge.append(page);
    return true;
}

const InstrumentTableModel::Row *InstrumentTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / PageSize;
    auto it = m_pages.constFind(page);
    if (it == m_pages.cend()) {
        if (m_failed || !loadPage(page))
            return nullptr;
        it = m_pages.constFind(page);
    } else if (m_pageAge.constLast() != page) {
        m_pageAge.removeOne(page);
        m_pageAge.append(page);
    }
    const int offset = row % PageSize;
    // Rows may have gone since the count (a write without refresh): they show blank.
    if (offset >= it->size() || it->at(offset).instrument.id.isEmpty())
        return nullptr;
    return &it->at(offset);
}

void InstrumentTableModel::reportFailure(const QString &message, bool queued) const
{
    qCWarning(lcModels) << "instrument table:" << message;
    m_failed = true;
    auto *self = const_cast<InstrumentTableModel *>(this);
    if (!queued) {
        Q_EMIT self->loadFailed(message);
        return;
    }
    // From data(), that is from inside a paint: the receiver must not open a dialog there.
    QMetaObject::invokeMethod(
        self, [self, message] { Q_EMIT self->loadFailed(message); }, Qt::QueuedConnection);
}

QString InstrumentTableModel::idAt(int row) const
{
    const Row *r = rowAt(row);
    return r ? r->instrument.id : QString();
}

QStringList InstrumentTableModel::idsAt(const QList<int> &rows) const
{
    // A few pages come from the cache; beyond that one id-only query beats paging through.
    if (rows.size() <= MaxPages * PageSize / 2) {
        QStringList ids;
        ids.reserve(rows.size());
        for (int row : rows)
            ids.append(idAt(row));
        return ids;
    }
    const QStringList all = allIds();
    QStringList ids;
    ids.reserve(rows.size());
    for (int row : rows)
        ids.append(row >= 0 && row < all.size() ? all.at(row) : QString());
    return ids;
}

QStringList InstrumentTableModel::allIds() const
{
    const InstrumentQuery iq = query();
    auto q = m_db.exec(QStringLiteral("model.instrument.ids"), iq.idsSql(), iq.binds());
    if (!q) {
        // Reported, but the pages shown are still good: paging goes on.
        qCWarning(lcModels) << "instrument ids:" << q.error().detail;
        Q_EMIT const_cast<InstrumentTableModel *>(this)->loadFailed(q.error().message);
        return {};
    }
    QStringList ids;
    ids.reserve(m_count);
    while (q.value().next())
        ids.append(q.value().value(0).toString());
    return ids;
}

int InstrumentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int InstrumentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InstrumentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row *r = rowAt(index.row());
    if (!r)
        return {};
    switch (role) {
    case IdRole:
        return r->instrument.id;
    case WarningLevelRole:
        return int(r->level);
    case PendingSyncRole:
        return m_pending.contains(r->instrument.id);
    case SortKeyRole:
        return InstrumentColumns::sortKey({r->instrument, r->level, r->complete}, index.column());
    default:
        return InstrumentColumns::data({r->instrument, r->level, r->complete}, index.column(), role,
                                       m_today);
    }
}

QVariant InstrumentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < ColumnCount)
        return InstrumentColumns::header(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

void InstrumentTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    // The set stays; its order (a new snapshot, or another index) and the pages change.
    beginResetModel();
    const bool wasAlongIndex = !m_snapshot;
    m_sortColumn = column;
    m_sortOrder = order;
    dropPages();
    const QString failure = wasAlongIndex && query().alongIndex() ? QString() : load();
    endResetModel();
    if (!failure.isEmpty())
        reportFailure(failure, false);
}

} // namespace jl::models
