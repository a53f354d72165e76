#pragma once

#include "models/common/result.h"
#include "models/store/database.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace jl::models {

class Database;
class LocalCollections;

// One queued local change (sync.md §9). Written by the stores in the same transaction as the
// record; removed by sync only after the server acknowledged it.
struct OutboxEntry {
    qint64 seq = 0;
    QString opId; // UUID, never regenerated
    QString collection;
    QString recordId;
    QString kind; // upsert | delete | command
    QString command;
    qint64 baseRev = 0;
    QString payload; // JSON
    QString createdAt;
    int attempts = 0;
    QString state; // pending | rejected | conflict
    QString lastError;
    QString base;      // JSON: the record before this change ('{}' for a create)
    QString nextTryAt; // ISO UTC; empty when due now
};

namespace outbox {

// The columns an entry is read with, in the order entryFromQuery() expects: one mapping of the
// outbox row for the store, the screens and the sync engine.
QString entryColumns();
OutboxEntry entryFromQuery(const QSqlQuery &query);

// Appends an entry with a fresh opId; call inside the record's transaction. base is the
// record before the change (empty for a create): the three-way merge on 412 needs it.
Status append(Database &db, const QString &collection, const QString &recordId, const QString &kind,
              qint64 baseRev, const QByteArray &payload, const QString &command = {},
              const QByteArray &base = {});

// The same rows as append(), through one prepared statement for a bulk write (one per write
// call): `createdAt` is formatted once by the caller. Each append() checks the failpoint
// "store.outbox.insert" as the single append does.
class BulkAppend final {
public:
    static Result<BulkAppend> prepare(Database &db, const QString &createdAt);
    Status append(const QString &collection, const QString &recordId, const QString &kind,
                  qint64 baseRev, const QByteArray &payload, const QString &command = {},
                  const QByteArray &base = {});

private:
    BulkAppend(PreparedStatement insert, QString createdAt);

    PreparedStatement m_insert;
    QString m_createdAt;
};

Result<int> pendingCount(Database &db);
Result<QList<OutboxEntry>> entries(Database &db);
// Ids of records with outbox entries not yet acknowledged (the unsynced marker).
Result<QStringList> recordsWithPendingChanges(Database &db, const QString &collection);

// Entries in one state (pending | rejected | conflict).
Result<int> countInState(Database &db, const QString &state);
Result<QList<OutboxEntry>> entries(Database &db, const QList<qint64> &seqs);

// 重试: the entries wait again for the next sync (state pending, next try now); their
// attempts stay, so the backoff still knows the history. One transaction, audited.
Status retry(Database &db, const QList<qint64> &seqs, const QString &actor);
// 放弃: the entries leave the outbox. A record none of whose remaining entries is newer
// than the discarded ones goes back to the base of the oldest of them (a discarded create
// removes the record); a record in conflict whose last entry goes takes the server's
// version instead (keep theirs). One transaction, audited.
Status discard(Database &db, const LocalCollections &collections, const QList<qint64> &seqs,
               const QString &actor);

} // namespace outbox

// Compatibility names used by the screens.
inline Result<int> pendingOutboxCount(Database &db)
{
    return outbox::pendingCount(db);
}
inline Result<QList<OutboxEntry>> outboxEntries(Database &db)
{
    return outbox::entries(db);
}
inline Result<QStringList> recordsWithPendingChanges(Database &db, const QString &collection)
{
    return outbox::recordsWithPendingChanges(db, collection);
}

} // namespace jl::models
