#pragma once

#include "models/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace jl::models {

class Database;

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
    QString base; // JSON: the record before this change ('{}' for a create)
};

namespace outbox {

// Appends an entry with a fresh opId; call inside the record's transaction. base is the
// record before the change (empty for a create): the three-way merge on 412 needs it.
Status append(Database &db, const QString &collection, const QString &recordId, const QString &kind,
              qint64 baseRev, const QByteArray &payload, const QString &command = {},
              const QByteArray &base = {});

Result<int> pendingCount(Database &db);
Result<QList<OutboxEntry>> entries(Database &db);
// Ids of records with outbox entries not yet acknowledged (the unsynced marker).
Result<QStringList> recordsWithPendingChanges(Database &db, const QString &collection);

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
