#include "ui/instruments/activeinstrumentsscreen.h"

#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/store/instrumentstore.h"
#include "ui/common/dialogs.h"
#include "ui/common/filterbar.h"
#include "ui/common/listfooter.h"
#include "ui/common/listscreen.h"
#include "ui/common/screencontext.h"
#include "ui/instruments/batcheditdialog.h"
#include "ui/instruments/import/filedropfilter.h"
#include "ui/instruments/import/instrumenttransfer.h"
#include "ui/instruments/instrumentchangecommand.h"
#include "ui/instruments/instrumentfilterfields.h"
#include "ui/instruments/instrumentform.h"

#include <QAction>
#include <QUndoStack>
#include <QVBoxLayout>

namespace jl::ui {

using models::InstrumentTableModel;

ActiveInstrumentsScreen::ActiveInstrumentsScreen(ScreenContext &context, QWidget *parent)
    : Screen(parent)
    , m_context(context)
{
    m_model = new InstrumentTableModel(context.database(), this);
    m_list = new ListScreen(context.dialogs(), this);
    m_list->setTitle(tr("Active instruments"));
    m_list->setEmptyTexts(tr("No instruments yet. Add one with New (Ctrl+N)."),
                          tr("No instruments match the filter. Press Reset to see them all."));
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_list);

    InstrumentFilterFields::addActive(*m_list->filterBar(), context);
    using C = InstrumentTableModel::Column;
    // The warning next to the name: it is what the operator scans the list for.
    ColumnDefaults columns;
    columns.order = {C::SerialNo,           C::Name,        C::Warning,  C::Status,
                     C::VerificationResult, C::ValidUntil,  C::Category, C::Model,
                     C::InstallLocation,    C::Completeness};
    columns.hidden = {
        C::MeasuringRange,  C::AccuracyClass, C::Manufacturer,       C::ProductionDate,
        C::UserUnit,        C::InstallDate,   C::VerificationPeriod, C::LastVerificationDate,
        C::LastInstitution, C::RemovedAt};
    m_list->setModel(m_model, columns);
    m_list->setStateStore(&context.settings(), QStringLiteral("screens/instruments.active"));
    m_list->setPendingSyncRole(InstrumentTableModel::PendingSyncRole, C::SerialNo);

    m_new = new QAction(tr("New"), this);
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Add an instrument"));
    m_edit = new QAction(tr("Edit"), this);
    m_edit->setToolTip(tr("Edit the selected instrument (double-click a row)"));
    m_complete = new QAction(tr("Complete details"), this);
    m_complete->setToolTip(tr("Fill in the details needed to book an appointment"));
    m_batchEdit = new QAction(tr("Batch edit"), this);
    m_batchEdit->setToolTip(tr("Set the same values on all selected instruments"));
    m_moveToHistory = new QAction(tr("Move to history"), this);
    m_moveToHistory->setShortcut(QKeySequence::Delete);
    m_moveToHistory->setToolTip(tr("Move the selected instruments to the history library"));
    m_import = new QAction(tr("Import…"), this);
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setToolTip(tr("Import instruments from an Excel or CSV file (or drop the file on "
                            "the list)"));
    m_template = new QAction(tr("Download template…"), this);
    m_template->setToolTip(tr("Save the import template, an Excel file with the columns import "
                              "reads"));
    using Needs = ListScreen::Needs;
    m_list->addListAction(m_new, Needs::Nothing);
    m_list->addListAction(m_edit, Needs::SingleRow);
    m_list->addListAction(m_complete, Needs::SingleRow);
    m_list->addListAction(m_batchEdit, Needs::Selection);
    m_list->addListAction(m_moveToHistory, Needs::Selection);
    m_list->addListAction(m_import, Needs::Nothing);
    m_list->addListAction(m_template, Needs::Nothing);
    m_list->setExportHandler([this] { exportList(); });
    auto *drop = new FileDropFilter(m_list);
    connect(drop, &FileDropFilter::fileDropped, this,
            [this](const QString &path) { importFile(path); });
    connect(m_import, &QAction::triggered, this, [this] { importFile(); });
    connect(m_template, &QAction::triggered, this,
            [this] { InstrumentTransfer::saveTemplate(m_context, this); });

    connect(m_new, &QAction::triggered, this, &ActiveInstrumentsScreen::addInstrument);
    connect(m_edit, &QAction::triggered, this, &ActiveInstrumentsScreen::editSelected);
    connect(m_complete, &QAction::triggered, this, &ActiveInstrumentsScreen::completeSelected);
    connect(m_batchEdit, &QAction::triggered, this, &ActiveInstrumentsScreen::batchEditSelected);
    connect(m_moveToHistory, &QAction::triggered, this,
            &ActiveInstrumentsScreen::moveSelectedToHistory);
    connect(m_list, &ListScreen::rowActivated, this,
            [this](int row) { openForm(int(InstrumentForm::Mode::Edit), row); });
    connect(m_list->filterBar(), &FilterBar::filterChanged, this,
            &ActiveInstrumentsScreen::applyFilter);
    connect(&context, &ScreenContext::dataChanged, this, &ActiveInstrumentsScreen::refresh);
    connect(m_model, &InstrumentTableModel::loadFailed, this, [this](const QString &message) {
        m_context.dialogs().warning(this, tr("Could not read the instruments"), message);
    });
    applyFilter();
}

void ActiveInstrumentsScreen::applyArguments(const QVariantMap &arguments)
{
    m_list->filterBar()->applyArguments(arguments);
}

void ActiveInstrumentsScreen::applyFilter()
{
    m_model->setFilter(
        InstrumentFilterFields::read(*m_list->filterBar(), models::Lifecycle::Active));
    updateSummary();
}

void ActiveInstrumentsScreen::refresh()
{
    InstrumentFilterFields::refreshSites(*m_list->filterBar(), m_context);
    m_model->refresh();
    updateSummary();
}

void ActiveInstrumentsScreen::updateSummary()
{
    const auto counts = m_context.instruments().countWarnings(models::shanghaiToday());
    if (!counts) {
        m_list->footer()->setSummary({});
        return;
    }
    using models::WarningLevel;
    m_list->footer()->setSummary(tr("In the library: %1 %2 · %3 %4 · %5 %6")
                                     .arg(models::displayName(WarningLevel::Alert))
                                     .arg(counts->alert)
                                     .arg(models::displayName(WarningLevel::Warning))
                                     .arg(counts->warning)
                                     .arg(models::displayName(WarningLevel::Notice))
                                     .arg(counts->notice));
}

QStringList ActiveInstrumentsScreen::selectedIds() const
{
    return m_model->idsAt(m_list->selectedRows());
}

void ActiveInstrumentsScreen::addInstrument()
{
    models::Instrument blank;
    auto *form = new InstrumentForm(m_context, InstrumentForm::Mode::Create, blank, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
}

void ActiveInstrumentsScreen::editSelected()
{
    const QList<int> rows = m_list->selectedRows();
    if (rows.size() == 1)
        openForm(int(InstrumentForm::Mode::Edit), rows.constFirst());
}

void ActiveInstrumentsScreen::completeSelected()
{
    const QList<int> rows = m_list->selectedRows();
    if (rows.size() == 1)
        openForm(int(InstrumentForm::Mode::Complete), rows.constFirst());
}

void ActiveInstrumentsScreen::openForm(int mode, int row)
{
    // Read afresh: the row may be older than the record.
    const auto record = m_context.instruments().get(m_model->idAt(row));
    if (!record) {
        m_context.dialogs().warning(this, tr("Cannot open the instrument"), record.error().message);
        return;
    }
    const auto formMode = InstrumentForm::Mode(mode);
    if (formMode == InstrumentForm::Mode::Complete &&
        models::InstrumentValidator::isComplete(record.value())) {
        m_context.dialogs().information(
            this, tr("Details complete"),
            tr("Instrument %1 has every detail needed to book an appointment.")
                .arg(record->serialNo));
        return;
    }
    auto *form = new InstrumentForm(m_context, formMode, record.value(), this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
}

void ActiveInstrumentsScreen::batchEditSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    auto *dialog = new BatchEditDialog(m_context, ids, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &BatchEditDialog::saved, this,
        [this](const QList<models::Instrument> &before, const QList<models::Instrument> &after) {
            m_context.undoStack()->push(new InstrumentChangeCommand(
                m_context, tr("Batch edit of %n instrument(s)", nullptr, int(before.size())),
                QStringLiteral("batchUpdate"), before, after));
        });
    dialog->open();
}

void ActiveInstrumentsScreen::moveSelectedToHistory()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const QString question =
        tr("Move %n instrument(s) to the history library? They leave the active library and "
           "its warnings; you can restore them later, or undo now with Ctrl+Z.",
           nullptr, int(ids.size()));
    if (!m_context.dialogs().confirm(this, tr("Move to history"), question))
        return;
    models::InstrumentStore &store = m_context.instruments();
    const auto before = store.moveToHistory(ids);
    if (!before) {
        m_context.dialogs().critical(this, tr("Not moved"), before.error().message);
        return;
    }
    // The records that moved, as they are now: what redo puts back.
    QStringList moved;
    for (const models::Instrument &record : before.value())
        moved.append(record.id);
    const auto after = store.get(moved);
    m_context.undoStack()->push(new InstrumentChangeCommand(
        m_context, tr("Move of %n instrument(s) to history", nullptr, int(ids.size())),
        QStringLiteral("moveToHistory"), before.value(),
        after ? after.value() : QList<models::Instrument>()));
    m_context.notifyDataChanged();
}

void ActiveInstrumentsScreen::importFile(const QString &path)
{
    InstrumentTransfer::importFile(m_context, this, path);
}

void ActiveInstrumentsScreen::exportList()
{
    InstrumentTransfer::exportList(m_context, *m_model, this);
}

} // namespace jl::ui
