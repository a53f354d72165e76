#include "models/itemmodels/conflictlistmodel.h"

#include "models/itemmodels/outboxlistmodel.h"
#include "models/store/localcollection.h"

#include <QDateTime>

#include <algorithm>

namespace jl::models {

ConflictListModel::ConflictListModel(Database &db, const LocalCollections &collections,
                                     QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_collections(collections)
{
    refresh();
}

void ConflictListModel::setTextFilter(const QString &text)
{
    m_text = text.trimmed();
    refresh();
}

void ConflictListModel::refresh()
{
    // The store never writes here, so the actor is irrelevant.
    const auto all = ConflictStore(m_db, m_collections, {}).list();
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    if (all) {
        m_total = int(all->size());
        for (const Conflict &c : all.value()) {
            const LocalCollection *collection = m_collections.find(c.collection);
            const QJsonObject named = c.mine.isEmpty() ? c.theirs : c.mine;
            Row row{c,
                    collection ? collection->describe(named) : c.recordId,
                    m_collections.title(c.collection),
                    {}};
            if (row.record.isEmpty())
                row.record = c.recordId;
            QStringList labels;
            for (const QString &f : c.fields)
                labels.append(collection ? collection->fieldLabel(f) : f);
            row.fields = labels.join(tr(", "));
            if (!m_text.isEmpty() && !row.record.contains(m_text, Qt::CaseInsensitive))
                continue;
            m_rows.append(row);
        }
    }
    endResetModel();
    if (!all)
        Q_EMIT loadFailed(all.error().message);
}

QList<qint64> ConflictListModel::idsAt(const QList<int> &rows) const
{
    QList<qint64> ids;
    for (const int row : rows) {
        if (row >= 0 && row < m_rows.size())
            ids.append(m_rows.at(row).conflict.id);
    }
    return ids;
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConflictListModel::situationText(const Conflict &c)
{
    if (c.serverDeleted)
        return tr("Changed here, deleted on the server");
    if (c.localDeleted)
        return tr("Deleted here, changed on the server");
    return tr("Changed on both sides");
}

QVariant ConflictListModel::display(const Row &row, int column) const
{
    switch (column) {
    case Record:
        return row.record;
    case Collection:
        return row.collection;
    case Situation:
        return situationText(row.conflict);
    case Fields:
        return row.fields;
    case CreatedAt:
        return OutboxListModel::timeText(
            QDateTime::fromString(row.conflict.createdAt, Qt::ISODateWithMs));
    default:
        return {};
    }
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole)
        return display(row, index.column());
    if (role == IdRole)
        return row.conflict.id;
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Record:
        return tr("Record");
    case Collection:
        return tr("Kind of record");
    case Situation:
        return tr("Conflict");
    case Fields:
        return tr("Fields changed on both sides");
    case CreatedAt:
        return tr("Found at");
    default:
        return {};
    }
}

void ConflictListModel::sort(int column, Qt::SortOrder order)
{
    beginResetModel();
    const bool ascending = order == Qt::AscendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        const auto c = column == CreatedAt
                           ? QVariant::compare(a.conflict.id, b.conflict.id)
                           : QVariant::compare(display(a, column), display(b, column));
        return ascending ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    });
    endResetModel();
}

} // namespace jl::models
