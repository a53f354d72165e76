#pragma once

#include "models/common/result.h"
#include "models/store/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace jl::models {

class Database;

// The local audit trail: who changed which fields of which record, old → new.
struct AuditEntry {
    QString at;
    QString actor;
    QString collection;
    QString recordId;
    QString action;  // create, update, batchUpdate, moveToHistory, restore, purge, undo…
    QString changes; // JSON {field: [old, new]}
};

namespace audit {

// The fields that differ between two JSON snapshots, as {field: [old, new]}.
QJsonObject diff(const QJsonObject &before, const QJsonObject &after);

// Call inside the record's transaction.
Status append(Database &db, const QString &actor, const QString &collection,
              const QString &recordId, const QString &action, const QJsonObject &changes);

// The same rows as append(), through one prepared statement for a bulk write (one per write
// call), with `at` formatted once by the caller and `changes` already serialised. Each
// append() checks the failpoint "store.audit.insert" as the single append does.
class BulkAppend final {
public:
    static Result<BulkAppend> prepare(Database &db, const QString &at);
    Status append(const QString &actor, const QString &collection, const QString &recordId,
                  const QString &action, const QJsonObject &changes);

private:
    BulkAppend(PreparedStatement insert, QString at);

    PreparedStatement m_insert;
    QString m_at;
};

Result<QList<AuditEntry>> entries(Database &db, const QString &recordId = {});

} // namespace audit

inline Result<QList<AuditEntry>> auditEntries(Database &db, const QString &recordId = {})
{
    return audit::entries(db, recordId);
}

} // namespace jl::models
