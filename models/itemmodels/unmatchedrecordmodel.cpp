#include "models/itemmodels/unmatchedrecordmodel.h"

#include "models/common/logging.h"
#include "models/store/database.h"
#include "models/store/verificationrecordstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>

namespace jl::models {

namespace {

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

// The columns the list shows, and whether an active instrument has the record's serial: the
// partial index on active serials answers that without reading the instrument table.
QString listSql(const QString &where)
{
    return QStringLiteral(
               "SELECT id, certificate_no, serial_no, instrument_name, model, institution, "
               "verified_at, valid_until, result, EXISTS (SELECT 1 FROM instrument i WHERE "
               "i.serial_no = verification_record.serial_no AND i.lifecycle = 'active' AND "
               "i.deleted = 0) FROM verification_record WHERE ") +
           where + QStringLiteral(" ORDER BY verified_at DESC, certificate_no");
}

} // namespace

UnmatchedRecordModel::UnmatchedRecordModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{
    refresh();
}

QString UnmatchedRecordModel::header(int column)
{
    switch (column) {
    case CertificateNo:
        return tr("Certificate no.");
    case SerialNo:
        return tr("Serial no.");
    case InstrumentName:
        return tr("Instrument name");
    case Model:
        return tr("Model");
    case Institution:
        return tr("Verification institution");
    case VerifiedAt:
        return tr("Verified on");
    case ValidUntil:
        return tr("Valid until");
    case Result:
        return tr("Verification result");
    case State:
        return tr("State");
    default:
        return {};
    }
}

void UnmatchedRecordModel::setFilter(const VerificationRecordFilter &filter)
{
    m_filter = filter;
    refresh();
}

void UnmatchedRecordModel::refresh()
{
    beginResetModel();
    const QString failure = load();
    applySort();
    endResetModel();
    Q_EMIT countChanged(int(m_rows.size()));
    if (!failure.isEmpty())
        Q_EMIT loadFailed(failure);
}

QString UnmatchedRecordModel::load()
{
    m_rows.clear();
    const SqlWhere where = toSql(m_filter);
    QElapsedTimer timer;
    timer.start();
    auto q = m_db.exec(QStringLiteral("model.verification_record.list"), listSql(where.clause),
                       where.binds);
    if (!q)
        return q.error().message;
    while (q.value().next()) {
        const QSqlQuery &s = q.value();
        Row row;
        VerificationRecord &r = row.record;
        r.id = s.value(0).toString();
        r.certificateNo = s.value(1).toString();
        r.serialNo = s.value(2).toString();
        r.instrumentName = s.value(3).toString();
        r.model = s.value(4).toString();
        r.institution = s.value(5).toString();
        r.verifiedAt = QDate::fromString(s.value(6).toString(), Qt::ISODate);
        r.validUntil = QDate::fromString(s.value(7).toString(), Qt::ISODate);
        r.result = verificationResultFromWire(s.value(8).toString());
        row.linkedPending = s.value(9).toInt() != 0;
        m_rows.append(std::move(row));
    }
    qCDebug(lcModels) << "unmatched verification records:" << m_rows.size() << "in"
                      << timer.elapsed() << "ms";
    return {};
}

QVariant UnmatchedRecordModel::sortKey(const Row &row, int column) const
{
    const VerificationRecord &r = row.record;
    switch (column) {
    case CertificateNo:
        return r.certificateNo;
    case SerialNo:
        return r.serialNo;
    case InstrumentName:
        return r.instrumentName;
    case Model:
        return r.model;
    case Institution:
        return r.institution;
    case VerifiedAt:
        return dateText(r.verifiedAt);
    case ValidUntil:
        return dateText(r.validUntil);
    case Result:
        return int(r.result);
    case State:
        return int(row.linkedPending);
    default:
        return {};
    }
}

void UnmatchedRecordModel::applySort()
{
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    // Each key computed once (a date's text, a QVariant), not in every comparison.
    struct Keyed {
        QVariant key;
        qsizetype row;
    };
    QVector<Keyed> keyed;
    keyed.reserve(m_rows.size());
    for (qsizetype n = 0; n < m_rows.size(); ++n)
        keyed.append({sortKey(m_rows.at(n), m_sortColumn), n});
    // Stable: equal keys keep the newest-first order of the query.
    std::stable_sort(keyed.begin(), keyed.end(), [ascending](const Keyed &a, const Keyed &b) {
        const QVariant &ka = a.key;
        const QVariant &kb = b.key;
        const int c = ka.typeId() == QMetaType::Int
                          ? (ka.toInt() < kb.toInt() ? -1 : (ka.toInt() > kb.toInt() ? 1 : 0))
                          : QString::compare(ka.toString(), kb.toString(), Qt::CaseSensitive);
        return ascending ? c < 0 : c > 0;
    });
    QVector<Row> sorted;
    sorted.reserve(m_rows.size());
    for (const Keyed &k : std::as_const(keyed))
        sorted.append(std::move(m_rows[k.row]));
    m_rows = std::move(sorted);
}

void UnmatchedRecordModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    for (const QModelIndex &index : before)
        ids.append(idAt(index.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    QModelIndexList after;
    for (qsizetype n = 0; n < before.size(); ++n) {
        const int row = rowOfId(ids.at(n));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(n).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QString UnmatchedRecordModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).record.id : QString();
}

QStringList UnmatchedRecordModel::idsAt(const QList<int> &rows) const
{
    QStringList ids;
    ids.reserve(rows.size());
    for (int row : rows)
        ids.append(idAt(row));
    return ids;
}

VerificationRecord UnmatchedRecordModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).record : VerificationRecord();
}

bool UnmatchedRecordModel::linkedPendingAt(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).linkedPending;
}

int UnmatchedRecordModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).record.id == id)
            return row;
    }
    return -1;
}

int UnmatchedRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UnmatchedRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnmatchedRecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const VerificationRecord &r = row.record;
    switch (role) {
    case IdRole:
        return r.id;
    case LinkedPendingRole:
        return row.linkedPending;
    case SortKeyRole:
        return sortKey(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == State && row.linkedPending)
            return tr("An instrument in the library now has this serial number. The record "
                      "is matched when that change reaches the server.");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case CertificateNo:
        return r.certificateNo;
    case SerialNo:
        return r.serialNo;
    case InstrumentName:
        return r.instrumentName;
    case Model:
        return r.model;
    case Institution:
        return r.institution;
    case VerifiedAt:
        return dateText(r.verifiedAt);
    case ValidUntil:
        return dateText(r.validUntil);
    case Result:
        return r.result == VerificationResult::None ? QString() : displayName(r.result);
    case State:
        return row.linkedPending ? tr("Linked, waiting for sync") : tr("Unmatched");
    default:
        return {};
    }
}

QVariant UnmatchedRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < ColumnCount)
        return header(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace jl::models
