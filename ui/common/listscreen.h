#pragma once

#include "ui/common/actionbar.h"
#include "ui/common/listtableview.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QAction;
class QSettings;

namespace jl::ui {

class Dialogs;
class FilterBar;
class ListFooter;

// The one list screen of the program (ui.md "List screens"), configured by each screen:
// a filter bar, an action bar, the table, and a footer, over any QAbstractItemModel. The
// screen owns the model and turns FilterBar::filterChanged() into a query; this component
// does everything that is the same on every list.
class ListScreen final : public QWidget {
    Q_OBJECT

public:
    using Needs = ActionBar::Needs;

    explicit ListScreen(Dialogs &dialogs, QWidget *parent = nullptr);
    ~ListScreen() override;

    FilterBar *filterBar() const { return m_filters; }
    ActionBar *actionBar() const { return m_actions; }
    ListTableView *table() const { return m_table; }
    ListFooter *footer() const { return m_footer; }

    void setModel(QAbstractItemModel *model, const ColumnDefaults &columns = {});
    // Title of printouts and PDFs.
    // Names the printout and the table for screen readers.
    void setTitle(const QString &title);
    QString title() const { return m_title; }
    // Empty-state lines: nothing exists yet / the filter hides everything.
    void setEmptyTexts(const QString &noRecords, const QString &noMatches);
    // Column state (order, width, hidden) per screen, under `key`.
    void setStateStore(QSettings *settings, const QString &key);
    // Marks rows with unsynced changes, from a boolean model role, in `column`.
    void setPendingSyncRole(int role, int column = 0);

    // Adds a screen action to the action bar and makes its shortcut work while the screen
    // has the focus.
    void addListAction(QAction *action, Needs needs = Needs::Nothing);

    QList<int> selectedRows() const;
    int rowCount() const;

    QAction *printAction() const { return m_print; }
    QAction *pdfAction() const { return m_pdf; }
    QAction *exportAction() const { return m_export; }
    // Replaces the generic export (the visible rows and columns) with the screen's own, e.g.
    // the instrument library's, which a re-import can read back.
    void setExportHandler(std::function<void()> handler) { m_exportHandler = std::move(handler); }

public Q_SLOTS:
    void print();
    // Asks for a path through the dialog seam and writes the visible list there.
    void saveAsPdf();
    // 导出 (Ctrl+E): the screen's handler, or the visible rows and columns to .xlsx or .csv.
    void exportList();

Q_SIGNALS:
    void rowActivated(int row);
    void selectionChanged();

private:
    bool confirmLargeOutput();
    void updateCounts();
    void updateEmptyText();
    QString filterSummary() const;

    Dialogs &m_dialogs;
    QPointer<QAbstractItemModel> m_model;
    FilterBar *m_filters = nullptr;
    ActionBar *m_actions = nullptr;
    ListTableView *m_table = nullptr;
    ListFooter *m_footer = nullptr;
    QAction *m_print = nullptr;
    QAction *m_pdf = nullptr;
    QAction *m_find = nullptr;
    QAction *m_export = nullptr;
    std::function<void()> m_exportHandler;
    QString m_title;
    QString m_noRecords;
    QString m_noMatches;
};

} // namespace jl::ui
