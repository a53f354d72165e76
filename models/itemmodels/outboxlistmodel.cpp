#include "models/itemmodels/outboxlistmodel.h"

#include "models/store/localcollection.h"

#include <QColor>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>

namespace jl::models {

OutboxListModel::OutboxListModel(Database &db, const LocalCollections &collections, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_collections(collections)
{
    refresh();
}

void OutboxListModel::setStateFilter(const QString &state)
{
    m_state = state;
    refresh();
}

void OutboxListModel::setTextFilter(const QString &text)
{
    m_text = text.trimmed();
    refresh();
}

void OutboxListModel::refresh()
{
    auto all = outbox::entries(m_db);
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    if (all) {
        m_total = int(all->size());
        for (const OutboxEntry &e : all.value()) {
            if (!m_state.isEmpty() && e.state != m_state)
                continue;
            Row row{e, {}, m_collections.title(e.collection)};
            QJsonObject data = QJsonDocument::fromJson(e.payload.toUtf8()).object();
            if (data.isEmpty())
                data = QJsonDocument::fromJson(e.base.toUtf8()).object();
            const LocalCollection *c = m_collections.find(e.collection);
            row.record = c ? c->describe(data) : e.recordId;
            if (row.record.isEmpty())
                row.record = e.recordId;
            if (!m_text.isEmpty() && !row.record.contains(m_text, Qt::CaseInsensitive) &&
                !e.lastError.contains(m_text, Qt::CaseInsensitive))
                continue;
            m_rows.append(row);
        }
    }
    applySort();
    endResetModel();
    if (!all)
        Q_EMIT loadFailed(all.error().message);
}

qint64 OutboxListModel::seqAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).entry.seq : 0;
}

QList<qint64> OutboxListModel::seqsAt(const QList<int> &rows) const
{
    QList<qint64> seqs;
    for (const int row : rows) {
        if (const qint64 seq = seqAt(row); seq > 0)
            seqs.append(seq);
    }
    return seqs;
}

int OutboxListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxListModel::kindText(const OutboxEntry &e)
{
    if (e.kind == QLatin1String("delete"))
        return tr("Delete");
    if (e.kind == QLatin1String("command"))
        return tr("Action: %1").arg(e.command);
    if (e.base.isEmpty() || e.base == QLatin1String("{}"))
        return tr("New");
    return tr("Change");
}

QString OutboxListModel::stateText(const QString &state)
{
    if (state == QLatin1String("rejected"))
        return tr("Rejected");
    if (state == QLatin1String("conflict"))
        return tr("Conflict");
    return tr("Waiting");
}

QString OutboxListModel::timeText(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    // China has no DST: a fixed UTC+8 when the zone database lacks Asia/Shanghai.
    const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    const QDateTime local = zone.isValid() ? utc.toTimeZone(zone) : utc.toOffsetFromUtc(8 * 3600);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant OutboxListModel::display(const Row &row, int column) const
{
    const OutboxEntry &e = row.entry;
    switch (column) {
    case Record:
        return row.record;
    case Collection:
        return row.collection;
    case Kind:
        return kindText(e);
    case State:
        return stateText(e.state);
    case Attempts:
        return e.attempts;
    case CreatedAt:
        return timeText(QDateTime::fromString(e.createdAt, Qt::ISODateWithMs));
    case LastError:
        return e.lastError;
    default:
        return {};
    }
}

QVariant OutboxListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LastError || index.column() == State)
            return row.entry.lastError.isEmpty() ? QVariant() : QVariant(row.entry.lastError);
        return {};
    case Qt::ForegroundRole:
        // Rejected and conflicting entries wait for the user: red text beside the word.
        if (index.column() == State && row.entry.state != QLatin1String("pending"))
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case SeqRole:
        return row.entry.seq;
    case StateRole:
        return row.entry.state;
    case SortKeyRole:
        if (index.column() == CreatedAt)
            return row.entry.seq;
        return display(row, index.column());
    default:
        return {};
    }
}

QVariant OutboxListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Record:
        return tr("Record");
    case Collection:
        return tr("Kind of record");
    case Kind:
        return tr("Change");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case CreatedAt:
        return tr("Made at");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

void OutboxListModel::sort(int column, Qt::SortOrder order)
{
    beginResetModel();
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    endResetModel();
}

void OutboxListModel::applySort()
{
    if (m_sortColumn < 0)
        return; // queue order
    const int column = m_sortColumn;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        QVariant ka = column == CreatedAt ? QVariant(a.entry.seq) : display(a, column);
        QVariant kb = column == CreatedAt ? QVariant(b.entry.seq) : display(b, column);
        const auto c = QVariant::compare(ka, kb);
        return ascending ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    });
}

} // namespace jl::models
