#include "ui/common/listtableview.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace jl::ui {

namespace {
// Tabs and line breaks inside a cell would split it when pasted into a spreadsheet.
QString cellText(const QModelIndex &index)
{
    QString text = index.data(Qt::DisplayRole).toString();
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.remove(QLatin1Char('\r'));
    return text;
}
} // namespace

ListTableView::ListTableView(QWidget *parent)
    : QTableView(parent)
{
    setSortingEnabled(false); // enabled in setModel, once the indicator is set
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setTabKeyNavigation(false); // Tab leaves the table, as in the rest of the program
    verticalHeader()->setVisible(false);
    // Rows follow the font, so that large-font mode and scaling do not clip text.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);

    // A label rather than painted text, so that a screen reader can announce it.
    m_emptyLabel = new QLabel(viewport());
    m_emptyLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyLabel->hide();

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(500);
    connect(m_saveTimer, &QTimer::timeout, this, &ListTableView::saveColumnState);

    QHeaderView *header = horizontalHeader();
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createColumnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(horizontalHeader()->viewport()->mapToGlobal(pos));
    });
    connect(header, &QHeaderView::sectionMoved, this, &ListTableView::scheduleSave);
    connect(header, &QHeaderView::sectionResized, this, &ListTableView::scheduleSave);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ListTableView::scheduleSave);
    connect(this, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT rowActivated(index.row());
    });
}

ListTableView::~ListTableView()
{
    if (m_saveTimer->isActive())
        saveColumnState();
}

void ListTableView::setModel(QAbstractItemModel *model)
{
    // A screen's model is usually an older sibling of its table, so it goes first; once the
    // view has let go of it there is nothing left to save. Connected before the view's own
    // handler, this runs while the header still has its sections.
    if (model) {
        connect(model, &QObject::destroyed, this, [this] {
            if (m_saveTimer->isActive())
                saveColumnState();
        });
    }
    QTableView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &ListTableView::updateEmptyState);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ListTableView::updateEmptyState);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ListTableView::updateEmptyState);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ListTableView::updateEmptyState);
    }
    horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    setSortingEnabled(true);
    QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < m_defaults.order.size(); ++visual) {
        const int logical = m_defaults.order.at(visual);
        if (logical >= 0 && logical < header->count())
            header->moveSection(header->visualIndex(logical), visual);
    }
    for (const int column : std::as_const(m_defaults.hidden))
        header->setSectionHidden(column, true);
    fitColumns();
    // What "reset columns" returns to; taken before the user's state is applied.
    m_defaultState = horizontalHeader()->saveState();
    restoreColumnState();
    updateEmptyState();
}

void ListTableView::fitColumns()
{
    // Wide enough for the header and the first rows, but one long address must not push
    // every other column off the screen.
    const int widest = fontMetrics().averageCharWidth() * 28;
    QHeaderView *header = horizontalHeader();
    for (int column = 0; model() && column < header->count(); ++column) {
        const int wanted = qMax(header->sectionSizeHint(column), sizeHintForColumn(column));
        header->resizeSection(column, qMin(wanted + 8, widest));
    }
}

void ListTableView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateEmptyState();
}

void ListTableView::setStateStore(QSettings *settings, const QString &key)
{
    m_settings = settings;
    m_stateKey = key;
    restoreColumnState();
}

void ListTableView::restoreColumnState()
{
    if (!m_settings || m_stateKey.isEmpty() || !model())
        return;
    const QByteArray state =
        m_settings->value(m_stateKey + QStringLiteral("/header")).toByteArray();
    if (!state.isEmpty())
        horizontalHeader()->restoreState(state);
    m_saveTimer->stop();
}

void ListTableView::scheduleSave()
{
    if (m_settings && !m_stateKey.isEmpty())
        m_saveTimer->start();
}

void ListTableView::saveColumnState()
{
    m_saveTimer->stop();
    if (!m_settings || m_stateKey.isEmpty() || !model())
        return;
    m_settings->setValue(m_stateKey + QStringLiteral("/header"), horizontalHeader()->saveState());
}

void ListTableView::resetColumns()
{
    if (!m_defaultState.isEmpty())
        horizontalHeader()->restoreState(m_defaultState);
    saveColumnState();
}

QList<int> ListTableView::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    // Ranges, not indexes: a select-all over 100,000 rows stays cheap.
    for (const QItemSelectionRange &range : selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QList<int> ListTableView::visibleColumns() const
{
    QList<int> columns;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QString ListTableView::selectionAsText() const
{
    if (!selectionModel() || !model())
        return {};
    const QList<int> columns = visibleColumns();
    QStringList lines;
    for (const int row : selectedRows()) {
        QStringList cells;
        for (const int column : columns) {
            const QModelIndex index = model()->index(row, column);
            cells.append(selectionModel()->isSelected(index) ? cellText(index) : QString());
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}

void ListTableView::copySelection()
{
    const QString text = selectionAsText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

QMenu *ListTableView::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setAccessibleName(tr("Columns"));
    QHeaderView *header = horizontalHeader();
    const int visibleCount = int(visibleColumns().size());
    for (int visual = 0; model() && visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        const QString title = model()->headerData(logical, Qt::Horizontal).toString();
        QAction *action = menu->addAction(title);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(logical));
        // The last visible column stays: a table without columns cannot be brought back.
        action->setEnabled(header->isSectionHidden(logical) || visibleCount > 1);
        action->setData(logical);
        connect(action, &QAction::toggled, this, [this, logical](bool shown) {
            horizontalHeader()->setSectionHidden(logical, !shown);
            saveColumnState();
        });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Restore default columns"));
    connect(reset, &QAction::triggered, this, &ListTableView::resetColumns);
    return menu;
}

void ListTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        currentIndex().isValid()) {
        Q_EMIT rowActivated(currentIndex().row());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ListTableView::updateEmptyState()
{
    const bool empty = model() && model()->rowCount() == 0 && !m_emptyText.isEmpty();
    m_emptyLabel->setText(m_emptyText);
    m_emptyLabel->setAccessibleName(m_emptyText);
    m_emptyLabel->setVisible(empty);
    if (empty)
        placeEmptyLabel();
}

void ListTableView::placeEmptyLabel()
{
    const QRect area = viewport()->rect().adjusted(12, 12, -12, -12);
    m_emptyLabel->setGeometry(area.left(), area.top(), area.width(),
                              m_emptyLabel->heightForWidth(area.width()));
}

void ListTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    if (m_emptyLabel->isVisible())
        placeEmptyLabel();
}

} // namespace jl::ui
