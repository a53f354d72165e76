#include "ui/mainwindow/screentabs.h"

#include "ui/common/screen.h"

#include <QMouseEvent>
#include <QTabBar>

namespace jl::ui {

namespace {
const char *const IdProperty = "jl_screenId";
const char *const PinnedProperty = "jl_pinned";
} // namespace

ScreenTabs::ScreenTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setAccessibleName(tr("Open screens"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    setUsesScrollButtons(true);
    tabBar()->installEventFilter(this);
    connect(this, &QTabWidget::tabCloseRequested, this, &ScreenTabs::closeScreenAt);
}

int ScreenTabs::indexOfScreen(const QString &id) const
{
    for (int i = 0; i < count(); ++i) {
        if (screenIdAt(i) == id)
            return i;
    }
    return -1;
}

QString ScreenTabs::screenIdAt(int index) const
{
    const QWidget *page = widget(index);
    return page ? page->property(IdProperty).toString() : QString();
}

Screen *ScreenTabs::screenAt(int index) const
{
    return qobject_cast<Screen *>(widget(index));
}

QStringList ScreenTabs::openScreenIds() const
{
    QStringList ids;
    for (int i = 0; i < count(); ++i)
        ids.append(screenIdAt(i));
    return ids;
}

int ScreenTabs::addScreen(Screen *screen, const QString &id, const QString &title,
                          const QIcon &icon, bool pinned)
{
    screen->setProperty(IdProperty, id);
    screen->setProperty(PinnedProperty, pinned);
    screen->setAccessibleName(title);
    const int index = addTab(screen, icon, title);
    if (pinned) {
        // Both sides: the close button sits on the left on some platforms.
        tabBar()->setTabButton(index, QTabBar::RightSide, nullptr);
        tabBar()->setTabButton(index, QTabBar::LeftSide, nullptr);
    }
    setCurrentIndex(index);
    return index;
}

bool ScreenTabs::isPinned(int index) const
{
    const QWidget *page = widget(index);
    return page && page->property(PinnedProperty).toBool();
}

void ScreenTabs::closeScreenAt(int index)
{
    if (index < 0 || index >= count() || isPinned(index))
        return;
    QWidget *page = widget(index);
    removeTab(index);
    page->deleteLater();
}

void ScreenTabs::closeCurrent()
{
    closeScreenAt(currentIndex());
}

void ScreenTabs::next()
{
    if (count() > 1)
        setCurrentIndex((currentIndex() + 1) % count());
}

void ScreenTabs::previous()
{
    if (count() > 1)
        setCurrentIndex((currentIndex() + count() - 1) % count());
}

bool ScreenTabs::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == tabBar() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            const int index = tabBar()->tabAt(mouse->position().toPoint());
            if (index >= 0) {
                closeScreenAt(index);
                return true;
            }
        }
    }
    return QTabWidget::eventFilter(watched, event);
}

} // namespace jl::ui
