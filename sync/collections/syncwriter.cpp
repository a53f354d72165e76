#include "sync/collections/syncwriter.h"

#include "sync/collections/synccollection.h"

namespace jl::sync {

using models::Database;
using models::Status;

namespace {

const QString WriteFailpoint = QStringLiteral("sync.local.write");

Status run(Database &db, std::optional<models::PreparedStatement> &statement, const QString &sql,
           const QVariantList &binds)
{
    if (!statement) {
        auto prepared = db.prepare(WriteFailpoint, sql);
        if (!prepared)
            return prepared.error();
        statement.emplace(std::move(prepared.value()));
    }
    return statement->run(binds);
}

} // namespace

Status SyncCollection::store(Database &db, const SyncedRecord &record) const
{
    auto q = db.exec(WriteFailpoint, storeSql(), storeValues(record));
    return q ? Status{} : Status{q.error()};
}

Status SyncCollection::remove(Database &db, const QString &id) const
{
    auto q = db.exec(WriteFailpoint, removeSql(), removeValues(id));
    return q ? Status{} : Status{q.error()};
}

Status SyncWriter::store(const SyncCollection &collection, const SyncedRecord &record)
{
    return run(m_db, m_statements[&collection].store, collection.storeSql(),
               collection.storeValues(record));
}

Status SyncWriter::remove(const SyncCollection &collection, const QString &id)
{
    return run(m_db, m_statements[&collection].remove, collection.removeSql(),
               collection.removeValues(id));
}

} // namespace jl::sync
