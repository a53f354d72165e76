#include "sync/collections/instrumentsynccollection.h"

#include "models/domain/instrument.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"
#include "sync/collections/tablequeries.h"

namespace jl::sync {

using models::Database;
using models::Result;
using models::Status;

namespace {

const QString Table = QStringLiteral("instrument");

} // namespace

QString InstrumentSyncCollection::name() const
{
    return QStringLiteral("instrument");
}

Result<std::optional<SyncedRecord>> InstrumentSyncCollection::read(Database &db,
                                                                   const QString &id) const
{
    auto q = db.exec(QStringLiteral("sync.local.read"),
                     QStringLiteral("SELECT %1 FROM instrument WHERE id = ?")
                         .arg(models::instrumentrow::columns()),
                     QVariantList{id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<SyncedRecord>();
    const models::Instrument i = models::instrumentrow::fromQuery(q.value());
    SyncedRecord r;
    r.id = i.id;
    r.rev = i.rev;
    r.deleted = i.deleted;
    r.updatedAt = i.updatedAt.toUTC().toString(Qt::ISODateWithMs);
    r.data = models::toJson(i);
    return std::optional<SyncedRecord>(r);
}

Result<QHash<QString, qint64>> InstrumentSyncCollection::revisions(Database &db,
                                                                   const QStringList &ids) const
{
    return tablequeries::revisions(db, Table, ids);
}

Result<QHash<QString, qint64>> InstrumentSyncCollection::allRevisions(Database &db) const
{
    return tablequeries::allRevisions(db, Table);
}

QString InstrumentSyncCollection::storeSql() const
{
    // Built once: the text of a 26-column upsert is not worth rebuilding per record.
    static const QString sql = models::instrumentrow::upsertSql();
    return sql;
}

QVariantList InstrumentSyncCollection::storeValues(const SyncedRecord &record) const
{
    models::Instrument i = models::instrumentFromJson(record.data);
    i.id = record.id;
    i.rev = record.rev;
    i.deleted = false;
    i.updatedAt = QDateTime::fromString(record.updatedAt, Qt::ISODateWithMs);
    if (!i.updatedAt.isValid())
        i.updatedAt = QDateTime::currentDateTimeUtc();
    return models::instrumentrow::values(i);
}

QString InstrumentSyncCollection::removeSql() const
{
    static const QString sql = tablequeries::removeSql(Table);
    return sql;
}

QVariantList InstrumentSyncCollection::removeValues(const QString &id) const
{
    return {id};
}

Result<int> InstrumentSyncCollection::count(Database &db) const
{
    return tablequeries::count(db, Table);
}

} // namespace jl::sync
