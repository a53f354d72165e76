#pragma once

#include <QColor>
#include <QIcon>
#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace jl::ui {

class Screen;

// One screen the navigation can open. Registered by the screen's area (see
// registerInstrumentScreens), so that a new screen never means editing the main window.
// A count beside a screen's name in the navigation (red warnings, unread messages).
struct ScreenBadge {
    int count = 0; // 0: no badge
    QString toolTip;
    QColor color;
};

struct ScreenDescriptor {
    QString id;    // stable: kept in the settings for tab restore
    QString group; // a ScreenGroup id; empty for a top-level entry (首页)
    QString title;
    QString help; // F1, a few sentences
    QIcon icon;
    bool pinned = false; // no close button (首页)
    std::function<Screen *(QWidget *parent)> create;
    std::function<ScreenBadge()> badge = {}; // read again after every change of the data
};

// A folder of the navigation tree (计量器具管理 …).
struct ScreenGroup {
    QString id;
    QString title;
    QIcon icon;
};

class ScreenRegistry final {
public:
    void addGroup(ScreenGroup group);
    void add(ScreenDescriptor screen);

    const QList<ScreenGroup> &groups() const { return m_groups; }
    // In registration order, which is the navigation order.
    const QList<ScreenDescriptor> &screens() const { return m_screens; }
    const ScreenDescriptor *find(const QString &id) const;
    const ScreenGroup *findGroup(const QString &id) const;

private:
    QList<ScreenGroup> m_groups;
    QList<ScreenDescriptor> m_screens;
};

} // namespace jl::ui
