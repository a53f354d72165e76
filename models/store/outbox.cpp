#include "models/store/outbox.h"

#include "models/store/database.h"

#include <QDateTime>
#include <QUuid>

namespace jl::models::outbox {

Status append(Database &db, const QString &collection, const QString &recordId, const QString &kind,
              qint64 baseRev, const QByteArray &payload, const QString &command,
              const QByteArray &base)
{
    auto q = db.exec(QStringLiteral("store.outbox.insert"),
                     QStringLiteral("INSERT INTO outbox (op_id, collection, record_id, kind, "
                                    "command, base_rev, payload, created_at, base) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     QVariantList{QUuid::createUuid().toString(QUuid::WithoutBraces), collection,
                                  recordId, kind, command, baseRev, QString::fromUtf8(payload),
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                  base.isEmpty() ? QStringLiteral("{}") : QString::fromUtf8(base)});
    return q ? Status{} : Status{q.error()};
}

Result<int> pendingCount(Database &db)
{
    auto q =
        db.exec(QStringLiteral("store.outbox.read"), QStringLiteral("SELECT COUNT(*) FROM outbox"));
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<QList<OutboxEntry>> entries(Database &db)
{
    auto q = db.exec(QStringLiteral("store.outbox.read"),
                     QStringLiteral("SELECT seq, op_id, collection, record_id, kind, command, "
                                    "base_rev, payload, created_at, attempts, state, last_error, "
                                    "base FROM outbox ORDER BY seq"));
    if (!q)
        return q.error();
    QList<OutboxEntry> list;
    QSqlQuery &r = q.value();
    while (r.next()) {
        OutboxEntry e;
        e.seq = r.value(0).toLongLong();
        e.opId = r.value(1).toString();
        e.collection = r.value(2).toString();
        e.recordId = r.value(3).toString();
        e.kind = r.value(4).toString();
        e.command = r.value(5).toString();
        e.baseRev = r.value(6).toLongLong();
        e.payload = r.value(7).toString();
        e.createdAt = r.value(8).toString();
        e.attempts = r.value(9).toInt();
        e.state = r.value(10).toString();
        e.lastError = r.value(11).toString();
        e.base = r.value(12).toString();
        list.append(e);
    }
    return list;
}

Result<QStringList> recordsWithPendingChanges(Database &db, const QString &collection)
{
    auto q = db.exec(QStringLiteral("store.outbox.read"),
                     QStringLiteral("SELECT DISTINCT record_id FROM outbox WHERE collection = ?"),
                     QVariantList{collection});
    if (!q)
        return q.error();
    QStringList ids;
    while (q.value().next())
        ids.append(q.value().value(0).toString());
    return ids;
}

} // namespace jl::models::outbox
