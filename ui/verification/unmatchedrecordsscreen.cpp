#include "ui/verification/unmatchedrecordsscreen.h"

#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/unmatchedrecordmodel.h"
#include "models/reference/instrumentcategories.h"
#include "models/rules/instrumentmatchranker.h"
#include "models/store/instrumentstore.h"
#include "models/store/verificationrecordstore.h"
#include "sync/filestore.h"
#include "sync/syncattachments.h"
#include "ui/common/actionbar.h"
#include "ui/common/dialogs.h"
#include "ui/common/filterbar.h"
#include "ui/common/listfooter.h"
#include "ui/common/listscreen.h"
#include "ui/common/screencontext.h"
#include "ui/instruments/instrumentform.h"
#include "ui/mainwindow/screenregistry.h"
#include "ui/verification/matchcandidatepane.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace jl::ui {

using models::UnmatchedRecordModel;

namespace {

const QString SerialKey = QStringLiteral("serialNo");
const QString NameKey = QStringLiteral("name");
const QString InstitutionKey = QStringLiteral("institution");
const QString DateKey = QStringLiteral("verifiedAt");
const QString StateKey = QStringLiteral("screens/instruments.unmatched");

} // namespace

void UnmatchedRecordsScreen::registerScreen(ScreenRegistry &registry, ScreenContext &context)
{
    registry.add(
        {QLatin1String(ScreenIds::UnmatchedRecords), QStringLiteral("instruments"),
         tr("Unmatched verification records"),
         tr("Verification records from the institutions that match no instrument of the "
            "library, mostly because the instrument was never registered or its serial number "
            "was registered differently. Select a record: the instruments it most likely "
            "belongs to appear beside the list. Link (Enter) corrects the chosen instrument's "
            "serial number to the record's, after a confirmation; the server matches the "
            "record when that change is synced. Import (Ctrl+N) adds the instrument, the form "
            "filled in from the record."),
         QApplication::style()->standardIcon(QStyle::SP_MessageBoxQuestion), false,
         [&context](QWidget *parent) {
             return new UnmatchedRecordsScreen(context, parent);
         }});
}

UnmatchedRecordsScreen::UnmatchedRecordsScreen(ScreenContext &context, QWidget *parent)
    : Screen(parent)
    , m_context(context)
{
    m_model = new UnmatchedRecordModel(context.database(), this);
    m_ranker = std::make_unique<models::InstrumentMatchRanker>(context.database());
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_list = new ListScreen(context.dialogs(), m_splitter);
    m_list->setTitle(tr("Unmatched verification records"));
    m_list->setEmptyTexts(
        tr("No unmatched verification records: every certificate found its instrument."),
        tr("No unmatched record matches the filter. Press Reset to see them all."));
    m_pane = new MatchCandidatePane(m_splitter);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_pane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->restoreState(
        context.settings().value(StateKey + QStringLiteral("/splitter")).toByteArray());
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_splitter);

    FilterBar *bar = m_list->filterBar();
    bar->addText(SerialKey, tr("Serial no."));
    bar->addText(NameKey, tr("Instrument name"));
    bar->addText(InstitutionKey, tr("Verification institution"));
    bar->addDateRange(DateKey, tr("Verified on"));

    m_list->setModel(m_model);
    m_list->setStateStore(&context.settings(), StateKey);

    m_link = new QAction(tr("Link"), this);
    m_link->setToolTip(tr("Correct the selected instrument's serial number to the record's, "
                          "so that the server matches them"));
    m_import = new QAction(tr("Import"), this);
    m_import->setShortcut(QKeySequence::New);
    m_import->setToolTip(tr("Add the instrument to the library, the form filled in from the "
                            "record"));
    m_list->addListAction(m_link, ListScreen::Needs::SingleRow);
    m_list->addListAction(m_import, ListScreen::Needs::SingleRow);
    m_certificate = new QAction(tr("View certificate"), this);
    m_certificate->setToolTip(tr("Open the certificate file of the selected record"));
    m_list->addListAction(m_certificate, ListScreen::Needs::SingleRow);
    m_opener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
    // Ctrl+N also from the candidates.
    m_pane->addAction(m_import);

    connect(m_link, &QAction::triggered, this, &UnmatchedRecordsScreen::linkSelected);
    connect(m_import, &QAction::triggered, this, &UnmatchedRecordsScreen::importSelected);
    connect(m_certificate, &QAction::triggered, this, &UnmatchedRecordsScreen::openCertificate);
    connect(m_list, &ListScreen::rowActivated, this, &UnmatchedRecordsScreen::linkSelected);
    connect(m_pane, &MatchCandidatePane::candidateActivated, this,
            &UnmatchedRecordsScreen::linkSelected);
    connect(m_list, &ListScreen::selectionChanged, this, &UnmatchedRecordsScreen::showCandidates);
    connect(bar, &FilterBar::filterChanged, this, &UnmatchedRecordsScreen::applyFilter);
    connect(&context, &ScreenContext::dataChanged, this, &UnmatchedRecordsScreen::refresh);
    connect(m_model, &UnmatchedRecordModel::loadFailed, this, [this](const QString &message) {
        m_context.dialogs().warning(this, tr("Could not read the verification records"), message);
    });
    applyFilter();
}

UnmatchedRecordsScreen::~UnmatchedRecordsScreen()
{
    m_context.settings().setValue(StateKey + QStringLiteral("/splitter"), m_splitter->saveState());
}

void UnmatchedRecordsScreen::applyArguments(const QVariantMap &arguments)
{
    m_list->filterBar()->applyArguments(arguments);
}

void UnmatchedRecordsScreen::applyFilter()
{
    const FilterBar *bar = m_list->filterBar();
    models::VerificationRecordFilter filter;
    filter.serialNo = bar->value(SerialKey).toString();
    filter.name = bar->value(NameKey).toString();
    filter.institution = bar->value(InstitutionKey).toString();
    const auto [from, to] = bar->dateRange(DateKey);
    filter.verifiedFrom = from;
    filter.verifiedTo = to;
    m_model->setFilter(filter);
    updateSummary();
    showCandidates();
}

void UnmatchedRecordsScreen::refresh()
{
    // After a link or a sync: the same record stays selected while it is still listed.
    const QString id = selectedId();
    m_ranker->invalidate();
    m_model->refresh();
    selectId(id);
    updateSummary();
    showCandidates();
}

void UnmatchedRecordsScreen::updateSummary()
{
    int linked = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        linked += m_model->linkedPendingAt(row) ? 1 : 0;
    m_list->footer()->setSummary(linked == 0 ? QString()
                                             : tr("%n linked, waiting for sync", nullptr, linked));
}

QString UnmatchedRecordsScreen::selectedId() const
{
    const QList<int> rows = m_list->selectedRows();
    return rows.size() == 1 ? m_model->idAt(rows.constFirst()) : QString();
}

void UnmatchedRecordsScreen::selectId(const QString &id)
{
    const int row = id.isEmpty() ? -1 : m_model->rowOfId(id);
    if (row < 0)
        return;
    QItemSelectionModel *selection = m_list->table()->selectionModel();
    const QModelIndex index = m_model->index(row, 0);
    selection->setCurrentIndex(index,
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void UnmatchedRecordsScreen::showCandidates()
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_pane->clear();
        m_list->actionBar()->setAllowed(m_link, true);
        return;
    }
    const auto record = models::VerificationRecordStore(m_context.database()).get(id);
    if (!record) {
        m_pane->clear();
        return;
    }
    const auto ranked = m_ranker->rank(record.value());
    if (!ranked) {
        m_pane->clear();
        m_context.dialogs().warning(this, tr("Could not look for likely instruments"),
                                    ranked.error().message);
        return;
    }
    m_pane->setCandidates(record.value(), ranked.value());
    m_list->actionBar()->setAllowed(m_link, !ranked->isEmpty(),
                                    tr("No instrument in the library looks like this record"));
}

void UnmatchedRecordsScreen::linkSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const auto record = models::VerificationRecordStore(m_context.database()).get(id);
    if (!record) {
        m_context.dialogs().warning(this, tr("Not linked"), record.error().message);
        return;
    }
    const models::MatchCandidate *candidate = m_pane->current();
    if (!candidate) {
        m_context.dialogs().information(
            this, tr("Nothing to link"),
            tr("No instrument in the library looks like record %1. If the instrument was "
               "never registered, add it with Import (Ctrl+N).")
                .arg(record->certificateNo));
        return;
    }
    const QString serial = models::InstrumentValidator::normalizedSerial(record->serialNo);
    // Read afresh: the candidate may be older than the record.
    auto instrument = m_context.instruments().get(candidate->instrument.id);
    if (!instrument) {
        m_context.dialogs().warning(this, tr("Not linked"), instrument.error().message);
        return;
    }
    if (instrument->serialNo == serial) {
        m_context.dialogs().information(
            this, tr("Already linked"),
            tr("Instrument %1 already has serial number %2. The record is matched when the "
               "change reaches the server.")
                .arg(instrument->name, serial));
        return;
    }
    const QString question =
        tr("Change the serial number of instrument %1 from %2 to %3?\n\n"
           "Certificate %4 of %5 names serial number %3. After the change is synced, the "
           "server matches the certificate to this instrument and updates its verification "
           "result and dates.")
            .arg(instrument->name, instrument->serialNo, serial, record->certificateNo,
                 record->institution);
    if (!m_context.dialogs().confirm(this, tr("Link to instrument"), question))
        return;
    models::Instrument changed = instrument.value();
    changed.serialNo = serial;
    const auto updated = m_context.instruments().update(changed);
    if (!updated) {
        m_context.dialogs().critical(this, tr("Not linked"), updated.error().message);
        return;
    }
    m_context.notifyDataChanged();
}

void UnmatchedRecordsScreen::importSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const auto record = models::VerificationRecordStore(m_context.database()).get(id);
    if (!record) {
        m_context.dialogs().warning(this, tr("Cannot import"), record.error().message);
        return;
    }
    models::Instrument prefilled = models::instrumentFromRecord(record.value());
    prefilled.category = m_context.categories().categoryForName(prefilled.name);
    auto *form = new InstrumentForm(m_context, InstrumentForm::Mode::Create, prefilled, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
}

void UnmatchedRecordsScreen::openCertificate()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const auto record = models::VerificationRecordStore(m_context.database()).get(id);
    if (!record) {
        m_context.dialogs().warning(this, tr("Cannot open the certificate"),
                                    record.error().message);
        return;
    }
    if (record->certificate.isEmpty()) {
        m_context.dialogs().information(
            this, tr("No certificate file"),
            tr("The institution sent no certificate file with record %1.")
                .arg(record->certificateNo));
        return;
    }
    const sync::FileStore files(sync::syncattachments::folderFor(m_context.database().path()));
    if (!files.has(record->certificate)) {
        m_context.dialogs().information(
            this, tr("Certificate not downloaded yet"),
            tr("The certificate of record %1 is not on this computer yet. It is downloaded "
               "with the next sync (F5).")
                .arg(record->certificateNo));
        return;
    }
    // The store names files by hash only; a viewer chooses by the name's extension (Windows),
    // so the certificate is opened from a copy named after its number and hash.
    const QString folder = files.root() + QStringLiteral("/open");
    QString name = record->certificateNo;
    name.replace(QRegularExpression(QStringLiteral("[^\\w.-]")), QStringLiteral("_"));
    // The hash in the name: a copy is never taken for another file of the same number.
    const QString target =
        folder + u'/' + name + u'-' + record->certificate.left(12) + QStringLiteral(".pdf");
    const QString temp = target + QStringLiteral(".part");
    bool ready = QFileInfo(target).size() == files.size(record->certificate);
    if (!ready && QDir().mkpath(folder)) {
        QFile::remove(temp);
        QFile::remove(target);
        ready = QFile::copy(files.path(record->certificate), temp) && QFile::rename(temp, target);
    }
    if (!ready || !m_opener(QUrl::fromLocalFile(target)))
        m_context.dialogs().warning(
            this, tr("Cannot open the certificate"),
            tr("The certificate %1 could not be opened.").arg(QDir::toNativeSeparators(target)));
}

} // namespace jl::ui
