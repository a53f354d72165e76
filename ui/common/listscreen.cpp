#include "ui/common/listscreen.h"

#include "models/rules/warninglevel.h"

#include "ui/common/backgroundjob.h"
#include "ui/common/dialogs.h"
#include "ui/common/filterbar.h"
#include "ui/common/listexport.h"
#include "ui/common/listfooter.h"
#include "ui/common/listprinter.h"
#include "ui/common/listtableview.h"
#include "ui/common/pendingsyncdelegate.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace jl::ui {

ListScreen::ListScreen(Dialogs &dialogs, QWidget *parent)
    : QWidget(parent)
    , m_dialogs(dialogs)
{
    m_filters = new FilterBar(this);
    m_actions = new ActionBar(this);
    m_table = new ListTableView(this);
    m_table->setAccessibleName(tr("List"));
    m_footer = new ListFooter(this);

    auto *column = new QVBoxLayout(this);
    column->addWidget(m_filters);
    column->addWidget(m_actions);
    column->addWidget(m_table, 1);
    column->addWidget(m_footer);

    m_print = new QAction(tr("Print…"), this);
    m_print->setShortcut(QKeySequence::Print);
    m_print->setToolTip(tr("Print the list as shown"));
    m_pdf = new QAction(tr("Save as PDF…"), this);
    m_pdf->setToolTip(tr("Save the list as shown to a PDF file"));
    m_export = new QAction(tr("Export…"), this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(tr("Save the list as shown to an Excel or CSV file"));
    m_find = new QAction(tr("Find"), this);
    m_find->setShortcut(QKeySequence::Find);
    for (QAction *action : {m_print, m_pdf, m_export, m_find}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QWidget::addAction(action);
    }
    // Ctrl+F works from anywhere in the window (the navigation, the tab bar): only the list
    // of the current tab is visible, so only its shortcut is live.
    m_find->setShortcutContext(Qt::WindowShortcut);
    m_actions->addTrailing(m_print);
    m_actions->addTrailing(m_pdf);
    m_actions->addTrailing(m_export);

    connect(m_find, &QAction::triggered, m_filters, &FilterBar::focusFirstField);
    connect(m_print, &QAction::triggered, this, &ListScreen::print);
    connect(m_pdf, &QAction::triggered, this, &ListScreen::saveAsPdf);
    connect(m_export, &QAction::triggered, this, &ListScreen::exportList);
    connect(m_filters, &FilterBar::filterChanged, this, &ListScreen::updateEmptyText);
    connect(m_table, &ListTableView::rowActivated, this, &ListScreen::rowActivated);
    setEmptyTexts(tr("No records yet."), tr("No records match the filter. Press Reset to see "
                                            "all records."));
}

ListScreen::~ListScreen()
{
    m_table->saveColumnState();
}

void ListScreen::setTitle(const QString &title)
{
    m_title = title;
    m_table->setAccessibleName(tr("%1 list").arg(title));
}

void ListScreen::setModel(QAbstractItemModel *model, const ColumnDefaults &columns)
{
    m_model = model;
    m_table->setColumnDefaults(columns);
    m_table->setModel(model);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateCounts();
        Q_EMIT selectionChanged();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &ListScreen::updateCounts);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ListScreen::updateCounts);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ListScreen::updateCounts);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ListScreen::updateCounts);
    updateCounts();
}

void ListScreen::setEmptyTexts(const QString &noRecords, const QString &noMatches)
{
    m_noRecords = noRecords;
    m_noMatches = noMatches;
    updateEmptyText();
}

void ListScreen::setStateStore(QSettings *settings, const QString &key)
{
    m_table->setStateStore(settings, key);
}

void ListScreen::setPendingSyncRole(int role, int column)
{
    m_table->setItemDelegateForColumn(column, new PendingSyncDelegate(role, m_table));
}

void ListScreen::addListAction(QAction *action, Needs needs)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QWidget::addAction(action);
    m_actions->add(action, needs);
}

QList<int> ListScreen::selectedRows() const
{
    return m_table->selectedRows();
}

int ListScreen::rowCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

void ListScreen::updateCounts()
{
    const int selected = int(m_table->selectedRows().size());
    m_footer->setCount(rowCount());
    m_footer->setSelectedCount(selected);
    m_actions->setSelectedCount(selected);
    // Every visible row printed: an empty list has nothing to print.
    const bool any = rowCount() > 0;
    m_print->setEnabled(any);
    m_pdf->setEnabled(any);
    m_export->setEnabled(any);
    updateEmptyText();
}

void ListScreen::updateEmptyText()
{
    m_table->setEmptyText(m_filters->isFiltering() ? m_noMatches : m_noRecords);
}

bool ListScreen::confirmLargeOutput()
{
    // The layout is built on the UI thread from every visible row: tens of thousands of rows
    // mean a long wait and a stack of paper, so the operator chooses knowingly.
    constexpr int LargeList = 2000;
    const int rows = rowCount();
    if (rows <= LargeList)
        return true;
    return m_dialogs.confirm(
        this, tr("A long list"),
        tr("The list shows %1 rows; printing them takes a while and many pages. Narrow the "
           "list with the filter first, or continue anyway?")
            .arg(rows));
}

void ListScreen::print()
{
    if (!m_model || !confirmLargeOutput())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(m_title);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print %1").arg(m_title));
    ListPrinter layout(*m_model, m_table->visibleColumns(), m_title);
    layout.setSubtitle(m_filters->summary());
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [&layout](QPrinter *target) { layout.print(target); });
    preview.exec();
}

void ListScreen::saveAsPdf()
{
    if (!m_model || !confirmLargeOutput())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        tr("%1 %2.pdf").arg(m_title, models::shanghaiToday().toString(Qt::ISODate)));
    const QString path =
        m_dialogs.saveFileName(this, tr("Save as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    ListPrinter layout(*m_model, m_table->visibleColumns(), m_title);
    layout.setSubtitle(m_filters->summary());
    const QString error = layout.writePdf(path);
    if (!error.isEmpty())
        m_dialogs.critical(this, tr("PDF not saved"), error);
}

void ListScreen::exportList()
{
    if (m_exportHandler) {
        m_exportHandler();
        return;
    }
    if (!m_model)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        tr("%1 %2.xlsx").arg(m_title, models::shanghaiToday().toString(Qt::ISODate)));
    QString path = m_dialogs.saveFileName(this, tr("Export"), suggested,
                                          tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"));
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("xlsx") && suffix != QLatin1String("csv"))
        path += QStringLiteral(".xlsx");
    const ListExport::Table table = ListExport::copy(*m_model, m_table->visibleColumns());
    const QString sheet = m_title;
    models::Status written;
    const bool finished = BackgroundJob::run(
        this, tr("Export"), tr("Writing %1…").arg(QFileInfo(path).fileName()),
        [&written, &table, path, sheet](BackgroundJob::Control &control) {
            written = ListExport::write(
                path, table, sheet, [&control](double f) { control.setProgress(f); },
                &control.cancel);
        });
    if (!finished)
        m_dialogs.information(this, tr("Export cancelled"),
                              tr("The export was cancelled; no file was written."));
    else if (!written)
        m_dialogs.critical(this, tr("Not exported"), written.error().message);
}

} // namespace jl::ui
