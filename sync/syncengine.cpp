#include "sync/syncengine.h"

#include "models/store/database.h"
#include "sync/collections/collectionregistry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <utility>

namespace jl::sync {

using models::Database;
using models::Status;

SyncEngine::SyncEngine(Database &db, RemoteApi &remote, const CollectionRegistry &collections,
                       SyncOptions options)
    : m_db(db)
    , m_remote(remote)
    , m_collections(collections)
    , m_options(options)
{}

SyncEngine::~SyncEngine() = default;

QString SyncEngine::cursorKey()
{
    return QStringLiteral("sync.cursor");
}

QString SyncEngine::epochKey()
{
    return QStringLiteral("sync.epoch");
}

QString SyncEngine::lastSyncedKey()
{
    return QStringLiteral("sync.lastSyncedAt");
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    m_remote.cancel();
}

SyncEngine::Outcome SyncEngine::run()
{
    m_cancelled = false;
    m_queuedMore = false;
    m_changed = false;
    // An approval answers one question: the next run asks again.
    const bool approved = m_massDeleteApproved;
    struct ResetApproval {
        bool &flag;
        bool used;
        ~ResetApproval()
        {
            if (used)
                flag = false;
        }
    } reset{m_massDeleteApproved, approved};
    m_deletedThisRun.clear();
    m_countAtStart.clear();
    // A requested rebuild belongs to this run whatever its end: cancelled, it leaves the
    // cache as it was and the user may ask again.
    const bool rebuild = std::exchange(m_rebuildRequested, false);
    Outcome outcome;

    const Step pushed = push(outcome);
    if (pushed == Step::Stop && outcome.result != Result::Incomplete) {
        report(SyncStatus::Phase::Idle, 0, -1);
        return outcome;
    }
    // A push that failed on the network still lets the pull try: a server that refuses
    // writes for a while (5xx, 429) may well serve the feed.
    const bool pushIncomplete = outcome.result == Result::Incomplete;
    Outcome pulled;
    m_rebuilding = rebuild;
    const Step fetched = m_rebuilding ? resync(false, pulled) : pull(pulled);
    m_rebuilding = false;
    if (fetched == Step::Stop) {
        report(SyncStatus::Phase::Idle, 0, -1);
        if (pushIncomplete && pulled.result == Result::Incomplete)
            return outcome;
        return pulled;
    }
    // The files the pulled records name, now that the records are in place (syncattachments).
    fetchAttachments();
    if (cancelled()) {
        // The records are in; the files not yet fetched stay listed for the next run.
        report(SyncStatus::Phase::Idle, 0, -1);
        return Outcome{Result::Cancelled, {}, {}, 0, 0};
    }
    // A resync or a merge queued changes (local records the server lacks, rebased edits):
    // they go now rather than at the next run.
    if (m_queuedMore && !pushIncomplete) {
        if (push(outcome) == Step::Stop) {
            report(SyncStatus::Phase::Idle, 0, -1);
            return outcome;
        }
    }
    if (!pushIncomplete) {
        if (Status s = m_db.setMeta(lastSyncedKey(),
                                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            !s)
            return Outcome{Result::Failed, s.error().message, {}, 0, 0};
    }
    report(SyncStatus::Phase::Idle, 0, -1);
    return outcome;
}

SyncStatus SyncEngine::status()
{
    SyncStatus s;
    auto count = [this](const QString &sql) {
        auto q = m_db.exec(QStringLiteral("sync.status.read"), sql);
        return q && q.value().next() ? q.value().value(0).toInt() : 0;
    };
    s.pending = count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"));
    s.failed = count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected'"));
    s.conflicts = count(QStringLiteral("SELECT COUNT(*) FROM conflict"));
    s.lastSyncedAt = QDateTime::fromString(m_db.meta(lastSyncedKey()), Qt::ISODateWithMs);
    return s;
}

void SyncEngine::report(SyncStatus::Phase phase, qint64 done, qint64 total)
{
    if (!m_progress)
        return;
    SyncStatus s = status();
    s.phase = phase;
    s.done = done;
    s.total = total;
    m_progress(s);
}

models::Result<QSet<QString>> SyncEngine::queuedRecords(const QString &collection,
                                                        const QStringList &ids)
{
    QSet<QString> queued;
    constexpr qsizetype IdsPerQuery = 500;
    for (qsizetype from = 0; from < ids.size(); from += IdsPerQuery) {
        const QStringList chunk = ids.mid(from, IdsPerQuery);
        QVariantList binds{collection};
        for (const QString &id : chunk)
            binds.append(id);
        auto q = m_db.exec(QStringLiteral("sync.outbox.read"),
                           QStringLiteral("SELECT DISTINCT record_id FROM outbox WHERE "
                                          "collection = ? AND state IN ('pending', 'conflict') "
                                          "AND record_id IN (%1)")
                               .arg(QStringList(chunk.size(), QStringLiteral("?")).join(u',')),
                           binds);
        if (!q)
            return q.error();
        while (q.value().next())
            queued.insert(q.value().value(0).toString());
    }
    return queued;
}

Status SyncEngine::recordConflict(const QString &collection, const QString &id,
                                  const QStringList &fields, const QJsonObject &mine,
                                  const QJsonObject &theirs, const QJsonObject &base,
                                  qint64 serverRev, bool serverDeleted, bool localDeleted)
{
    auto json = [](const QJsonObject &o) {
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    auto q = m_db.exec(
        QStringLiteral("sync.conflict.write"),
        QStringLiteral(
            "INSERT INTO conflict (collection, record_id, fields, mine, theirs, base, "
            "server_rev, server_deleted, local_deleted, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(collection, record_id) DO UPDATE SET fields = excluded.fields, "
            "mine = excluded.mine, theirs = excluded.theirs, base = excluded.base, "
            "server_rev = excluded.server_rev, server_deleted = excluded.server_deleted, "
            "local_deleted = excluded.local_deleted, created_at = excluded.created_at"),
        QVariantList{
            collection, id,
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(fields)).toJson(QJsonDocument::Compact)),
            json(mine), json(theirs), json(base), serverRev, serverDeleted ? 1 : 0,
            localDeleted ? 1 : 0, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    return q ? Status{} : Status{q.error()};
}

SyncedRecord recordFromBody(const QString &id, const QJsonObject &body)
{
    const QJsonObject record = body.contains(QStringLiteral("current"))
                                   ? body.value(QStringLiteral("current")).toObject()
                                   : body;
    SyncedRecord r;
    r.id = record.value(QStringLiteral("id")).toString(id);
    r.rev = record.value(QStringLiteral("rev")).toInteger();
    r.deleted = record.value(QStringLiteral("deleted")).toBool();
    r.updatedAt = record.value(QStringLiteral("updatedAt")).toString();
    r.data = record.value(QStringLiteral("data")).toObject();
    return r;
}

} // namespace jl::sync
