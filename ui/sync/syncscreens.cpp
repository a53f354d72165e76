#include "ui/sync/syncscreens.h"

#include "models/store/localcollection.h"
#include "ui/common/screencontext.h"
#include "ui/common/screenids.h"
#include "ui/mainwindow/screenregistry.h"
#include "ui/sync/conflictsscreen.h"
#include "ui/sync/syncstatusscreen.h"
#include "ui/sync/syncstatustext.h"

#include <QApplication>
#include <QStyle>

#include <memory>

namespace jl::ui {

namespace {
const QColor Red(0xc6, 0x28, 0x28);
}

void SyncScreens::registerScreens(ScreenRegistry &registry, ScreenContext &context)
{
    // Shared by both screens for as long as the registry keeps their factories.
    std::shared_ptr<const models::LocalCollections> collections =
        models::LocalCollections::builtIn();
    QStyle *style = QApplication::style();
    registry.addGroup(
        {QStringLiteral("sync"), tr("Sync"), style->standardIcon(QStyle::SP_BrowserReload)});
    registry.add(
        {QLatin1String(ScreenIds::SyncStatus), QStringLiteral("sync"), tr("Sync status"),
         tr("Every local change not yet on the server. Waiting changes go out at the next sync "
            "(F5 syncs now). A change the server refused shows its reason: correct the record "
            "and retry, or discard the change to put the record back as the server has it. "
            "Select several rows to retry or discard them together."),
         style->standardIcon(QStyle::SP_BrowserReload), false,
         [&context, collections](QWidget *parent) {
             return new SyncStatusScreen(context, *collections, parent);
         },
         [&context] {
             const SyncCounts counts = SyncStatusText::counts(context.database());
             if (counts.failed == 0)
                 return ScreenBadge{};
             return ScreenBadge{counts.failed,
                                tr("%n change(s) refused by the server", nullptr, counts.failed),
                                Red};
         }});
    registry.add(
        {QLatin1String(ScreenIds::SyncConflicts), QStringLiteral("sync"), tr("Conflicts"),
         tr("Records changed here and on the server at the same time. Select one to compare "
            "your values with the server's, field by field: the marked fields were changed on "
            "both sides. Keep mine sends your values; Take the server's gives them up."),
         style->standardIcon(QStyle::SP_MessageBoxWarning), false,
         [&context, collections](QWidget *parent) {
             return new ConflictsScreen(context, *collections, parent);
         },
         [&context] {
             const SyncCounts counts = SyncStatusText::counts(context.database());
             if (counts.conflicts == 0)
                 return ScreenBadge{};
             return ScreenBadge{
                 counts.conflicts,
                 tr("%n conflict(s) waiting for your decision", nullptr, counts.conflicts), Red};
         }});
}

} // namespace jl::ui
