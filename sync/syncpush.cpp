// The push half of a sync run (sync.md §9–12, §15): the outbox in order, in batches.
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/outbox.h"
#include "sync/collections/collectionregistry.h"
#include "sync/collections/syncwriter.h"
#include "sync/syncengine.h"
#include "sync/threewaymerge.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

namespace jl::sync {

using models::Database;
using models::OutboxEntry;
using models::Status;

namespace {

QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

bool isRetryable(int status)
{
    // 0: no answer for this entry; 409: its key is in flight elsewhere; 424: not run after a
    // stop; 429 and 5xx: the server asks for patience.
    return status == 0 || status == 408 || status == 409 || status == 424 || status == 429 ||
           status >= 500;
}

} // namespace

models::Result<QList<OutboxEntry>> SyncEngine::nextBatch()
{
    auto q = m_db.exec(QStringLiteral("sync.outbox.read"),
                       QStringLiteral("SELECT %1 FROM outbox WHERE state = 'pending' "
                                      "ORDER BY seq LIMIT ?")
                           .arg(models::outbox::entryColumns()),
                       QVariantList{m_remote.maxBatch()});
    if (!q)
        return q.error();
    QList<OutboxEntry> batch;
    QSet<QString> records;
    const QString now = nowText();
    while (q.value().next()) {
        const OutboxEntry e = models::outbox::entryFromQuery(q.value());
        const QString &nextTry = e.nextTryAt;
        // Order is kept: the first entry waiting for its backoff holds the ones after it.
        if (!nextTry.isEmpty() && nextTry > now)
            break;
        // A second change of a record waits for the first one's answer: it is sent on the
        // revision that answer brings (If-Match), in the next batch.
        const QString key = e.collection + QLatin1Char('/') + e.recordId;
        if (records.contains(key))
            break;
        records.insert(key);
        batch.append(e);
    }
    return batch;
}

SyncEngine::Step SyncEngine::push(Outcome &outcome)
{
    const qint64 total = status().pending;
    qint64 done = 0;
    report(SyncStatus::Phase::Pushing, done, total);
    for (;;) {
        if (cancelled()) {
            outcome.result = Result::Cancelled;
            return Step::Stop;
        }
        auto batch = nextBatch();
        if (!batch) {
            outcome = Outcome{Result::Failed, batch.error().message, {}, 0, 0};
            return Step::Stop;
        }
        if (batch->isEmpty())
            return Step::Continue;
        // The files the entries name go up first (sync.md §16, syncattachments.cpp).
        if (uploadAttachments(batch.value(), outcome) == Step::Stop)
            return Step::Stop;
        if (batch->isEmpty())
            continue;

        QList<PushEntry> entries;
        for (const OutboxEntry &e : batch.value()) {
            PushEntry p;
            p.key = e.opId;
            p.collection = e.collection;
            p.recordId = e.recordId;
            p.kind = e.kind;
            p.command = e.command;
            p.baseRev = e.baseRev;
            p.payload = object(e.payload);
            entries.append(p);
        }
        auto answer = m_remote.push(entries);
        if (auto *error = std::get_if<RemoteError>(&answer)) {
            if (error->kind == RemoteError::Kind::Rejected ||
                error->kind == RemoteError::Kind::NotFound ||
                error->kind == RemoteError::Kind::Gone ||
                error->kind == RemoteError::Kind::BadReply) {
                // The batch as a whole was refused (too large, malformed answer): nothing of
                // it is known to be applied, so it waits and goes again; nothing is dropped.
                RemoteError retry = *error;
                retry.kind = RemoteError::Kind::Server;
                handleRemoteError(retry, outcome);
            } else {
                handleRemoteError(*error, outcome);
            }
            if (outcome.result == Result::Incomplete) {
                if (Status s =
                        backOff(batch->first(), error->message, error->retryAfterSeconds, true);
                    !s)
                    outcome = Outcome{Result::Failed, s.error().message, {}, 0, 0};
            }
            return Step::Stop;
        }
        const PushReply &reply = std::get<PushReply>(answer);
        bool again = false;
        QList<std::pair<OutboxEntry, PushResult>> answered;
        // Acknowledged entries are written together before anything else of the batch is.
        auto flush = [&]() -> Status {
            Status s = acknowledge(answered);
            answered.clear();
            return s;
        };
        for (qsizetype n = 0; n < batch->size(); ++n) {
            const OutboxEntry &e = batch->at(n);
            const PushResult result = n < reply.results.size() ? reply.results.at(n) : PushResult{};
            const int code = result.status;
            Status s;
            if (code / 100 == 2) {
                answered.append({e, result});
                ++done;
                continue;
            }
            if (Status f = flush(); !f) {
                outcome = Outcome{Result::Failed, f.error().message, {}, 0, 0};
                return Step::Stop;
            }
            if (code == 412 && e.kind == QLatin1String("command")) {
                s = rebaseCommand(e, result); // synccommands.cpp
                again = true;
            } else if (code == 412) {
                s = merge(e, result);
            } else if (code == 404 && e.kind == QLatin1String("delete")) {
                s = acknowledgeGone(e); // already deleted there: what I wanted
            } else if (code == 404 && e.kind == QLatin1String("upsert") && e.baseRev != 0) {
                // The server lacks a record I had from it (restored from a backup): my
                // change makes it again, as a create, after the ones before it.
                s = asCreate(e);
                again = true;
            } else if (code == 401) {
                outcome = Outcome{Result::NeedsLogin, result.message, {}, 0, 0};
                return Step::Stop;
            } else if (code == 426) {
                handleRemoteError(RemoteError{RemoteError::Kind::UpgradeRequired, 426,
                                              result.message, 0,
                                              result.body.value(u"minVersion").toInt()},
                                  outcome);
                return Step::Stop;
            } else if (isRetryable(code) && !result.refused) {
                if (Status b = backOff(e,
                                       result.message.isEmpty() ? tr("The server did not take "
                                                                     "the change yet.")
                                                                : result.message,
                                       0, code != 424);
                    !b)
                    outcome = Outcome{Result::Failed, b.error().message, {}, 0, 0};
                else
                    outcome = Outcome{Result::Incomplete, result.message, {}, 0, 0};
                return Step::Stop;
            } else {
                s = reject(e, result.message);
            }
            if (!s) {
                outcome = Outcome{Result::Failed, s.error().message, {}, 0, 0};
                return Step::Stop;
            }
            m_changed = true; // revisions, merges and rejections show in the lists
            ++done;
            if (again)
                break;
        }
        if (Status f = flush(); !f) {
            outcome = Outcome{Result::Failed, f.error().message, {}, 0, 0};
            return Step::Stop;
        }
        m_changed = true;
        // Once per batch: the counts are queries, too slow to repeat for every entry.
        report(SyncStatus::Phase::Pushing, done, total);
    }
}

bool SyncEngine::handleRemoteError(const RemoteError &error, Outcome &outcome)
{
    switch (error.kind) {
    case RemoteError::Kind::LoginRequired:
        outcome = Outcome{Result::NeedsLogin,
                          tr("Please log in again. Your unsynced changes are kept."),
                          {},
                          0,
                          0};
        return true;
    case RemoteError::Kind::UpgradeRequired:
        outcome = Outcome{Result::UpgradeRequired,
                          tr("The server needs a newer version of this program (protocol "
                             "version %1 or later). Please update it; your changes are kept.")
                              .arg(error.minVersion),
                          {},
                          0,
                          0};
        return true;
    case RemoteError::Kind::Cancelled:
        outcome = Outcome{Result::Cancelled, {}, {}, 0, 0};
        return true;
    default:
        outcome = Outcome{Result::Incomplete,
                          error.message.isEmpty()
                              ? tr("The server could not be reached. Changes are kept and sent "
                                   "later.")
                              : error.message,
                          {},
                          0,
                          0};
        return true;
    }
}

Status SyncEngine::acknowledge(const QList<std::pair<OutboxEntry, PushResult>> &answered)
{
    if (answered.isEmpty())
        return {};
    // Between the server's answer and the removal: a crash here must neither lose the
    // changes nor send them twice (the retry carries the same keys and gets the same answers).
    if (models::failpoints::hit(QStringLiteral("sync.push.acked")))
        return Database::sqlError(Database::failedMessage(),
                                  QStringLiteral("failpoint sync.push.acked"));
    // One transaction for the batch's acknowledged entries: each entry leaves together with
    // its record's new revision, and a batch costs one commit, not one per entry.
    return m_db.transaction([&]() -> Status {
        // How many pending entries each record has, read for the whole batch (one query per
        // 500 ids) instead of once per entry.
        QHash<QString, QStringList> idsBy;
        for (const auto &[entry, result] : answered)
            idsBy[entry.collection].append(entry.recordId);
        QHash<QString, int> pending; // "collection/id" -> pending entries
        QHash<QString, int> inBatch;
        for (auto it = idsBy.cbegin(); it != idsBy.cend(); ++it) {
            constexpr qsizetype IdsPerQuery = 500;
            for (qsizetype from = 0; from < it.value().size(); from += IdsPerQuery) {
                const QStringList chunk = it.value().mid(from, IdsPerQuery);
                QVariantList binds{it.key()};
                for (const QString &id : chunk) {
                    binds.append(id);
                    ++inBatch[it.key() + QLatin1Char('/') + id];
                }
                auto q = m_db.exec(
                    QStringLiteral("sync.outbox.read"),
                    QStringLiteral("SELECT record_id, COUNT(*) FROM outbox WHERE collection = ? "
                                   "AND state = 'pending' AND record_id IN (%1) GROUP BY record_id")
                        .arg(QStringList(chunk.size(), QStringLiteral("?")).join(u',')),
                    binds);
                if (!q)
                    return q.error();
                while (q.value().next())
                    pending.insert(it.key() + QLatin1Char('/') + q.value().value(0).toString(),
                                   q.value().value(1).toInt());
            }
        }
        auto remove = m_db.prepare(QStringLiteral("sync.outbox.delete"),
                                   QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
        if (!remove)
            return remove.error();
        SyncWriter writer(m_db); // the batch's record writes, prepared once
        for (const auto &[entry, result] : answered) {
            const QString key = entry.collection + QLatin1Char('/') + entry.recordId;
            const SyncedRecord server = recordFromBody(entry.recordId, result.body);
            // The usual case (the record's only queued change, answered with the record) goes
            // through the prepared statements; the rest as acknowledgeOne() always did.
            if (pending.value(key) != 1 || inBatch.value(key) != 1 || server.rev <= 0 ||
                (!server.deleted && server.data.isEmpty())) {
                if (Status s = acknowledgeOne(entry, result); !s)
                    return s;
                continue;
            }
            if (Status s = remove->run({entry.seq}); !s)
                return s;
            const SyncCollection &collection = m_collections.get(entry.collection);
            if (Status s = server.deleted ? writer.remove(collection, entry.recordId)
                                          : writer.store(collection, server);
                !s)
                return s;
        }
        return {};
    });
}

Status SyncEngine::acknowledgeOne(const OutboxEntry &e, const PushResult &result)
{
    const SyncedRecord server = recordFromBody(e.recordId, result.body);
    const SyncCollection &collection = m_collections.get(e.collection);
    if (auto q = m_db.exec(QStringLiteral("sync.outbox.delete"),
                           QStringLiteral("DELETE FROM outbox WHERE seq = ?"), QVariantList{e.seq});
        !q)
        return q.error();
    auto later = m_db.exec(QStringLiteral("sync.outbox.read"),
                           QStringLiteral("SELECT COUNT(*) FROM outbox WHERE collection = ? "
                                          "AND record_id = ? AND state = 'pending'"),
                           QVariantList{e.collection, e.recordId});
    if (!later)
        return later.error();
    const bool moreQueued = later.value().next() && later.value().value(0).toInt() > 0;
    if (server.rev <= 0)
        return {}; // an answer without a record (a command's): nothing to take over
    if (moreQueued) {
        // Later changes of the record are the newest truth locally; they go on the
        // revision this answer made.
        if (auto q = m_db.exec(QStringLiteral("sync.outbox.write"),
                               QStringLiteral("UPDATE outbox SET base_rev = ? WHERE "
                                              "collection = ? AND record_id = ? AND "
                                              "state = 'pending'"),
                               QVariantList{server.rev, e.collection, e.recordId});
            !q)
            return q.error();
        auto local = collection.read(m_db, e.recordId);
        if (!local)
            return local.error();
        if (!local->has_value() || (*local)->deleted)
            return {};
        SyncedRecord keep = **local;
        keep.rev = server.rev;
        return collection.store(m_db, keep);
    }
    if (server.deleted)
        return collection.remove(m_db, e.recordId);
    SyncedRecord stored = server;
    if (stored.data.isEmpty()) {
        auto local = collection.read(m_db, e.recordId);
        if (!local)
            return local.error();
        if (!local->has_value())
            return {};
        stored.data = (*local)->data;
    }
    return collection.store(m_db, stored);
}

Status SyncEngine::acknowledgeGone(const OutboxEntry &e)
{
    PushResult gone;
    gone.body = QJsonObject{{QStringLiteral("id"), e.recordId},
                            {QStringLiteral("rev"), qint64(e.baseRev)},
                            {QStringLiteral("deleted"), true}};
    return acknowledge({{e, gone}});
}

Status SyncEngine::asCreate(const OutboxEntry &e)
{
    // A new operation with a new key: the server keeps its 404 under the old key, and the
    // same key with another base would be refused as a reuse (422). The 404 was a definite
    // answer (nothing applied), so the new key cannot apply the change twice.
    m_queuedMore = true;
    auto q = m_db.exec(
        QStringLiteral("sync.outbox.write"),
        QStringLiteral("UPDATE outbox SET op_id = ?, base_rev = 0, base = '{}' WHERE seq = ?"),
        QVariantList{QUuid::createUuid().toString(QUuid::WithoutBraces), e.seq});
    return q ? Status{} : Status{q.error()};
}

Status SyncEngine::reject(const OutboxEntry &e, const QString &message)
{
    auto q = m_db.exec(
        QStringLiteral("sync.outbox.write"),
        QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = "
                       "attempts + 1, last_error = ? WHERE seq = ?"),
        QVariantList{message.isEmpty() ? tr("The server refused this change.") : message, e.seq});
    return q ? Status{} : Status{q.error()};
}

Status SyncEngine::backOff(const OutboxEntry &e, const QString &message, int retryAfterSeconds,
                           bool countAttempt)
{
    const int attempts = e.attempts + (countAttempt ? 1 : 0);
    // Exponential with full jitter over the upper half: clients that failed together do not
    // come back together.
    const qint64 ceiling =
        qMin<qint64>(m_options.backoffMaxSeconds, qint64(m_options.backoffBaseSeconds)
                                                      << qMin(attempts > 0 ? attempts - 1 : 0, 20));
    qint64 delay = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    delay = qMax<qint64>(delay, retryAfterSeconds);
    auto q = m_db.exec(
        QStringLiteral("sync.outbox.write"),
        QStringLiteral("UPDATE outbox SET attempts = ?, next_try_at = ?, "
                       "last_error = ? WHERE seq = ?"),
        QVariantList{attempts,
                     QDateTime::currentDateTimeUtc().addSecs(delay).toString(Qt::ISODateWithMs),
                     message, e.seq});
    return q ? Status{} : Status{q.error()};
}

Status SyncEngine::merge(const OutboxEntry &e, const PushResult &result)
{
    const SyncedRecord theirs = recordFromBody(e.recordId, result.body);
    const SyncCollection &collection = m_collections.get(e.collection);
    return m_db.transaction([&]() -> Status {
        auto local = collection.read(m_db, e.recordId);
        if (!local)
            return local.error();
        MergeInput in;
        in.base = object(e.base);
        in.mineDeleted = !local->has_value() || (*local)->deleted;
        in.mine = local->has_value() ? (*local)->data : QJsonObject();
        in.theirs = theirs.data;
        in.theirsDeleted = theirs.deleted;
        const MergeOutcome out = threeWayMerge(in);

        const QVariantList record{e.collection, e.recordId};
        const bool conflict = out.kind == MergeOutcome::Kind::Conflict;
        // The record's queued changes are all rebased at once: they go (merged) or wait
        // for the user (conflict), in this one transaction.
        auto q = m_db.exec(QStringLiteral("sync.outbox.write"),
                           conflict ? QStringLiteral("UPDATE outbox SET state = 'conflict', "
                                                     "last_error = ? WHERE collection = ? AND "
                                                     "record_id = ? AND state = 'pending'")
                                    : QStringLiteral("DELETE FROM outbox WHERE collection = ? AND "
                                                     "record_id = ? AND state = 'pending'"),
                           conflict ? QVariantList{tr("Changed on the server too: see Conflicts."),
                                                   e.collection, e.recordId}
                                    : record);
        if (!q)
            return q.error();
        if (conflict) {
            if (Status s =
                    recordConflict(e.collection, e.recordId, out.fields, in.mine, theirs.data,
                                   in.base, theirs.rev, out.serverDeleted, out.localDeleted);
                !s)
                return s;
        }
        if (out.kind == MergeOutcome::Kind::BothDeleted || (out.deleted && out.serverDeleted)) {
            if (local->has_value())
                return collection.remove(m_db, e.recordId);
            return {};
        }
        if (out.deleted) {
            // My delete, on the server's revision: the local tombstone stays until acknowledged.
            m_queuedMore = true;
            return models::outbox::append(m_db, e.collection, e.recordId, QStringLiteral("delete"),
                                          theirs.rev, compact(in.mine), {}, compact(theirs.data));
        }
        SyncedRecord keep;
        keep.id = e.recordId;
        keep.rev = theirs.rev;
        keep.updatedAt = theirs.updatedAt;
        keep.data = out.merged;
        if (Status s = collection.store(m_db, keep); !s)
            return s;
        if (!out.needsPush)
            return {};
        m_queuedMore = true;
        return models::outbox::append(m_db, e.collection, e.recordId, QStringLiteral("upsert"),
                                      theirs.rev, compact(out.merged), {}, compact(theirs.data));
    });
}

} // namespace jl::sync
