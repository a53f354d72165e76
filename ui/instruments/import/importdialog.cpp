#include "ui/instruments/import/importdialog.h"

#include "io/import/instrumentexport.h"
#include "io/import/instrumentimport.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"
#include "ui/common/backgroundjob.h"
#include "ui/common/dialogs.h"
#include "ui/common/screencontext.h"
#include "ui/instruments/import/importtables.h"
#include "ui/instruments/import/instrumenttransferjobs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>

namespace jl::ui {

namespace {

QTableWidget *makeTable(QWidget *parent, const QString &accessibleName)
{
    auto *table = new QTableWidget(parent);
    table->setAccessibleName(accessibleName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    return table;
}

// The first progress report of a job calls the test hook once.
io::Progress progressOf(BackgroundJob::Control &control, const std::function<void()> &hook)
{
    auto first = std::make_shared<bool>(true);
    return [&control, hook, first](double fraction) {
        if (*first && hook) {
            *first = false;
            hook();
        }
        control.setProgress(fraction);
    };
}

} // namespace

ImportDialog::ImportDialog(ScreenContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
{
    setWindowTitle(tr("Import instruments"));
    setSizeGripEnabled(true);

    m_fileLabel = new QLabel(tr("No file chosen"), this);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choose = new QPushButton(tr("Choose file…"), this);
    m_headerRow = new QSpinBox(this);
    m_headerRow->setRange(1, 100);
    m_headerRow->setAccessibleName(tr("Header row"));
    m_headerRow->setToolTip(tr("The row that names the columns; rows above it are ignored"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(m_choose);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Header row:"), m_headerRow);

    m_preview = makeTable(this, tr("First rows of the file"));
    m_mapping = makeTable(this, tr("Column mapping"));
    auto *previewBox = new QGroupBox(tr("First rows of the file"), this);
    (new QVBoxLayout(previewBox))->addWidget(m_preview);
    auto *mappingBox = new QGroupBox(tr("Columns"), this);
    (new QVBoxLayout(mappingBox))->addWidget(m_mapping);

    auto *existing = new QGroupBox(tr("Serial numbers already in the library"), this);
    m_update = new QRadioButton(tr("Update those instruments with the file's values"), existing);
    m_skip = new QRadioButton(tr("Skip those rows"), existing);
    m_update->setChecked(true);
    auto *existingColumn = new QVBoxLayout(existing);
    existingColumn->addWidget(m_update);
    existingColumn->addWidget(m_skip);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reportTable = makeTable(this, tr("Rows with problems"));
    auto *reportBox = new QGroupBox(tr("Check"), this);
    auto *reportColumn = new QVBoxLayout(reportBox);
    reportColumn->addWidget(m_summary);
    reportColumn->addWidget(m_reportTable, 1);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(mappingBox);
    top->addWidget(previewBox);
    top->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(reportBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_saveReport = buttons->addButton(tr("Save report…"), QDialogButtonBox::ActionRole);
    m_check = buttons->addButton(tr("Check again"), QDialogButtonBox::ActionRole);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setDefault(true);

    auto *column = new QVBoxLayout(this);
    column->addLayout(form);
    column->addWidget(split, 1);
    column->addWidget(existing);
    column->addWidget(buttons);

    connect(m_choose, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(m_check, &QPushButton::clicked, this, &ImportDialog::check);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::runImport);
    connect(m_saveReport, &QPushButton::clicked, this, &ImportDialog::saveReport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_headerRow, &QSpinBox::valueChanged, this, [this](int row) {
        if (m_inspected && row != m_header.row && inspect(row))
            check();
    });
    connect(m_update, &QRadioButton::toggled, this, [this] {
        if (m_checked)
            mappingChanged();
    });
    resize(fontMetrics().averageCharWidth() * 150, fontMetrics().height() * 40);
    updateButtons();
}

ImportDialog::~ImportDialog() = default;

QString ImportDialog::fileFilter()
{
    return tr("Spreadsheets (*.xlsx *.xls *.csv);;All files (*)");
}

bool ImportDialog::isImportable(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("xlsx") || suffix == QLatin1String("xls") ||
           suffix == QLatin1String("csv");
}

int ImportDialog::headerRow() const
{
    return m_header.row;
}

QStringList ImportDialog::fields() const
{
    return ImportTables::mappedFields(*m_mapping);
}

QComboBox *ImportDialog::mappingCombo(int column) const
{
    return ImportTables::mappingCombo(*m_mapping, column);
}

models::OnExisting ImportDialog::onExisting() const
{
    return m_skip->isChecked() ? models::OnExisting::Skip : models::OnExisting::Update;
}

void ImportDialog::chooseFile()
{
    const QString folder = m_path.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : QFileInfo(m_path).absolutePath();
    const QString path = m_context.dialogs().openFileName(this, tr("Choose the file to import"),
                                                          folder, fileFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool ImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_imported = false;
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    return inspect(0) && check();
}

bool ImportDialog::inspect(int headerRow)
{
    m_inspected = false;
    m_checked = false;
    std::optional<models::Result<io::HeaderInfo>> result;
    const QString path = m_path;
    const auto hook = m_workerHook;
    const bool finished =
        BackgroundJob::run(this, tr("Import"), tr("Reading %1…").arg(QFileInfo(path).fileName()),
                           [&result, path, headerRow, hook](BackgroundJob::Control &control) {
                               io::ReadOptions read;
                               read.progress = progressOf(control, hook);
                               read.cancel = &control.cancel;
                               result = io::InstrumentImport::inspect(path, headerRow, read);
                           });
    if (!finished || !result) {
        setRefused(tr("Cancelled; choose the file again to import it."));
        return false;
    }
    if (!result->ok()) {
        setRefused(result->error().message);
        m_context.dialogs().warning(this, tr("Cannot import this file"), result->error().message);
        return false;
    }
    m_header = result->value();
    m_inspected = true;
    const QSignalBlocker blocker(m_headerRow);
    m_headerRow->setValue(m_header.row);
    ImportTables::fillPreview(*m_preview, m_header);
    ImportTables::fillMapping(*m_mapping, m_header);
    for (int c = 0; c < m_mapping->rowCount(); ++c) {
        connect(mappingCombo(c), &QComboBox::currentIndexChanged, this,
                &ImportDialog::mappingChanged);
    }
    updateButtons();
    return true;
}

io::ImportOptions ImportDialog::options() const
{
    io::ImportOptions o;
    o.headerRow = m_header.row;
    o.fields = fields();
    o.onExisting = onExisting();
    return o;
}

bool ImportDialog::runJob(bool dryRun, models::Result<io::ImportReport> &result)
{
    io::ImportOptions o = options();
    o.dryRun = dryRun;
    const QString databasePath = m_context.database().path();
    const QString actor = m_context.instruments().actor();
    const QString path = m_path;
    const auto hook = m_workerHook;
    std::optional<models::Result<io::ImportReport>> outcome;
    const QString label = dryRun ? tr("Checking %1…") : tr("Importing %1…");
    const bool finished = BackgroundJob::run(
        this, tr("Import"), label.arg(QFileInfo(path).fileName()),
        [&outcome, o, databasePath, actor, path, hook](BackgroundJob::Control &control) mutable {
            o.progress = progressOf(control, hook);
            o.cancel = &control.cancel;
            outcome = InstrumentTransferJobs::importFile(databasePath, actor, path, o);
        });
    if (outcome)
        result = std::move(*outcome);
    return finished;
}

bool ImportDialog::check()
{
    if (!m_inspected)
        return false;
    if (const models::Status required = io::InstrumentImport::checkRequired(fields()); !required) {
        m_checked = false;
        m_report = {};
        ImportTables::fillReport(*m_reportTable, m_report);
        m_summary->setText(required.error().message);
        updateButtons();
        return false;
    }
    models::Result<io::ImportReport> result{models::Error{}};
    if (!runJob(true, result)) {
        m_summary->setText(tr("Check cancelled. Press Check again to see what the import "
                              "would do."));
        m_checked = false;
        updateButtons();
        return false;
    }
    if (!result.ok()) {
        setRefused(result.error().message);
        return false;
    }
    m_report = result.value();
    m_checked = true;
    showReport(tr("If imported now: %1 added, %2 updated, %3 skipped, %4 rejected. Nothing "
                  "has been imported yet.")
                   .arg(m_report.created)
                   .arg(m_report.updated)
                   .arg(m_report.skipped)
                   .arg(m_report.rejectedRows()));
    return true;
}

void ImportDialog::runImport()
{
    if (!m_inspected || m_imported)
        return;
    if (const models::Status required = io::InstrumentImport::checkRequired(fields()); !required) {
        m_context.dialogs().warning(this, tr("Cannot import"), required.error().message);
        return;
    }
    models::Result<io::ImportReport> result{models::Error{}};
    if (!runJob(false, result)) {
        m_summary->setText(tr("Import cancelled; nothing was imported."));
        m_context.dialogs().information(this, tr("Import cancelled"),
                                        tr("The import was cancelled; nothing was imported."));
        return;
    }
    if (!result.ok()) {
        m_context.dialogs().critical(this, tr("Nothing imported"),
                                     tr("%1\n\nNothing was imported.").arg(result.error().message));
        return;
    }
    m_report = result.value();
    m_imported = true;
    const QString summary = tr("Imported: %1 added, %2 updated, %3 skipped, %4 rejected.")
                                .arg(m_report.created)
                                .arg(m_report.updated)
                                .arg(m_report.skipped)
                                .arg(m_report.rejectedRows());
    showReport(summary);
    m_context.notifyDataChanged();
    Q_EMIT importFinished();
    m_context.dialogs().information(this, tr("Import finished"), summary);
}

void ImportDialog::showReport(const QString &summary)
{
    QString text = summary;
    if (m_report.issues.size() > ImportTables::ShownIssues)
        text += QLatin1Char(' ') + tr("The first %1 problems are listed; the saved report has "
                                      "all %2.")
                                       .arg(ImportTables::ShownIssues)
                                       .arg(m_report.issues.size());
    m_summary->setText(text);
    ImportTables::fillReport(*m_reportTable, m_report);
    updateButtons();
}

void ImportDialog::mappingChanged()
{
    if (m_imported)
        return;
    m_checked = false;
    m_summary->setText(tr("The columns or the choice for existing serials changed: press Check "
                          "again to see the new report, or Import."));
    updateButtons();
}

void ImportDialog::setRefused(const QString &reason)
{
    m_checked = false;
    m_report = {};
    ImportTables::fillReport(*m_reportTable, m_report);
    m_summary->setText(reason);
    updateButtons();
}

void ImportDialog::updateButtons()
{
    m_check->setEnabled(m_inspected && !m_imported);
    m_import->setEnabled(m_inspected && !m_imported);
    m_headerRow->setEnabled(m_inspected && !m_imported);
    m_mapping->setEnabled(!m_imported);
    m_update->setEnabled(!m_imported);
    m_skip->setEnabled(!m_imported);
    m_saveReport->setEnabled((m_checked || m_imported) && !m_report.issues.isEmpty());
}

void ImportDialog::saveReport()
{
    const QFileInfo source(m_path);
    const QString suggested =
        source.dir().filePath(tr("%1 import report.xlsx").arg(source.completeBaseName()));
    QString path = m_context.dialogs().saveFileName(this, tr("Save the import report"), suggested,
                                                    tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("xlsx") && suffix != QLatin1String("csv"))
        path += QStringLiteral(".xlsx");
    if (const models::Status saved = io::InstrumentExport::writeReport(path, m_report); !saved)
        m_context.dialogs().critical(this, tr("Report not saved"), saved.error().message);
}

} // namespace jl::ui
