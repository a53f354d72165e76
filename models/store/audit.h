#pragma once

#include "models/common/result.h"
#include "models/store/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace jl::models {

class Database;

// The local audit trail: who changed which fields of which record, old → new.
// `changes` holds {field: [old, new]}, except on the line of a record's creation, which holds
// {"created": {field: value}}: every field goes from nothing to its value, and the record as
// created is the outbox payload's own text. Pairs of [null, value] made a create's line a third
// longer than the record and the audit a third of the database after a large import.
// fieldChanges() reads either form as pairs; lines written before hold pairs for creates too.
struct AuditEntry {
    QString at;
    QString actor;
    QString collection;
    QString recordId;
    QString action;  // create, update, batchUpdate, moveToHistory, restore, purge, undo…
    QString changes; // JSON {field: [old, new]} or {"created": {field: value}} (above)
};

namespace audit {

// The fields that differ between two JSON snapshots, as {field: [old, new]}.
QJsonObject diff(const QJsonObject &before, const QJsonObject &after);

// The changes of a create: {"created": snapshot}, which no diff() can be (its values are pairs).
QJsonObject created(const QJsonObject &snapshot);

// SQL for the record inside a create's line, {"created": record}, given the SQL of the line's
// changes: the record's text as written, for the outbox entry that takes its payload from the
// line (outbox::entryColumns()). NULL when the line is not of that form.
QString createdRecordSql(const QString &changes);

// A line's changes as {field: [old, new]}, whichever form it was written in (a create's fields
// as [null, value]); empty when the text is not a JSON object.
QJsonObject fieldChanges(const QString &changes);

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
