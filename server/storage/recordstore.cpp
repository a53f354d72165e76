#include "server/storage/recordstore.h"

#include "server/core/settings.h"
#include "server/storage/pgarray.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>

namespace jl::server {

const char *const RecordColumns =
    "collection, id, rev, seq, deleted, updated_at, data, match_key, flag";

namespace {

QString columns()
{
    return QString::fromLatin1(RecordColumns);
}

// Multi-row statements come in a few sizes only, so each connection prepares a few and reuses
// them: a list of n is sent as chunks of these sizes, largest first.
constexpr int ChunkSizes[] = {256, 64, 16, 4, 1};

int chunkFor(qsizetype remaining)
{
    for (int size : ChunkSizes) {
        if (remaining >= size)
            return size;
    }
    return 1;
}

// For look-ups an IN list is padded (with its last value again) to one of these sizes.
int paddedSize(qsizetype n)
{
    for (int size : {8, 64, 512}) {
        if (n <= size)
            return size;
    }
    return 512;
}

QString placeholders(int n)
{
    QString out;
    out.reserve(n * 3);
    for (int i = 0; i < n; ++i)
        out += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return out;
}

// An IN list of n placeholders, or with n = 0 one text array (PostgreSQL, see lookUpIn).
QString inList(int n)
{
    if (n == 0)
        return QStringLiteral(" = ANY(CAST(? AS text[]))");
    return QStringLiteral(" IN (") + placeholders(n) + QLatin1Char(')');
}

// Runs `sql(n)` over `values` in padded chunks of at most 512, with `first` bound before each
// chunk's values, and gathers the rows. On PostgreSQL `sql(0)` takes all of them as one text
// array ("= ANY(CAST(? AS text[]))"): one parameter for Qt to format instead of 512, and the
// same plan (a generic plan: see SqlConnection::open).
template <typename Sql>
Outcome<QList<QVariantList>> lookUpIn(SqlConnection &db, const QVariantList &first,
                                      const QStringList &values, Sql &&sql)
{
    QList<QVariantList> out;
    if (db.isPostgres()) {
        if (values.isEmpty())
            return out;
        QVariantList binds = first;
        binds.append(pgTextArray(values));
        auto rows = db.run(sql(0), binds);
        if (!rows)
            return rows.error();
        return rows->rows;
    }
    for (qsizetype from = 0; from < values.size(); from += 512) {
        const qsizetype n = std::min<qsizetype>(512, values.size() - from);
        const int size = paddedSize(n);
        QVariantList binds = first;
        for (int i = 0; i < size; ++i)
            binds.append(values.at(from + std::min<qsizetype>(i, n - 1)));
        auto rows = db.run(sql(size), binds);
        if (!rows)
            return rows.error();
        out.append(rows->rows);
    }
    return out;
}

QString upsertSql(int rows)
{
    QString values;
    for (int i = 0; i < rows; ++i)
        values += (i == 0 ? QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                          : QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return QStringLiteral("INSERT INTO records (enterprise_id, collection, id, rev, seq, deleted, "
                          "updated_at, data, match_key, flag) VALUES ") +
           values +
           QStringLiteral(
               " ON CONFLICT (enterprise_id, collection, id) DO UPDATE SET rev = excluded.rev, "
               "seq = excluded.seq, deleted = excluded.deleted, updated_at = excluded.updated_at, "
               "data = excluded.data, match_key = excluded.match_key, flag = excluded.flag");
}

void appendBinds(QVariantList &binds, const QString &enterpriseId, const StoredRecord &record)
{
    binds << enterpriseId << record.collection << record.id << record.rev << record.seq
          << (record.deleted ? 1 : 0) << record.updatedAtMs << QString::fromUtf8(record.dataJson)
          << record.matchKey << record.flag;
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
    if (Done d = flush(); !d)
        return d;
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
    if (m_batch) {
        if (auto it = m_cache.constFind(cacheKey(collection, id)); it != m_cache.constEnd())
            return it.value();
        if (Done d = flush(); !d)
            return d.error();
    }
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
    record.data.remove(QStringLiteral("id"));
    // Serialised once, for the row and for the answer (StoredRecord::wireJson).
    record.dataJson = QJsonDocument(record.data).toJson(QJsonDocument::Compact);
    const StoredRecord &stored = record;
    if (m_batch) {
        const QString key = cacheKey(stored.collection, stored.id);
        // One statement cannot upsert the same row twice.
        if (m_pendingKeys.contains(key)) {
            if (Done d = flush(); !d)
                return d.error();
        }
        m_pendingKeys.insert(key);
        m_pending.append(stored);
        remember(stored);
        return record;
    }
    QVariantList binds;
    appendBinds(binds, m_enterpriseId, stored);
    auto rows = m_db.run(upsertSql(1), binds);
    if (!rows)
        return rows.error();
    return record;
}

QString RecordStore::cacheKey(const QString &collection, const QString &id)
{
    return collection + QLatin1Char('/') + id;
}

void RecordStore::remember(const StoredRecord &stored)
{
    const QString key = cacheKey(stored.collection, stored.id);
    m_cache.insert(key, stored);
    if (auto it = m_matchOf.find(key); it != m_matchOf.end()) {
        QList<StoredRecord> &list = m_matches[it.value()];
        list.removeIf([&](const StoredRecord &r) {
            return r.collection == stored.collection && r.id == stored.id;
        });
        m_matchOf.erase(it);
    }
    if (!stored.deleted && stored.flag == 1 && m_matchCollections.contains(stored.collection)) {
        if (auto it = m_matches.find(stored.matchKey); it != m_matches.end()) {
            it.value().append(stored);
            m_matchOf.insert(key, stored.matchKey);
        }
    }
}

Done RecordStore::enableBatchMode()
{
    m_batch = true;
    return {};
}

Done RecordStore::prefetch(const QString &collection, const QStringList &ids)
{
    if (Done d = flush(); !d)
        return d;
    QStringList wanted;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!m_cache.contains(cacheKey(collection, id)) && !seen.contains(id)) {
            seen.insert(id);
            wanted.append(id);
        }
    }
    auto rows = lookUpIn(m_db, {m_enterpriseId}, wanted, [&](int n) -> QString {
        return QStringLiteral("SELECT ") + columns() +
               QStringLiteral(" FROM records WHERE enterprise_id = ? AND "
                              "collection = ") +
               collectionLiteral(collection) + QStringLiteral(" AND id") + inList(n);
    });
    if (!rows)
        return rows.error();
    for (const QString &id : wanted)
        m_cache.insert(cacheKey(collection, id), std::nullopt);
    for (const QVariantList &row : rows.value()) {
        const StoredRecord r = recordFromRow(row);
        m_cache.insert(cacheKey(r.collection, r.id), r);
    }
    return {};
}

Done RecordStore::prefetchMatchKeys(const QStringList &collections, const QStringList &keys)
{
    // One set of collections per transaction, loaded before anything else about matches.
    Q_ASSERT(m_matchCollections.isEmpty() || m_matchCollections == collections);
    if (Done d = flush(); !d)
        return d;
    QStringList wanted;
    QSet<QString> seen;
    for (const QString &k : keys) {
        if (!m_matches.contains(k) && !seen.contains(k)) {
            seen.insert(k);
            wanted.append(k);
        }
    }
    if (wanted.isEmpty())
        return {};
    QStringList literals;
    for (const QString &c : collections)
        literals.append(collectionLiteral(c));
    auto rows = lookUpIn(m_db, {m_enterpriseId}, wanted, [&](int n) -> QString {
        return QStringLiteral("SELECT ") + columns() +
               QStringLiteral(" FROM records WHERE enterprise_id = ? AND collection IN (") +
               literals.join(QLatin1String(", ")) +
               QStringLiteral(") AND flag = 1 AND deleted = 0 AND match_key") + inList(n);
    });
    if (!rows)
        return rows.error();
    m_matchCollections = collections;
    for (const QString &k : wanted)
        m_matches.insert(k, {});
    for (const QVariantList &row : rows.value()) {
        const StoredRecord r = recordFromRow(row);
        const QString key = cacheKey(r.collection, r.id);
        if (m_matchOf.contains(key))
            continue;
        m_matches[r.matchKey].append(r);
        m_matchOf.insert(key, r.matchKey);
    }
    return {};
}

Done RecordStore::flush()
{
    if (m_db.isPostgres() && !m_pending.isEmpty()) {
        // All of them in one statement, each column one array.
        QStringList collections, ids, matchKeys;
        QList<QByteArray> data;
        QList<qint64> revs, seqs, deleted, updated, flags;
        for (const StoredRecord &r : std::as_const(m_pending)) {
            collections.append(r.collection);
            ids.append(r.id);
            revs.append(r.rev);
            seqs.append(r.seq);
            deleted.append(r.deleted ? 1 : 0);
            updated.append(r.updatedAtMs);
            data.append(r.dataJson);
            matchKeys.append(r.matchKey);
            flags.append(r.flag);
        }
        auto rows = m_db.run(
            QStringLiteral(
                "INSERT INTO records (enterprise_id, collection, id, rev, seq, deleted, "
                "updated_at, data, match_key, flag) SELECT ?, c, i, r, s, d, u, dt, m, f FROM "
                "unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), "
                "CAST(? AS bigint[]), CAST(? AS integer[]), CAST(? AS bigint[]), "
                "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS integer[])) "
                "AS v(c, i, r, s, d, u, dt, m, f) "
                "ON CONFLICT (enterprise_id, collection, id) DO UPDATE SET rev = excluded.rev, "
                "seq = excluded.seq, deleted = excluded.deleted, updated_at = excluded.updated_at, "
                "data = excluded.data, match_key = excluded.match_key, flag = excluded.flag"),
            {m_enterpriseId, pgTextArray(collections), pgTextArray(ids), pgIntArray(revs),
             pgIntArray(seqs), pgIntArray(deleted), pgIntArray(updated), pgTextArray(data),
             pgTextArray(matchKeys), pgIntArray(flags)});
        if (!rows)
            return rows.error();
        m_pending.clear();
        m_pendingKeys.clear();
        return {};
    }
    qsizetype from = 0;
    while (from < m_pending.size()) {
        const int n = chunkFor(m_pending.size() - from);
        QVariantList binds;
        binds.reserve(n * 10);
        for (int i = 0; i < n; ++i)
            appendBinds(binds, m_enterpriseId, m_pending.at(from + i));
        auto rows = m_db.run(upsertSql(n), binds);
        if (!rows)
            return rows.error();
        from += n;
    }
    m_pending.clear();
    m_pendingKeys.clear();
    return {};
}

Outcome<QList<StoredRecord>> RecordStore::findByMatchKey(const QStringList &collections,
                                                         const QString &key, int flag)
{
    if (m_batch) {
        const auto covered = [&] {
            for (const QString &c : collections) {
                if (!m_matchCollections.contains(c))
                    return false;
            }
            return true;
        };
        if (auto it = m_matches.constFind(key);
            flag == 1 && it != m_matches.constEnd() && covered()) {
            QList<StoredRecord> out;
            for (const StoredRecord &r : it.value()) {
                if (collections.contains(r.collection))
                    out.append(r);
            }
            std::sort(out.begin(), out.end(),
                      [](const StoredRecord &a, const StoredRecord &b) { return a.id < b.id; });
            return out;
        }
        if (Done d = flush(); !d)
            return d.error();
    }
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
