// The full resync (sync.md §5, §6): everything downloaded again into a shadow table, compared
// with the local tables and swapped in one transaction. Queued local changes are never
// touched; after a new server epoch nothing local is deleted either.
#include "models/store/database.h"
#include "sync/collections/collectionregistry.h"
#include "sync/syncengine.h"
#include "sync/threewaymerge.h"

#include <QJsonDocument>
#include <QSet>

namespace jl::sync {

using models::Database;
using models::Status;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

SyncEngine::Step SyncEngine::resync(bool newEpoch, Outcome &outcome)
{
    report(SyncStatus::Phase::Resyncing, 0, -1);
    // A temporary table: a crash or a cancel leaves nothing behind, and the next run's 410
    // starts the download again.
    for (const QString &sql :
         {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS sync_shadow (collection TEXT NOT NULL, "
                         "id TEXT NOT NULL, rev INTEGER NOT NULL, deleted INTEGER NOT NULL, "
                         "updated_at TEXT NOT NULL, data TEXT NOT NULL, "
                         "PRIMARY KEY (collection, id))"),
          QStringLiteral("DELETE FROM sync_shadow")}) {
        if (auto q = m_db.exec(QStringLiteral("sync.shadow.write"), sql); !q) {
            outcome = Outcome{Result::Failed, q.error().message, {}, 0, 0};
            return Step::Stop;
        }
    }
    QString cursor;
    QString epoch;
    qint64 done = 0;
    for (;;) {
        if (cancelled()) {
            outcome.result = Result::Cancelled;
            return Step::Stop;
        }
        auto answer = m_remote.changes(cursor, m_options.pageSize);
        if (auto *error = std::get_if<RemoteError>(&answer)) {
            // A 410 on an empty cursor would be a server fault: wait rather than loop.
            handleRemoteError(error->kind == RemoteError::Kind::Gone
                                  ? RemoteError{RemoteError::Kind::Server, 410, error->message}
                                  : *error,
                              outcome);
            return Step::Stop;
        }
        const ChangesPage &page = std::get<ChangesPage>(answer);
        Status s = m_db.transaction([&]() -> Status {
            for (const RemoteChange &c : page.changes) {
                auto q = m_db.exec(
                    QStringLiteral("sync.shadow.write"),
                    QStringLiteral("INSERT INTO sync_shadow (collection, id, rev, deleted, "
                                   "updated_at, data) VALUES (?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT(collection, id) DO UPDATE SET rev = excluded.rev, "
                                   "deleted = excluded.deleted, updated_at = excluded.updated_at, "
                                   "data = excluded.data"),
                    QVariantList{c.collection, c.id, c.rev, c.deleted ? 1 : 0,
                                 c.data.value(u"updatedAt").toString(),
                                 QString::fromUtf8(compact(c.data))});
                if (!q)
                    return q.error();
            }
            return noteAttachments(page); // their files come down after the swap
        });
        if (!s) {
            outcome = Outcome{Result::Failed, s.error().message, {}, 0, 0};
            return Step::Stop;
        }
        done += page.changes.size();
        report(SyncStatus::Phase::Resyncing, done, -1);
        cursor = page.cursor;
        epoch = page.epoch;
        if (!page.hasMore || page.changes.isEmpty())
            break;
    }
    bool held = false;
    if (Status s = swapIn(newEpoch, cursor, epoch, outcome, held); !s) {
        if (!held)
            outcome = Outcome{Result::Failed, s.error().message, {}, 0, 0};
        return Step::Stop;
    }
    m_queuedMore = true;
    m_changed = true;
    return Step::Continue;
}

Status SyncEngine::swapIn(bool newEpoch, const QString &cursor, const QString &epoch,
                          Outcome &outcome, bool &held)
{
    return m_db.transaction([&]() -> Status {
        auto names = m_collections.names(m_db);
        if (!names)
            return names.error();
        QStringList collections = names.value();
        auto shadowNames = m_db.exec(QStringLiteral("sync.shadow.read"),
                                     QStringLiteral("SELECT DISTINCT collection FROM sync_shadow"));
        if (!shadowNames)
            return shadowNames.error();
        while (shadowNames.value().next()) {
            const QString n = shadowNames.value().value(0).toString();
            if (!collections.contains(n))
                collections.append(n);
        }
        for (const QString &name : collections) {
            const SyncCollection &collection = m_collections.get(name);
            auto localRevs = collection.allRevisions(m_db);
            if (!localRevs)
                return localRevs.error();
            auto queuedQ = m_db.exec(QStringLiteral("sync.outbox.read"),
                                     QStringLiteral("SELECT DISTINCT record_id FROM outbox WHERE "
                                                    "collection = ? AND state IN ('pending', "
                                                    "'conflict')"),
                                     QVariantList{name});
            if (!queuedQ)
                return queuedQ.error();
            QSet<QString> queued;
            while (queuedQ.value().next())
                queued.insert(queuedQ.value().value(0).toString());

            auto shadow = m_db.exec(QStringLiteral("sync.shadow.read"),
                                    QStringLiteral("SELECT id, rev, deleted, updated_at, data "
                                                   "FROM sync_shadow WHERE collection = ?"),
                                    QVariantList{name});
            if (!shadow)
                return shadow.error();
            QSet<QString> live;
            QList<SyncedRecord> toStore;
            while (shadow.value().next()) {
                SyncedRecord r;
                r.id = shadow.value().value(0).toString();
                r.rev = shadow.value().value(1).toLongLong();
                r.deleted = shadow.value().value(2).toInt() != 0;
                r.updatedAt = shadow.value().value(3).toString();
                r.data =
                    QJsonDocument::fromJson(shadow.value().value(4).toString().toUtf8()).object();
                if (r.deleted)
                    continue;
                live.insert(r.id);
                if (queued.contains(r.id))
                    continue; // read-your-writes: my change goes first, then merges on 412
                const auto found = localRevs->constFind(r.id);
                // A rebuild rewrites the same revision too: the local copy may be damaged.
                if (found != localRevs->cend() && found.value() == r.rev && !m_rebuilding)
                    continue;
                if (newEpoch && found != localRevs->cend() && found.value() > r.rev) {
                    // The restored server lost changes it had acknowledged: the user sees
                    // both versions instead of losing mine silently.
                    auto mine = collection.read(m_db, r.id);
                    if (!mine)
                        return mine.error();
                    if (mine->has_value()) {
                        const QStringList fields = changedFields(r.data, (*mine)->data);
                        if (!fields.isEmpty()) {
                            if (Status s = recordConflict(name, r.id, fields, (*mine)->data, r.data,
                                                          r.data, r.rev, false, false);
                                !s)
                                return s;
                        }
                    }
                }
                toStore.append(r);
            }
            for (const SyncedRecord &r : toStore) {
                if (Status s = collection.store(m_db, r); !s)
                    return s;
            }
            // Local records the server does not have (any more).
            QStringList missing;
            for (auto it = localRevs->cbegin(); it != localRevs->cend(); ++it) {
                if (!live.contains(it.key()) && !queued.contains(it.key()))
                    missing.append(it.key());
            }
            if (missing.isEmpty())
                continue;
            if (newEpoch) {
                // Nothing local is deleted: each goes up again as a create; a server tombstone
                // answers 412 and the user decides (sync.md §6).
                for (const QString &id : missing) {
                    auto mine = collection.read(m_db, id);
                    if (!mine)
                        return mine.error();
                    if (!mine->has_value())
                        continue;
                    if (Status s = models::outbox::append(m_db, name, id, QStringLiteral("upsert"),
                                                          0, compact((*mine)->data));
                        !s)
                        return s;
                }
                continue;
            }
            const int total = int(localRevs->size());
            const int count = int(missing.size());
            if (!m_massDeleteApproved && count > m_options.massDeleteMinimum &&
                qint64(count) * 100 > qint64(total) * m_options.massDeletePercent) {
                held = true;
                outcome = Outcome{Result::WaitingForUser,
                                  tr("The server no longer has %1 of the %2 local records of "
                                     "this kind. Confirm before they are deleted here.")
                                      .arg(count)
                                      .arg(total),
                                  name, count, total};
                return models::Error{outcome.message, QStringLiteral("mass-delete guard")};
            }
            for (const QString &id : missing) {
                if (Status s = collection.remove(m_db, id); !s)
                    return s;
            }
        }
        if (Status s = m_db.setMeta(cursorKey(), cursor); !s)
            return s;
        if (!epoch.isEmpty()) {
            if (Status s = m_db.setMeta(epochKey(), epoch); !s)
                return s;
        }
        return {};
    });
}

} // namespace jl::sync
