#include "ui/mainwindow/navigationtree.h"

#include "ui/mainwindow/screenregistry.h"

#include <QHash>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTreeWidgetItemIterator>

namespace jl::ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

NavigationTree::NavigationTree(const ScreenRegistry &registry, QWidget *parent)
    : QTreeWidget(parent)
    , m_registry(registry)
{
    setAccessibleName(tr("Navigation"));
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);

    // Groups appear where their first screen is registered, keeping the web menu's order.
    QHash<QString, QTreeWidgetItem *> groups;
    for (const ScreenDescriptor &screen : registry.screens()) {
        QTreeWidgetItem *parentItem = nullptr;
        if (!screen.group.isEmpty()) {
            parentItem = groups.value(screen.group);
            if (!parentItem) {
                const ScreenGroup *group = registry.findGroup(screen.group);
                parentItem = new QTreeWidgetItem(this, {group ? group->title : screen.group});
                if (group)
                    parentItem->setIcon(0, group->icon);
                // A group is a folder, not a screen.
                parentItem->setFlags(Qt::ItemIsEnabled);
                groups.insert(screen.group, parentItem);
            }
        }
        auto *item = parentItem ? new QTreeWidgetItem(parentItem, {screen.title})
                                : new QTreeWidgetItem(this, {screen.title});
        item->setIcon(0, screen.icon);
        item->setData(0, IdRole, screen.id);
        item->setToolTip(0, screen.title);
    }
    expandAll();

    connect(this, &QTreeWidget::itemClicked, this, &NavigationTree::requestItem);
    connect(this, &QTreeWidget::itemActivated, this, &NavigationTree::requestItem);
}

void NavigationTree::refreshBadges()
{
    for (const ScreenDescriptor &screen : m_registry.screens()) {
        QTreeWidgetItem *item = screen.badge ? itemFor(screen.id) : nullptr;
        if (!item)
            continue;
        const ScreenBadge badge = screen.badge();
        // The number in the text, not colour alone (ui.md), and the reason in the tooltip.
        item->setText(0, badge.count > 0 ? tr("%1 (%2)").arg(screen.title).arg(badge.count)
                                         : screen.title);
        item->setToolTip(0, badge.count > 0 ? badge.toolTip : screen.title);
        item->setForeground(0, badge.count > 0 && badge.color.isValid() ? QBrush(badge.color)
                                                                        : QBrush());
    }
}

void NavigationTree::requestItem(QTreeWidgetItem *item)
{
    const QString id = item ? item->data(0, IdRole).toString() : QString();
    if (!id.isEmpty())
        Q_EMIT screenRequested(id);
}

QTreeWidgetItem *NavigationTree::itemFor(const QString &id) const
{
    for (QTreeWidgetItemIterator it(const_cast<NavigationTree *>(this)); *it; ++it) {
        if ((*it)->data(0, IdRole).toString() == id)
            return *it;
    }
    return nullptr;
}

int NavigationTree::preferredWidth() const
{
    return sizeHintForColumn(0) + indentation() * 2 + frameWidth() * 2;
}

void NavigationTree::setCurrentScreen(const QString &id)
{
    const QSignalBlocker blocker(this);
    if (QTreeWidgetItem *item = itemFor(id))
        setCurrentItem(item);
    else
        clearSelection();
}

} // namespace jl::ui
