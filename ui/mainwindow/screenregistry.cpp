#include "ui/mainwindow/screenregistry.h"

namespace jl::ui {

void ScreenRegistry::addGroup(ScreenGroup group)
{
    Q_ASSERT(!findGroup(group.id));
    m_groups.append(std::move(group));
}

void ScreenRegistry::add(ScreenDescriptor screen)
{
    Q_ASSERT(!find(screen.id));
    Q_ASSERT(screen.group.isEmpty() || findGroup(screen.group));
    Q_ASSERT(screen.create);
    m_screens.append(std::move(screen));
}

const ScreenDescriptor *ScreenRegistry::find(const QString &id) const
{
    for (const ScreenDescriptor &screen : m_screens) {
        if (screen.id == id)
            return &screen;
    }
    return nullptr;
}

const ScreenGroup *ScreenRegistry::findGroup(const QString &id) const
{
    for (const ScreenGroup &group : m_groups) {
        if (group.id == id)
            return &group;
    }
    return nullptr;
}

} // namespace jl::ui
