// The pull half of a sync run (sync.md §1–8): the changes feed page by page, and the full
// resync after 410 or a new server epoch.
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "sync/collections/collectionregistry.h"
#include "sync/collections/syncwriter.h"
#include "sync/syncengine.h"
#include "sync/threewaymerge.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

namespace jl::sync {

using models::Database;
using models::Status;

namespace {

QString compactText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

SyncEngine::Step SyncEngine::pull(Outcome &outcome)
{
    QString cursor = m_db.meta(cursorKey());
    const QString epoch = m_db.meta(epochKey());
    qint64 done = 0;
    report(SyncStatus::Phase::Pulling, done, -1);
    for (;;) {
        if (cancelled()) {
            outcome.result = Result::Cancelled;
            return Step::Stop;
        }
        auto answer = m_remote.changes(cursor, m_options.pageSize);
        if (auto *error = std::get_if<RemoteError>(&answer)) {
            if (error->kind != RemoteError::Kind::Gone) {
                handleRemoteError(*error, outcome);
                return Step::Stop;
            }
            // 410: the cursor is older than the tombstones, or from another epoch. Which
            // one decides whether anything local may be deleted (sync.md §5, §6).
            auto current = m_remote.epoch();
            if (auto *e = std::get_if<RemoteError>(&current)) {
                handleRemoteError(*e, outcome);
                return Step::Stop;
            }
            const QString serverEpoch = std::get<QString>(current);
            return resync(!epoch.isEmpty() && serverEpoch != epoch, outcome);
        }
        const ChangesPage &page = std::get<ChangesPage>(answer);
        if (!epoch.isEmpty() && !page.epoch.isEmpty() && page.epoch != epoch)
            return resync(true, outcome);
        if (!guardHolds(page, outcome))
            return Step::Stop;
        // The next page's cursor is known before this one is applied: ask for it now, so
        // the server builds it while this thread writes (a first sync's two halves overlap).
        if (page.hasMore && !page.changes.isEmpty())
            m_remote.prefetchChanges(page.cursor, m_options.pageSize);
        if (Status s = applyPage(page); !s) {
            outcome = Outcome{Result::Failed, s.error().message, {}, 0, 0};
            return Step::Stop;
        }
        done += page.changes.size();
        m_changed = m_changed || !page.changes.isEmpty();
        report(SyncStatus::Phase::Pulling, done, -1);
        cursor = page.cursor;
        if (!page.hasMore || page.changes.isEmpty())
            return Step::Continue;
    }
}

bool SyncEngine::guardHolds(const ChangesPage &page, Outcome &outcome)
{
    if (m_massDeleteApproved)
        return true;
    QHash<QString, QStringList> deletions;
    for (const RemoteChange &c : page.changes) {
        if (c.deleted)
            deletions[c.collection].append(c.id);
    }
    for (auto it = deletions.cbegin(); it != deletions.cend(); ++it) {
        const SyncCollection &collection = m_collections.get(it.key());
        auto present = collection.revisions(m_db, it.value());
        if (!present)
            return true; // the apply reports the database's trouble itself
        if (!m_countAtStart.contains(it.key())) {
            auto n = collection.count(m_db);
            m_countAtStart.insert(it.key(), n ? n.value() : 0);
        }
        const int total = m_countAtStart.value(it.key());
        const int count = m_deletedThisRun.value(it.key()) + int(present->size());
        if (count > m_options.massDeleteMinimum &&
            qint64(count) * 100 > qint64(total) * m_options.massDeletePercent) {
            outcome = Outcome{Result::WaitingForUser,
                              tr("The server deleted %1 of the %2 local records of this kind. "
                                 "Confirm before they are deleted here.")
                                  .arg(count)
                                  .arg(total),
                              it.key(), count, total};
            return false;
        }
    }
    for (auto it = deletions.cbegin(); it != deletions.cend(); ++it)
        m_deletedThisRun[it.key()] += int(it.value().size());
    return true;
}

Status SyncEngine::applyPage(const ChangesPage &page)
{
    return m_db.transaction([&]() -> Status {
        QHash<QString, QStringList> idsBy;
        for (const RemoteChange &c : page.changes)
            idsBy[c.collection].append(c.id);
        QHash<QString, QHash<QString, qint64>> revs;
        QHash<QString, QSet<QString>> queued;
        for (auto it = idsBy.cbegin(); it != idsBy.cend(); ++it) {
            auto r = m_collections.get(it.key()).revisions(m_db, it.value());
            if (!r)
                return r.error();
            revs.insert(it.key(), r.value());
            auto q = queuedRecords(it.key(), it.value());
            if (!q)
                return q.error();
            queued.insert(it.key(), q.value());
        }
        SyncWriter writer(m_db); // the page's statements, prepared once
        for (const RemoteChange &c : page.changes) {
            const SyncCollection &collection = m_collections.get(c.collection);
            QHash<QString, qint64> &local = revs[c.collection];
            if (queued[c.collection].contains(c.id)) {
                // Read-your-writes (§8): my queued change stays; its 412 brings this version
                // back for the merge. A conflict waiting for the user sees the newest theirs.
                auto q = m_db.exec(
                    QStringLiteral("sync.conflict.write"),
                    QStringLiteral("UPDATE conflict SET theirs = ?, server_rev = ?, "
                                   "server_deleted = ? WHERE collection = ? AND record_id = ? "
                                   "AND server_rev < ?"),
                    QVariantList{compactText(c.data), c.rev, c.deleted ? 1 : 0, c.collection, c.id,
                                 c.rev});
                if (!q)
                    return q.error();
                continue;
            }
            const auto found = local.constFind(c.id);
            if (found != local.cend() && found.value() >= c.rev)
                continue; // applied before: a page applied twice changes nothing
            if (c.deleted) {
                if (found != local.cend()) {
                    if (Status s = writer.remove(collection, c.id); !s)
                        return s;
                }
            } else {
                SyncedRecord r;
                r.id = c.id;
                r.rev = c.rev;
                r.data = c.data;
                r.updatedAt = c.data.value(u"updatedAt").toString();
                if (Status s = writer.store(collection, r); !s)
                    return s;
            }
            local.insert(c.id, c.rev);
        }
        // A crash inside the apply: the page and its cursor go together or not at all.
        if (Status s = noteAttachments(page); !s) // downloaded after the pull
            return s;
        if (models::failpoints::hit(QStringLiteral("sync.page.apply")))
            return Database::sqlError(Database::failedMessage(),
                                      QStringLiteral("failpoint sync.page.apply"));
        if (Status s = m_db.setMeta(cursorKey(), page.cursor); !s)
            return s;
        if (!page.epoch.isEmpty()) {
            if (Status s = m_db.setMeta(epochKey(), page.epoch); !s)
                return s;
        }
        return {};
    });
}

} // namespace jl::sync
