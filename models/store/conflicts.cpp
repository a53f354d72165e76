#include "models/store/conflicts.h"

#include "models/store/audit.h"
#include "models/store/database.h"
#include "models/store/localcollection.h"
#include "models/store/outbox.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    const QJsonObject before = present ? (*current)->data : QJsonObject();

    LocalRecord after;
    after.rev = c.serverRev;
    if (c.localDeleted) {
        after.data = current->has_value() ? (*current)->data : c.mine;
        after.deleted = true;
    } else if (c.serverDeleted || !present) {
        // Edited here, deleted there: mine makes the record again on the server's tombstone.
        after.data = c.mine;
    } else {
        after.data = (*current)->data;
        for (const QString &field : c.fields)
            after.data.insert(field, c.mine.value(field));
    }
    if (Status s = collection->write(m_db, c.recordId, after); !s)
        return s;
    // The payload is the record as stored, read back through its table.
    auto stored = collection->read(m_db, c.recordId);
    if (!stored)
        return stored.error();
    const QJsonObject payload = stored->has_value() ? (*stored)->data : after.data;

    if (auto q = m_db.exec(QStringLiteral("store.outbox.delete"),
                           QStringLiteral("DELETE FROM outbox WHERE collection = ? AND "
                                          "record_id = ? AND state = 'conflict'"),
                           QVariantList{c.collection, c.recordId});
        !q)
        return q.error();
    if (Status s =
            outbox::append(m_db, c.collection, c.recordId,
                           after.deleted ? QStringLiteral("delete") : QStringLiteral("upsert"),
                           c.serverRev, compact(payload), {}, compact(c.theirs));
        !s)
        return s;
    return finish(c, QStringLiteral("conflictKeepMine"), before,
                  after.deleted ? QJsonObject() : payload);
}

Status ConflictStore::keepTheirsOne(const Conflict &c)
{
    const LocalCollection *collection = m_collections.find(c.collection);
    if (!collection)
        return Error{tr("Records of the kind %1 cannot be changed on this computer yet; the "
                        "conflict stays until a newer version of the program can.")
                         .arg(c.collection),
                     c.recordId};
    if (auto q = m_db.exec(QStringLiteral("store.outbox.delete"),
                           QStringLiteral("DELETE FROM outbox WHERE collection = ? AND "
                                          "record_id = ? AND state = 'conflict'"),
                           QVariantList{c.collection, c.recordId});
        !q)
        return q.error();
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
