#include "models/store/outbox.h"

#include "models/common/logging.h"
#include "models/store/audit.h"
#include "models/store/conflicts.h"
#include "models/store/database.h"
#include "models/store/localcollection.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace jl::models::outbox {

namespace {

const QString InsertSql = QStringLiteral("INSERT INTO outbox (op_id, collection, record_id, kind, "
                                         "command, base_rev, payload, created_at, base) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

QVariantList insertValues(const QString &collection, const QString &recordId, const QString &kind,
                          qint64 baseRev, const QByteArray &payload, const QString &command,
                          const QByteArray &base, const QString &createdAt)
{
    return QVariantList{QUuid::createUuid().toString(QUuid::WithoutBraces),
                        collection,
                        recordId,
                        kind,
                        command,
                        baseRev,
                        QString::fromUtf8(payload),
                        createdAt,
                        base.isEmpty() ? QStringLiteral("{}") : QString::fromUtf8(base)};
}

} // namespace

QString entryColumns()
{
    // An entry whose payload is the record inside its create's audit line names that line
    // (payload_audit, local_v4.sql) instead of holding the same bytes twice.
    static const QString columns =
        QStringLiteral("seq, op_id, collection, record_id, kind, command, base_rev, "
                       "CASE WHEN payload_audit IS NULL THEN payload ELSE "
                       "(SELECT %1 FROM audit WHERE audit.id = outbox.payload_audit) END, "
                       "created_at, attempts, state, last_error, base, next_try_at")
            .arg(audit::createdRecordSql(QStringLiteral("audit.changes")));
    return columns;
}

OutboxEntry entryFromQuery(const QSqlQuery &r)
{
    OutboxEntry e;
    e.seq = r.value(0).toLongLong();
    e.opId = r.value(1).toString();
    e.collection = r.value(2).toString();
    e.recordId = r.value(3).toString();
    e.kind = r.value(4).toString();
    e.command = r.value(5).toString();
    e.baseRev = r.value(6).toLongLong();
    const QVariant payload = r.value(7);
    e.payload = payload.toString();
    if (payload.isNull()) // a named audit line missing or not a create's: never written so
        qCWarning(lcStore) << "outbox entry" << e.seq << "has no payload: its audit line is gone";
    e.createdAt = r.value(8).toString();
    e.attempts = r.value(9).toInt();
    e.state = r.value(10).toString();
    e.lastError = r.value(11).toString();
    e.base = r.value(12).toString();
    e.nextTryAt = r.value(13).toString();
    return e;
}

Status append(Database &db, const QString &collection, const QString &recordId, const QString &kind,
              qint64 baseRev, const QByteArray &payload, const QString &command,
              const QByteArray &base)
{
    auto q = db.exec(QStringLiteral("store.outbox.insert"), InsertSql,
                     insertValues(collection, recordId, kind, baseRev, payload, command, base,
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
    return q ? Status{} : Status{q.error()};
}

BulkAppend::BulkAppend(PreparedStatement insert, QString createdAt)
    : m_insert(std::move(insert))
    , m_createdAt(std::move(createdAt))
{}

Result<BulkAppend> BulkAppend::prepare(Database &db, const QString &createdAt)
{
    auto insert = db.prepare(QStringLiteral("store.outbox.insert"), InsertSql);
    if (!insert)
        return insert.error();
    return BulkAppend(std::move(insert).value(), createdAt);
}

Status BulkAppend::append(const QString &collection, const QString &recordId, const QString &kind,
                          qint64 baseRev, const QByteArray &payload, const QString &command,
                          const QByteArray &base)
{
    return m_insert.run(
        insertValues(collection, recordId, kind, baseRev, payload, command, base, m_createdAt));
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
                     QStringLiteral("SELECT %1 FROM outbox ORDER BY seq").arg(entryColumns()));
    if (!q)
        return q.error();
    QList<OutboxEntry> list;
    while (q.value().next())
        list.append(entryFromQuery(q.value()));
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

namespace jl::models::outbox {

namespace {

constexpr int SeqsPerQuery = 500; // well under SQLite's bound-parameter limit

QString marks(qsizetype n)
{
    return QStringList(n, QStringLiteral("?")).join(u',');
}

QVariantList bindsOf(const QList<qint64> &seqs)
{
    QVariantList binds;
    for (const qint64 seq : seqs)
        binds.append(seq);
    return binds;
}

// The newest remaining entry of a record; 0 when none is left.
Result<qint64> newestSeq(Database &db, const QString &collection, const QString &recordId)
{
    auto q = db.exec(QStringLiteral("store.outbox.read"),
                     QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE "
                                    "collection = ? AND record_id = ?"),
                     QVariantList{collection, recordId});
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

// Puts a record back to how it was before `oldest`, the first discarded change after the
// last one still queued.
Status revert(Database &db, const LocalCollections &collections, const OutboxEntry &oldest,
              const QString &actor)
{
    const LocalCollection *collection = collections.find(oldest.collection);
    if (!collection)
        return {}; // no local table: nothing shown here to put back
    auto current = collection->read(db, oldest.recordId);
    if (!current)
        return current.error();
    const QJsonObject before =
        current->has_value() && !(*current)->deleted ? (*current)->data : QJsonObject();
    const QJsonObject base = QJsonDocument::fromJson(oldest.base.toUtf8()).object();
    if (base.isEmpty()) {
        // A create the server never accepted: the record goes with it.
        if (Status s = collection->erase(db, oldest.recordId); !s)
            return s;
    } else {
        LocalRecord record;
        record.data = base;
        record.rev = current->has_value() ? (*current)->rev : oldest.baseRev;
        if (Status s = collection->write(db, oldest.recordId, record); !s)
            return s;
    }
    return audit::append(db, actor, oldest.collection, oldest.recordId,
                         QStringLiteral("discardRevert"), audit::diff(before, base));
}

} // namespace

Result<int> countInState(Database &db, const QString &state)
{
    auto q =
        db.exec(QStringLiteral("store.outbox.read"),
                QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"), QVariantList{state});
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<QList<OutboxEntry>> entries(Database &db, const QList<qint64> &seqs)
{
    QList<OutboxEntry> list;
    for (qsizetype from = 0; from < seqs.size(); from += SeqsPerQuery) {
        const QList<qint64> chunk = seqs.mid(from, SeqsPerQuery);
        auto q = db.exec(QStringLiteral("store.outbox.read"),
                         QStringLiteral("SELECT %1 FROM outbox WHERE seq IN (%2)")
                             .arg(entryColumns(), marks(chunk.size())),
                         bindsOf(chunk));
        if (!q)
            return q.error();
        while (q.value().next())
            list.append(entryFromQuery(q.value()));
    }
    std::sort(list.begin(), list.end(),
              [](const OutboxEntry &a, const OutboxEntry &b) { return a.seq < b.seq; });
    return list;
}

Status retry(Database &db, const QList<qint64> &seqs, const QString &actor)
{
    return db.transaction([&]() -> Status {
        auto found = entries(db, seqs);
        if (!found)
            return found.error();
        for (qsizetype from = 0; from < seqs.size(); from += SeqsPerQuery) {
            const QList<qint64> chunk = seqs.mid(from, SeqsPerQuery);
            if (auto q = db.exec(QStringLiteral("store.outbox.update"),
                                 QStringLiteral("UPDATE outbox SET state = 'pending', "
                                                "next_try_at = NULL WHERE seq IN (%1)")
                                     .arg(marks(chunk.size())),
                                 bindsOf(chunk));
                !q)
                return q.error();
        }
        for (const OutboxEntry &e : found.value()) {
            const QJsonObject changes{
                {QStringLiteral("outboxState"), QJsonArray{e.state, QStringLiteral("pending")}},
                {QStringLiteral("opId"), QJsonArray{e.opId, e.opId}}};
            if (Status s = audit::append(db, actor, e.collection, e.recordId,
                                         QStringLiteral("outboxRetry"), changes);
                !s)
                return s;
        }
        return {};
    });
}

Status discard(Database &db, const LocalCollections &collections, const QList<qint64> &seqs,
               const QString &actor)
{
    return db.transaction([&]() -> Status {
        auto found = entries(db, seqs);
        if (!found)
            return found.error();
        for (qsizetype from = 0; from < seqs.size(); from += SeqsPerQuery) {
            const QList<qint64> chunk = seqs.mid(from, SeqsPerQuery);
            if (auto q = db.exec(
                    QStringLiteral("store.outbox.delete"),
                    QStringLiteral("DELETE FROM outbox WHERE seq IN (%1)").arg(marks(chunk.size())),
                    bindsOf(chunk));
                !q)
                return q.error();
        }
        // The discarded entries of each record, oldest first (entries() sorts by seq).
        QList<QPair<QString, QString>> records;
        QHash<QPair<QString, QString>, QList<OutboxEntry>> byRecord;
        for (const OutboxEntry &e : found.value()) {
            const auto key = qMakePair(e.collection, e.recordId);
            if (!byRecord.contains(key))
                records.append(key);
            byRecord[key].append(e);
            const QJsonObject changes{
                {QStringLiteral("discarded"), QJsonArray{e.opId, QJsonValue()}},
                {QStringLiteral("kind"), QJsonArray{e.kind, QJsonValue()}}};
            if (Status s = audit::append(db, actor, e.collection, e.recordId,
                                         QStringLiteral("outboxDiscard"), changes);
                !s)
                return s;
        }
        ConflictStore conflicts(db, collections, actor);
        for (const auto &key : records) {
            auto newest = newestSeq(db, key.first, key.second);
            if (!newest)
                return newest.error();
            auto conflict = conflicts.forRecord(key.first, key.second);
            if (!conflict)
                return conflict.error();
            if (conflict->has_value()) {
                // Giving up my change of a record in conflict is keeping the server's.
                if (newest.value() == 0) {
                    if (Status s = conflicts.keepTheirs({(*conflict)->id}); !s)
                        return s;
                }
                continue;
            }
            const QList<OutboxEntry> &gone = byRecord.value(key);
            for (const OutboxEntry &e : gone) {
                if (e.seq > newest.value()) {
                    if (Status s = revert(db, collections, e, actor); !s)
                        return s;
                    break;
                }
            }
        }
        return {};
    });
}

} // namespace jl::models::outbox
