#include "ui/common/actionbar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QToolButton>

namespace jl::ui {

ActionBar::ActionBar(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Actions"));
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->addStretch(1);
}

void ActionBar::add(QAction *action, Needs needs)
{
    addButton(action, needs, m_leadingCount++);
}

void ActionBar::addTrailing(QAction *action, Needs needs)
{
    addButton(action, needs, m_row->count());
}

void ActionBar::addButton(QAction *action, Needs needs, int index)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    m_row->insertWidget(index, button);
    QString tooltip = action->toolTip();
    if (!action->shortcut().isEmpty())
        tooltip = tr("%1 (%2)").arg(tooltip, action->shortcut().toString(QKeySequence::NativeText));
    m_items.append({action, needs, tooltip, true, {}});
    update(m_items.last());
}

void ActionBar::setAllowed(QAction *action, bool allowed, const QString &why)
{
    for (Item &item : m_items) {
        if (item.action == action) {
            item.allowed = allowed;
            item.why = why;
            update(item);
        }
    }
}

void ActionBar::setSelectedCount(int count)
{
    m_selected = count;
    for (Item &item : m_items)
        update(item);
}

void ActionBar::update(Item &item)
{
    if (!item.action)
        return;
    QString why;
    if (item.needs == Needs::Selection && m_selected == 0)
        why = tr("Select one or more rows first");
    else if (item.needs == Needs::SingleRow && m_selected != 1)
        why = m_selected == 0 ? tr("Select a row first") : tr("Select exactly one row");
    else if (!item.allowed)
        why = item.why;
    item.action->setEnabled(why.isEmpty() && item.allowed);
    item.action->setToolTip(why.isEmpty() ? item.tooltip : why);
}

} // namespace jl::ui
