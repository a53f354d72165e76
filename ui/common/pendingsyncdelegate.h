#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace jl::ui {

// Puts a small marker before the text of a cell whose record has local changes not yet
// synced (a model role answering true), and says so in the cell's tooltip: a shape and a
// sentence as well as a colour.
class PendingSyncDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    PendingSyncDelegate(int pendingRole, QObject *parent = nullptr);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    static QString pendingText();

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
    QIcon m_marker;
};

} // namespace jl::ui
