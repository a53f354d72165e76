#include "models/store/conflicts.h"

#include "models/store/audit.h"
#include "models/store/database.h"
#include "models/store/localcollection.h"
#include "models/store/outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace jl::models {

namespace {

constexpr int IdsPerQuery = 500; // well under SQLite's bound-parameter limit

const QString Columns = QStringLiteral(
    "id, collection, record_id, fields, mine, theirs, base, server_rev, server_deleted, "
    "local_deleted, created_at");

QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

ConflictStore::ConflictStore(Database &db, const LocalCollections &collections, QString actor)
    : m_db(db)
    , m_collections(collections)
    , m_actor(std::move(actor))
{}

Result<QList<Conflict>> ConflictStore::load(const QString &where, const QVariantList &binds) const
{
    auto q = m_db.exec(QStringLiteral("store.conflict.read"),
                       QStringLiteral("SELECT %1 FROM conflict %2 ORDER BY id").arg(Columns, where),
                       binds);
    if (!q)
        return q.error();
    QList<Conflict> list;
    QSqlQuery &r = q.value();
    while (r.next()) {
        Conflict c;
        c.id = r.value(0).toLongLong();
        c.collection = r.value(1).toString();
        c.recordId = r.value(2).toString();
        for (const QJsonValue &f : QJsonDocument::fromJson(r.value(3).toString().toUtf8()).array())
            c.fields.append(f.toString());
        c.mine = object(r.value(4).toString());
        c.theirs = object(r.value(5).toString());
        c.base = object(r.value(6).toString());
        c.serverRev = r.value(7).toLongLong();
        c.serverDeleted = r.value(8).toInt() != 0;
        c.localDeleted = r.value(9).toInt() != 0;
        c.createdAt = r.value(10).toString();
        list.append(c);
    }
    return list;
}

Result<QList<Conflict>> ConflictStore::list() const
{
    return load({}, {});
}

Result<int> ConflictStore::count() const
{
    auto q = m_db.exec(QStringLiteral("store.conflict.read"),
                       QStringLiteral("SELECT COUNT(*) FROM conflict"));
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<std::optional<Conflict>> ConflictStore::forRecord(const QString &collection,
                                                         const QString &recordId) const
{
    auto found = load(QStringLiteral("WHERE collection = ? AND record_id = ?"),
                      QVariantList{collection, recordId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Conflict>();
    return std::optional<Conflict>(found->first());
}

Status ConflictStore::keepMine(const QList<qint64> &ids)
{
    return resolve(ids, &ConflictStore::keepMineOne);
}

Status ConflictStore::keepTheirs(const QList<qint64> &ids)
{
    return resolve(ids, &ConflictStore::keepTheirsOne);
}

Status ConflictStore::resolve(const QList<qint64> &ids,
                              Status (ConflictStore::*one)(const Conflict &))
{
    return m_db.transaction([&]() -> Status {
        for (qsizetype from = 0; from < ids.size(); from += IdsPerQuery) {
            const QList<qint64> chunk = ids.mid(from, IdsPerQuery);
            QVariantList binds;
            for (const qint64 id : chunk)
                binds.append(id);
            const QString marks = QStringList(chunk.size(), QStringLiteral("?")).join(u',');
            auto conflicts = load(QStringLiteral("WHERE id IN (%1)").arg(marks), binds);
            if (!conflicts)
                return conflicts.error();
            for (const Conflict &c : conflicts.value()) {
                if (Status s = (this->*one)(c); !s)
                    return s;
            }
        }
        return {};
    });
}

Status ConflictStore::keepMineOne(const Conflict &c)
{
    const LocalCollection *collection = m_collections.find(c.collection);
    if (!collection)
        return Error{tr("Records of the kind %1 cannot be changed on this computer yet; the "
                        "conflict stays until a newer version of the program can.")
                         .arg(c.collection),
                     c.recordId};
    auto current = collection->read(m_db, c.recordId);
    if (!current)
        return current.error();
    const bool present = current->has_value() && !(*current)->deleted;
    if (c.serverDeleted || !present)
        return keepMineAsNew(c, *collection, current->has_value());
    const QJsonObject before = (*current)->data;
    if (Status s = dropConflictEntries(c); !s)
        return s;

    LocalRecord after{before, c.serverRev, false};
    if (c.localDeleted) {
        // The server kept its edit while I deleted: what I changed before deleting (in the
        // instrument library, the move to history the server requires first) goes again,
        // then the delete, each on the revision the one before it makes.
        for (auto it = c.mine.constBegin(); it != c.mine.constEnd(); ++it) {
            if (it.value() != c.base.value(it.key()))
                after.data.insert(it.key(), it.value());
        }
    } else {
        for (const QString &field : c.fields)
            after.data.insert(field, c.mine.value(field));
    }
    auto payload = writeBack(*collection, c.recordId, after);
    if (!payload)
        return payload.error();
    if (!c.localDeleted || payload.value() != before) {
        if (Status s = outbox::append(m_db, c.collection, c.recordId, QStringLiteral("upsert"),
                                      c.serverRev, compact(payload.value()), {}, compact(c.theirs));
            !s)
            return s;
    }
    if (c.localDeleted) {
        after.data = payload.value();
        after.deleted = true;
        if (Status s = collection->write(m_db, c.recordId, after); !s)
            return s;
        if (Status s =
                outbox::append(m_db, c.collection, c.recordId, QStringLiteral("delete"),
                               c.serverRev, compact(payload.value()), {}, compact(payload.value()));
            !s)
            return s;
        return finish(c, QStringLiteral("conflictKeepMine"), before, {});
    }
    return finish(c, QStringLiteral("conflictKeepMine"), before, payload.value());
}

Status ConflictStore::keepMineAsNew(const Conflict &c, const LocalCollection &collection,
                                    bool rowExists)
{
    // The server keeps a deleted record's id as a tombstone and refuses any edit of it, so
    // mine comes back as a new record: a new id, queued as a create. Nothing queued for the
    // old id can reach the server any more.
    if (auto q = m_db.exec(QStringLiteral("store.outbox.delete"),
                           QStringLiteral("DELETE FROM outbox WHERE collection = ? AND "
                                          "record_id = ?"),
                           QVariantList{c.collection, c.recordId});
        !q)
        return q.error();
    if (rowExists) {
        if (Status s = collection.erase(m_db, c.recordId); !s)
            return s;
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject data = c.mine;
    data.insert(QStringLiteral("id"), id);
    auto payload = writeBack(collection, id, LocalRecord{data, 0, false});
    if (!payload)
        return payload.error();
    if (Status s = outbox::append(m_db, c.collection, id, QStringLiteral("upsert"), 0,
                                  compact(payload.value()));
        !s)
        return s;
    if (Status s = audit::append(m_db, m_actor, c.collection, id, QStringLiteral("create"),
                                 audit::created(payload.value()));
        !s)
        return s;
    return finish(c, QStringLiteral("conflictKeepMine"), c.mine,
                  QJsonObject{{QStringLiteral("id"), id}});
}

Result<QJsonObject> ConflictStore::writeBack(const LocalCollection &collection, const QString &id,
                                             const LocalRecord &record)
{
    if (Status s = collection.write(m_db, id, record); !s)
        return s.error();
    // The payload is the record as stored, read back through its table.
    auto stored = collection.read(m_db, id);
    if (!stored)
        return stored.error();
    return stored->has_value() ? (*stored)->data : record.data;
}

Status ConflictStore::dropConflictEntries(const Conflict &c)
{
    auto q = m_db.exec(QStringLiteral("store.outbox.delete"),
                       QStringLiteral("DELETE FROM outbox WHERE collection = ? AND "
                                      "record_id = ? AND state = 'conflict'"),
                       QVariantList{c.collection, c.recordId});
    return q ? Status{} : Status{q.error()};
}

Status ConflictStore::keepTheirsOne(const Conflict &c)
{
    const LocalCollection *collection = m_collections.find(c.collection);
    if (!collection)
        return Error{tr("Records of the kind %1 cannot be changed on this computer yet; the "
                        "conflict stays until a newer version of the program can.")
                         .arg(c.collection),
                     c.recordId};
    if (Status s = dropConflictEntries(c); !s)
        return s;
    auto queued = m_db.exec(QStringLiteral("store.outbox.read"),
                            QStringLiteral("SELECT COUNT(*) FROM outbox WHERE collection = ? AND "
                                           "record_id = ?"),
                            QVariantList{c.collection, c.recordId});
    if (!queued)
        return queued.error();
    const bool othersQueued = queued.value().next() && queued.value().value(0).toInt() > 0;

    auto current = collection->read(m_db, c.recordId);
    if (!current)
        return current.error();
    const bool present = current->has_value() && !(*current)->deleted;
    const QJsonObject before = present ? (*current)->data : QJsonObject();

    LocalRecord after;
    after.rev = c.serverRev;
    if (c.serverDeleted) {
        // Gone on the server: the row goes, as sync removes any record the server deleted, and
        // so do later edits of it, which would only make it again.
        if (auto q = m_db.exec(QStringLiteral("store.outbox.delete"),
                               QStringLiteral("DELETE FROM outbox WHERE collection = ? AND "
                                              "record_id = ?"),
                               QVariantList{c.collection, c.recordId});
            !q)
            return q.error();
        if (current->has_value()) {
            if (Status s = collection->erase(m_db, c.recordId); !s)
                return s;
        }
        return finish(c, QStringLiteral("conflictKeepTheirs"), before, {});
    }
    if (!present || !othersQueued) {
        after.data = c.theirs;
    } else {
        after.data = (*current)->data;
        for (const QString &field : c.fields)
            after.data.insert(field, c.theirs.value(field));
    }
    if (Status s = collection->write(m_db, c.recordId, after); !s)
        return s;
    return finish(c, QStringLiteral("conflictKeepTheirs"), before,
                  after.deleted ? QJsonObject() : after.data);
}

Status ConflictStore::finish(const Conflict &c, const QString &action, const QJsonObject &before,
                             const QJsonObject &after)
{
    QJsonObject changes = audit::diff(before, after);
    // Even when the values already matched, the trail says who decided and on which fields.
    changes.insert(QStringLiteral("conflictFields"),
                   QJsonArray{QJsonValue(), QJsonArray::fromStringList(c.fields)});
    if (Status s = audit::append(m_db, m_actor, c.collection, c.recordId, action, changes); !s)
        return s;
    auto q = m_db.exec(QStringLiteral("store.conflict.delete"),
                       QStringLiteral("DELETE FROM conflict WHERE id = ?"), QVariantList{c.id});
    return q ? Status{} : Status{q.error()};
}

} // namespace jl::models
