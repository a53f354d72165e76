#include "sync/collections/remoterecordcollection.h"

#include "models/store/database.h"
#include "sync/collections/tablequeries.h"

#include <QJsonDocument>

namespace jl::sync {

using models::Database;
using models::Result;
using models::Status;

namespace {

const QString Table = QStringLiteral("remote_record");
const QString Scope = QStringLiteral("collection = ?");

} // namespace

RemoteRecordCollection::RemoteRecordCollection(QString name)
    : m_name(std::move(name))
{}

Result<QStringList> RemoteRecordCollection::namesIn(Database &db)
{
    auto q = db.exec(QStringLiteral("sync.local.read"),
                     QStringLiteral("SELECT DISTINCT collection FROM remote_record"));
    if (!q)
        return q.error();
    QStringList names;
    while (q.value().next())
        names.append(q.value().value(0).toString());
    return names;
}

Result<std::optional<SyncedRecord>> RemoteRecordCollection::read(Database &db,
                                                                 const QString &id) const
{
    auto q = db.exec(QStringLiteral("sync.local.read"),
                     QStringLiteral("SELECT rev, deleted, data FROM remote_record "
                                    "WHERE collection = ? AND id = ?"),
                     QVariantList{m_name, id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<SyncedRecord>();
    SyncedRecord r;
    r.id = id;
    r.rev = q.value().value(0).toLongLong();
    r.deleted = q.value().value(1).toInt() != 0;
    r.data = QJsonDocument::fromJson(q.value().value(2).toString().toUtf8()).object();
    return std::optional<SyncedRecord>(r);
}

Result<QHash<QString, qint64>> RemoteRecordCollection::revisions(Database &db,
                                                                 const QStringList &ids) const
{
    return tablequeries::revisions(db, Table, ids, Scope, {m_name});
}

Result<QHash<QString, qint64>> RemoteRecordCollection::allRevisions(Database &db) const
{
    return tablequeries::allRevisions(db, Table, Scope, {m_name});
}

QString RemoteRecordCollection::storeSql() const
{
    return QStringLiteral("INSERT INTO remote_record (collection, id, rev, deleted, data) "
                          "VALUES (?, ?, ?, 0, ?) ON CONFLICT(collection, id) DO UPDATE SET "
                          "rev = excluded.rev, deleted = 0, data = excluded.data");
}

QVariantList RemoteRecordCollection::storeValues(const SyncedRecord &record) const
{
    return {m_name, record.id, record.rev,
            QString::fromUtf8(QJsonDocument(record.data).toJson(QJsonDocument::Compact))};
}

QString RemoteRecordCollection::removeSql() const
{
    return tablequeries::removeSql(Table, Scope);
}

QVariantList RemoteRecordCollection::removeValues(const QString &id) const
{
    return {id, m_name};
}

Result<int> RemoteRecordCollection::count(Database &db) const
{
    return tablequeries::count(db, Table, Scope, {m_name});
}

} // namespace jl::sync
