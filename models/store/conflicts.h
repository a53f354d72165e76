#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace jl::models {

class Database;
class LocalCollection;
class LocalCollections;
struct LocalRecord;

// sync.md §15: a record changed on both sides (or edited on one side and deleted on the
// other), kept for a person to decide. Written by the sync engine, one row per record.
struct Conflict {
    qint64 id = 0;
    QString collection;
    QString recordId;
    QStringList fields; // changed on both sides
    QJsonObject mine;   // the local record when the server refused it
    QJsonObject theirs; // the server's record
    QJsonObject base;   // what both started from
    qint64 serverRev = 0;
    bool serverDeleted = false; // edited here, deleted on the server
    bool localDeleted = false;  // deleted here, edited on the server
    QString createdAt;
};

// Lists conflicts and carries out the user's decision. Each call is one transaction over all
// the conflicts it is given: the record, its outbox, the audit and the conflict rows change
// together or not at all.
class ConflictStore final {
    Q_DECLARE_TR_FUNCTIONS(ConflictStore)

public:
    ConflictStore(Database &db, const LocalCollections &collections, QString actor);

    Result<QList<Conflict>> list() const;
    Result<int> count() const;
    Result<std::optional<Conflict>> forRecord(const QString &collection,
                                              const QString &recordId) const;

    // Keep mine: the conflicting fields take my values, queued as a new change on the
    // server's revision with the server's record as its base; the record's outbox entries in
    // the conflict state go, the new change replaces them. A record I deleted: my changes
    // before the delete and the delete are queued again on the server's revision. A record
    // the server deleted: the server refuses to edit a tombstone, so mine is made again as
    // a new record (new id, a create) and the old id is gone here too.
    Status keepMine(const QList<qint64> &ids);
    // Keep theirs: the record's conflict-state outbox entries go and the record takes the
    // server's values — the whole record when no other change of it is queued, else only
    // the conflicting fields, so that the queued changes stay visible; a server tombstone
    // removes the local record (as sync does with any record the server deleted).
    Status keepTheirs(const QList<qint64> &ids);

private:
    Result<QList<Conflict>> load(const QString &where, const QVariantList &binds) const;
    Status resolve(const QList<qint64> &ids, Status (ConflictStore::*one)(const Conflict &));
    Status keepMineOne(const Conflict &conflict);
    Status keepMineAsNew(const Conflict &conflict, const LocalCollection &collection,
                         bool rowExists);
    Result<QJsonObject> writeBack(const LocalCollection &collection, const QString &id,
                                  const LocalRecord &record);
    Status dropConflictEntries(const Conflict &conflict);
    Status keepTheirsOne(const Conflict &conflict);
    Status finish(const Conflict &conflict, const QString &action, const QJsonObject &before,
                  const QJsonObject &after);

    Database &m_db;
    const LocalCollections &m_collections;
    QString m_actor;
};

} // namespace jl::models
