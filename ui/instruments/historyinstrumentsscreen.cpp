#include "ui/instruments/historyinstrumentsscreen.h"

#include "models/itemmodels/instrumenttablemodel.h"
#include "models/store/instrumentstore.h"
#include "ui/common/dialogs.h"
#include "ui/common/filterbar.h"
#include "ui/common/listscreen.h"
#include "ui/common/screencontext.h"
#include "ui/instruments/instrumentfilterfields.h"
#include "ui/instruments/instrumentform.h"

#include <QAction>
#include <QVBoxLayout>

namespace jl::ui {

using models::InstrumentTableModel;

HistoryInstrumentsScreen::HistoryInstrumentsScreen(ScreenContext &context, QWidget *parent)
    : Screen(parent)
    , m_context(context)
{
    m_model = new InstrumentTableModel(context.database(), this);
    m_list = new ListScreen(context.dialogs(), this);
    m_list->setTitle(tr("Instruments in history"));
    m_list->setEmptyTexts(
        tr("The history library is empty. Instruments moved out of use appear here."),
        tr("No instruments in history match the filter. Press Reset to see them all."));
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_list);

    InstrumentFilterFields::addHistory(*m_list->filterBar());
    using C = InstrumentTableModel::Column;
    // Warnings and completeness concern instruments in use only.
    ColumnDefaults columns;
    columns.order = {C::SerialNo,        C::Name,   C::RemovedAt,          C::Category,  C::Model,
                     C::InstallLocation, C::Status, C::VerificationResult, C::ValidUntil};
    columns.hidden = {
        C::MeasuringRange,  C::AccuracyClass, C::Manufacturer,       C::ProductionDate,
        C::UserUnit,        C::InstallDate,   C::VerificationPeriod, C::LastVerificationDate,
        C::LastInstitution, C::Warning,       C::Completeness};
    m_list->setModel(m_model, columns);
    m_list->setStateStore(&context.settings(), QStringLiteral("screens/instruments.history"));
    m_list->setPendingSyncRole(InstrumentTableModel::PendingSyncRole, C::SerialNo);

    m_restore = new QAction(tr("Restore"), this);
    m_restore->setToolTip(tr("Put the selected instruments back into the active library"));
    m_purge = new QAction(tr("Delete permanently"), this);
    m_purge->setShortcut(QKeySequence::Delete);
    m_purge->setToolTip(tr("Delete the selected instruments for good"));
    m_list->addListAction(m_restore, ListScreen::Needs::Selection);
    m_list->addListAction(m_purge, ListScreen::Needs::Selection);

    connect(m_restore, &QAction::triggered, this, &HistoryInstrumentsScreen::restoreSelected);
    connect(m_purge, &QAction::triggered, this, &HistoryInstrumentsScreen::purgeSelected);
    connect(m_list, &ListScreen::rowActivated, this, &HistoryInstrumentsScreen::showDetail);
    connect(m_list->filterBar(), &FilterBar::filterChanged, this,
            &HistoryInstrumentsScreen::applyFilter);
    connect(&context, &ScreenContext::dataChanged, m_model, &InstrumentTableModel::refresh);
    connect(m_model, &InstrumentTableModel::loadFailed, this, [this](const QString &message) {
        m_context.dialogs().warning(this, tr("Could not read the instruments"), message);
    });
    applyFilter();
}

void HistoryInstrumentsScreen::applyArguments(const QVariantMap &arguments)
{
    m_list->filterBar()->applyArguments(arguments);
}

void HistoryInstrumentsScreen::applyFilter()
{
    m_model->setFilter(
        InstrumentFilterFields::read(*m_list->filterBar(), models::Lifecycle::History));
}

void HistoryInstrumentsScreen::showDetail(int row)
{
    const auto record = m_context.instruments().get(m_model->idAt(row));
    if (!record) {
        m_context.dialogs().warning(this, tr("Cannot open the instrument"), record.error().message);
        return;
    }
    auto *form = new InstrumentForm(m_context, InstrumentForm::Mode::View, record.value(), this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
}

void HistoryInstrumentsScreen::restoreSelected()
{
    const QStringList ids = m_model->idsAt(m_list->selectedRows());
    if (ids.isEmpty())
        return;
    const auto restored = m_context.instruments().restore(ids);
    if (!restored) {
        m_context.dialogs().warning(this, tr("Not restored"), restored.error().message);
        return;
    }
    m_context.notifyDataChanged();
}

void HistoryInstrumentsScreen::purgeSelected()
{
    const QStringList ids = m_model->idsAt(m_list->selectedRows());
    if (ids.isEmpty())
        return;
    const QString question = tr("Delete %n instrument(s) permanently? This cannot be undone; "
                                "the server is told to delete them too.",
                                nullptr, int(ids.size()));
    if (!m_context.dialogs().confirm(this, tr("Delete permanently"), question))
        return;
    if (const models::Status status = m_context.instruments().purge(ids); !status) {
        m_context.dialogs().critical(this, tr("Not deleted"), status.error().message);
        return;
    }
    m_context.notifyDataChanged();
}

} // namespace jl::ui
