#include "server/storage/recordstore.h"

#include "server/core/settings.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QThread>

namespace jl::server {

const char *const RecordColumns =
    "collection, id, rev, seq, deleted, updated_at, data, match_key, flag";

namespace {

QString columns()
{
    return QString::fromLatin1(RecordColumns);
}

} // namespace

QString collectionLiteral(const QString &collection)
{
    for (const QChar c : collection) {
        if (!c.isLetter() || c.unicode() > 0x7f) {
            Q_ASSERT(false);
            return QStringLiteral("''");
        }
    }
    return QLatin1Char('\'') + collection + QLatin1Char('\'');
}

StoredRecord recordFromRow(const QVariantList &row)
{
    StoredRecord r;
    r.collection = row.value(0).toString();
    r.id = row.value(1).toString();
    r.rev = row.value(2).toLongLong();
    r.seq = row.value(3).toLongLong();
    r.deleted = row.value(4).toInt() != 0;
    r.updatedAtMs = row.value(5).toLongLong();
    r.data = QJsonDocument::fromJson(row.value(6).toString().toUtf8()).object();
    r.matchKey = row.value(7).toString();
    r.flag = row.value(8).toInt();
    return r;
}

RecordStore::RecordStore(SqlConnection &db, QString enterpriseId, const Settings &settings)
    : m_db(db)
    , m_enterpriseId(std::move(enterpriseId))
    , m_settings(settings)
{}

Done RecordStore::lock()
{
    if (m_settings.testPlainSequence)
        return {}; // the demonstration of what goes wrong without the counter row
    // "SET seq = seq" changes nothing but takes the row lock until the commit: the next
    // writer of this enterprise waits here, so change numbers commit in increasing order.
    auto rows = m_db.run(QStringLiteral("UPDATE enterprise_counters SET seq = seq "
                                        "WHERE enterprise_id = ? RETURNING seq"),
                         {m_enterpriseId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return ApiError::internal(QStringLiteral("no counter row for enterprise ") +
                                  m_enterpriseId);
    m_seq = rows->value(0, 0).toLongLong();
    return {};
}

Done RecordStore::finish()
{
    if (m_dirty && !m_settings.testPlainSequence) {
        auto rows = m_db.run(
            QStringLiteral("UPDATE enterprise_counters SET seq = ? WHERE enterprise_id = ?"),
            {m_seq, m_enterpriseId});
        if (!rows)
            return rows.error();
    }
    return {};
}

Outcome<std::optional<StoredRecord>> RecordStore::get(const QString &collection, const QString &id)
{
    auto rows = m_db.run(QStringLiteral("SELECT ") + columns() +
                             QStringLiteral(" FROM records WHERE enterprise_id = ? AND "
                                            "collection = ") +
                             collectionLiteral(collection) + QStringLiteral(" AND id = ?"),
                         {m_enterpriseId, id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<StoredRecord>();
    return std::optional<StoredRecord>(recordFromRow(rows->at(0)));
}

Outcome<StoredRecord> RecordStore::write(StoredRecord record)
{
    if (!m_settings.testFailSerial.isEmpty() &&
        record.data.value(QStringLiteral("serialNo")).toString() == m_settings.testFailSerial)
        return ApiError::internal(QStringLiteral("test failpoint: serial ") +
                                  m_settings.testFailSerial);
    if (m_settings.testPlainSequence) {
        auto next = m_db.run(QStringLiteral("SELECT nextval('jl_test_plain_seq')"));
        if (!next)
            return next.error();
        record.seq = next->value(0, 0).toLongLong();
    } else {
        record.seq = ++m_seq;
    }
    record.rev += 1;
    record.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    // Test-only: a slow transaction from its first write on (it holds its change number and
    // the counter row), so that concurrent ones overlap.
    if (!m_dirty && m_settings.testCommitDelayMs > 0)
        QThread::msleep(quint64(m_settings.testCommitDelayMs));
    m_dirty = true;
    ++m_writes;
    QJsonObject data = record.data;
    data.remove(QStringLiteral("id"));
    auto rows = m_db.run(
        QStringLiteral(
            "INSERT INTO records (enterprise_id, collection, id, rev, seq, deleted, updated_at, "
            "data, match_key, flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (enterprise_id, collection, id) DO UPDATE SET rev = excluded.rev, "
            "seq = excluded.seq, deleted = excluded.deleted, updated_at = excluded.updated_at, "
            "data = excluded.data, match_key = excluded.match_key, flag = excluded.flag"),
        {m_enterpriseId, record.collection, record.id, record.rev, record.seq,
         record.deleted ? 1 : 0, record.updatedAtMs,
         QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), record.matchKey,
         record.flag});
    if (!rows)
        return rows.error();
    return record;
}

Outcome<QList<StoredRecord>> RecordStore::findByMatchKey(const QStringList &collections,
                                                         const QString &key, int flag)
{
    QStringList literals;
    for (const QString &c : collections)
        literals.append(collectionLiteral(c));
    auto rows = m_db.run(QStringLiteral("SELECT ") + columns() +
                             QStringLiteral(" FROM records WHERE enterprise_id = ? AND "
                                            "collection IN (") +
                             literals.join(QLatin1String(", ")) +
                             QStringLiteral(") AND match_key = ? AND flag = %1 AND deleted = 0 "
                                            "ORDER BY id")
                                 .arg(flag != 0 ? 1 : 0),
                         {m_enterpriseId, key});
    if (!rows)
        return rows.error();
    QList<StoredRecord> out;
    for (const QVariantList &row : rows->rows)
        out.append(recordFromRow(row));
    return out;
}

} // namespace jl::server
