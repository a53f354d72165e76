#pragma once

#include <QTreeWidget>

namespace jl::ui {

class ScreenRegistry;

// The menu on the left, as on the web page: top-level screens and groups of screens, built
// from the registry. A click or Enter opens the screen.
class NavigationTree final : public QTreeWidget {
    Q_OBJECT

public:
    explicit NavigationTree(const ScreenRegistry &registry, QWidget *parent = nullptr);

    // Highlights the entry of the screen in front, without opening anything.
    void setCurrentScreen(const QString &id);
    QTreeWidgetItem *itemFor(const QString &id) const;
    // Wide enough for the longest entry, in whatever language and font size.
    int preferredWidth() const;
    // Re-reads every screen's badge (ScreenDescriptor::badge) after the data changed.
    void refreshBadges();

Q_SIGNALS:
    void screenRequested(const QString &id);

private:
    void requestItem(QTreeWidgetItem *item);

    const ScreenRegistry &m_registry;
};

} // namespace jl::ui
