#include "ui/sync/syncstatustext.h"

#include "models/itemmodels/outboxlistmodel.h"
#include "models/store/conflicts.h"
#include "models/store/database.h"
#include "models/store/localcollection.h"
#include "models/store/outbox.h"

#include <QStringList>

namespace jl::ui {

SyncCounts SyncStatusText::counts(models::Database &db)
{
    SyncCounts c;
    const auto pending = models::outbox::countInState(db, QStringLiteral("pending"));
    const auto failed = models::outbox::countInState(db, QStringLiteral("rejected"));
    const models::LocalCollections none;
    const auto conflicts = models::ConflictStore(db, none, {}).count();
    c.ok = pending.ok() && failed.ok() && conflicts.ok();
    c.pending = pending.ok() ? pending.value() : 0;
    c.failed = failed.ok() ? failed.value() : 0;
    c.conflicts = conflicts.ok() ? conflicts.value() : 0;
    return c;
}

QString SyncStatusText::state(const sync::SyncStatus *status)
{
    using P = sync::SyncStatus::Phase;
    using C = sync::SyncStatus::Connectivity;
    if (!status)
        return tr("Not signed in (offline)");
    switch (status->phase) {
    case P::Pushing:
    case P::Pulling:
    case P::Resyncing: {
        const QString what = status->phase == P::Pushing   ? tr("sending")
                             : status->phase == P::Pulling ? tr("receiving")
                                                           : tr("downloading everything again");
        if (status->total > 0)
            return tr("Syncing (%1): %2/%3").arg(what).arg(status->done).arg(status->total);
        if (status->done > 0)
            return tr("Syncing (%1): %2").arg(what).arg(status->done);
        return tr("Syncing (%1)").arg(what);
    }
    case P::WaitingForUser:
        return tr("Sync paused: waiting for your answer");
    case P::NeedsLogin:
        return tr("Sign in again to sync");
    case P::UpgradeRequired:
        return tr("Update the program to sync");
    case P::Idle:
        break;
    }
    switch (status->connectivity) {
    case C::Online:
        return tr("Online");
    case C::Offline:
        return tr("Offline");
    case C::Unknown:
        break;
    }
    return tr("Not connected yet");
}

QString SyncStatusText::lastSynced(const sync::SyncStatus &status)
{
    if (!status.lastSyncedAt.isValid())
        return tr("Not synced yet");
    return tr("Last synced %1").arg(models::OutboxListModel::timeText(status.lastSyncedAt));
}

QString SyncStatusText::failed(int count)
{
    return tr("%n failed", nullptr, count);
}

QString SyncStatusText::conflicts(int count)
{
    return tr("%n conflict(s)", nullptr, count);
}

QString SyncStatusText::pending(int count)
{
    return tr("%n waiting", nullptr, count);
}

QString SyncStatusText::summary(const sync::SyncStatus *status, const SyncCounts &counts)
{
    QStringList parts{state(status)};
    if (status)
        parts.append(lastSynced(*status));
    parts.append(pending(counts.pending));
    parts.append(failed(counts.failed));
    parts.append(conflicts(counts.conflicts));
    QString line = parts.join(tr(" · "));
    if (status && !status->lastError.isEmpty())
        line += QLatin1Char('\n') + status->lastError;
    return line;
}

QString SyncStatusText::notSignedIn()
{
    return tr("Not signed in: changes stay on this computer until you sign in to an account.");
}

} // namespace jl::ui
