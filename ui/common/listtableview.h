#pragma once

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QString>
#include <QTableView>

class QLabel;
class QMenu;
class QSettings;
class QTimer;

namespace jl::ui {

// How a list shows its columns until the user changes them (logical model columns).
struct ColumnDefaults {
    QList<int> order;  // these first, in this order; the rest after them
    QList<int> hidden; // shown again from the header's menu
};

// The table of a list screen: sortable, multi-select by rows, alternating rows, a column
// chooser in the header's context menu, Ctrl+C as tab-separated text (pastes into Excel),
// an empty-state line, and its columns (order, width, hidden) kept in the settings.
class ListTableView final : public QTableView {
    Q_OBJECT

public:
    explicit ListTableView(QWidget *parent = nullptr);
    ~ListTableView() override;

    // Set before setModel().
    void setColumnDefaults(const ColumnDefaults &defaults) { m_defaults = defaults; }
    void setModel(QAbstractItemModel *model) override;

    // Shown at the top of the table while it has no rows.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

    // Where the column state lives ("<key>/header" in `settings`). Restores it at once.
    void setStateStore(QSettings *settings, const QString &key);
    void saveColumnState();
    void resetColumns();

    // Model rows with a selected cell, ascending.
    QList<int> selectedRows() const;
    // Logical columns as the user sees them: visible ones in their visual order.
    QList<int> visibleColumns() const;
    // The selected cells as rows of tab-separated text, visible columns only.
    QString selectionAsText() const;
    void copySelection();

    // The column chooser (also the header's context menu); the caller owns the menu.
    QMenu *createColumnMenu(QWidget *parent);

Q_SIGNALS:
    // Double-click or Enter on a row: open its detail.
    void rowActivated(int row);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();
    void updateEmptyState();
    void placeEmptyLabel();
    void restoreColumnState();
    void scheduleSave();

    QString m_emptyText;
    QLabel *m_emptyLabel = nullptr;
    QPointer<QSettings> m_settings;
    QString m_stateKey;
    QByteArray m_defaultState;
    ColumnDefaults m_defaults;
    QTimer *m_saveTimer = nullptr;
};

} // namespace jl::ui
