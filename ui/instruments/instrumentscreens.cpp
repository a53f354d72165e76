#include "ui/instruments/instrumentscreens.h"

#include "models/rules/warninglevel.h"
#include "models/store/instrumentstore.h"
#include "ui/common/screencontext.h"
#include "ui/common/screenids.h"
#include "ui/instruments/activeinstrumentsscreen.h"
#include "ui/instruments/historyinstrumentsscreen.h"
#include "ui/mainwindow/screenregistry.h"
#include "ui/verification/unmatchedrecordsscreen.h"

#include <QApplication>
#include <QStyle>

namespace jl::ui {

namespace {

// The red warnings beside the library: what an operator must act on first.
ScreenBadge alertBadge(ScreenContext &context)
{
    const auto counts = context.instruments().countWarnings(models::shanghaiToday());
    if (!counts || counts->alert == 0)
        return {};
    return {counts->alert,
            InstrumentScreens::tr("%n instrument(s) on alert: expired, failed or never verified",
                                  nullptr, counts->alert),
            QColor(models::colorName(models::WarningLevel::Alert))};
}

} // namespace

void InstrumentScreens::registerScreens(ScreenRegistry &registry, ScreenContext &context)
{
    QStyle *style = QApplication::style();
    registry.addGroup({QStringLiteral("instruments"), tr("Instrument management"),
                       style->standardIcon(QStyle::SP_DirIcon)});
    registry.add(
        {QLatin1String(ScreenIds::ActiveInstruments), QStringLiteral("instruments"),
         tr("Active instruments"),
         tr("Every instrument in use or kept for use. Filter at the top (Enter runs "
            "it), select rows, then use the buttons: New (Ctrl+N), Edit "
            "(double-click), Complete details, Batch edit, Move to history (Delete). "
            "A batch edit or a move can be undone with Ctrl+Z. Warning labels: alert "
            "(red), warning (amber), notice (green). A blue dot marks changes not yet "
            "synced. Right-click a column header to choose the columns."),
         style->standardIcon(QStyle::SP_FileDialogDetailedView), false,
         [&context](QWidget *parent) { return new ActiveInstrumentsScreen(context, parent); },
         [&context] {
             return alertBadge(context);
         }});
    registry.add({QLatin1String(ScreenIds::HistoryInstruments), QStringLiteral("instruments"),
                  tr("Instruments in history"),
                  tr("Instruments taken out of use. Restore puts them back into the active "
                     "library, unless an active instrument has the same serial number. Delete "
                     "permanently removes them for good, after a confirmation."),
                  style->standardIcon(QStyle::SP_FileDialogListView), false,
                  [&context](QWidget *parent) {
                      return new HistoryInstrumentsScreen(context, parent);
                  }});
    UnmatchedRecordsScreen::registerScreen(registry, context);
}

} // namespace jl::ui
