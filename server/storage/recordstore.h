#pragma once

#include "server/core/outcome.h"
#include "server/storage/sqlconnection.h"
#include "server/storage/storedrecord.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <optional>

namespace jl::server {

struct Settings;

// The records of one enterprise inside one write transaction. Opening it locks the
// enterprise's counter row first (so every write transaction of an enterprise takes its
// locks in the same order and none deadlocks), each written record gets the next change
// number, and finish() stores the counter before the commit (sync.md §1).
class RecordStore final {
    Q_DISABLE_COPY_MOVE(RecordStore)

public:
    // Runs `work(store)` in one write transaction scoped to the enterprise.
    template <typename T, typename Work>
    static Outcome<T> transact(SqlConnection &db, const QString &enterpriseId,
                               const Settings &settings, Work &&work);
    // The same inside a transaction the caller already opened (and commits).
    template <typename T, typename Work>
    static Outcome<T> within(SqlConnection &db, const QString &enterpriseId,
                             const Settings &settings, Work &&work);

    const QString &enterpriseId() const { return m_enterpriseId; }
    SqlConnection &db() { return m_db; }

    Outcome<std::optional<StoredRecord>> get(const QString &collection, const QString &id);
    // Stores the record with rev + 1, the next change number and now as updatedAt, and
    // returns what was stored.
    Outcome<StoredRecord> write(StoredRecord record);
    // Live records of the collections with this match key and flag.
    // How many records this transaction wrote so far.
    int writes() const { return m_writes; }
    Outcome<QList<StoredRecord>> findByMatchKey(const QStringList &collections, const QString &key,
                                                int flag);

    // Batch mode (POST /api/v1/batch), for fewer round trips: reads are answered from what the
    // prefetch calls loaded (kept up to date by this transaction's own writes; nobody else
    // writes the enterprise's records while its counter row is locked), and writes are
    // gathered and sent as multi-row upserts before any other read of the records, before
    // the same record is written again, and before the counter is stored. Entries still see
    // each other's effects in order.
    Done enableBatchMode();
    // Loads the records of `collection` with these ids (absent ones remembered as absent).
    Done prefetch(const QString &collection, const QStringList &ids);
    // Loads the live records of `collections` with these match keys and flag 1.
    Done prefetchMatchKeys(const QStringList &collections, const QStringList &keys);
    // Sends the gathered writes.
    Done flush();

private:
    RecordStore(SqlConnection &db, QString enterpriseId, const Settings &settings);
    Done lock();
    Done finish();

    SqlConnection &m_db;
    QString m_enterpriseId;
    const Settings &m_settings;
    qint64 m_seq = 0;
    bool m_dirty = false;
    int m_writes = 0;

    static QString cacheKey(const QString &collection, const QString &id);
    void remember(const StoredRecord &stored);
    bool m_batch = false;
    QHash<QString, std::optional<StoredRecord>> m_cache; // by cacheKey()
    QStringList m_matchCollections;                      // what m_matches covers
    QHash<QString, QList<StoredRecord>> m_matches;       // match key → live, flag 1
    QHash<QString, QString> m_matchOf;                   // cacheKey() → its key in m_matches
    QList<StoredRecord> m_pending;                       // written, not sent yet
    QSet<QString> m_pendingKeys;                         // their cacheKey()s
};

StoredRecord recordFromRow(const QVariantList &row); // the columns of RecordColumns
// A collection name as an SQL literal ('instruments'). Written into the statement rather than
// bound: with a bound value SQLite cannot tell whether the partial index on active serials
// applies and prepares the statement again on every run. Names come from the registry.
QString collectionLiteral(const QString &collection);
extern const char *const RecordColumns;

template <typename T, typename Work>
Outcome<T> RecordStore::within(SqlConnection &db, const QString &enterpriseId,
                               const Settings &settings, Work &&work)
{
    Q_ASSERT(db.inTransaction());
    RecordStore store(db, enterpriseId, settings);
    if (Done d = store.lock(); !d)
        return d.error();
    Outcome<T> result = work(store);
    if (!result)
        return result;
    if (Done d = store.finish(); !d)
        return d.error();
    return result;
}

template <typename T, typename Work>
Outcome<T> RecordStore::transact(SqlConnection &db, const QString &enterpriseId,
                                 const Settings &settings, Work &&work)
{
    return db.transaction<T>(
        [&]() -> Outcome<T> { return within<T>(db, enterpriseId, settings, work); });
}

} // namespace jl::server
