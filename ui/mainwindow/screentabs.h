#pragma once

#include <QStringList>
#include <QTabWidget>

namespace jl::ui {

class Screen;

// The screens as tabs: one tab per screen id, a pinned one without a close button, closing
// with ×, a middle click or closeCurrent(), and cycling with next()/previous().
class ScreenTabs final : public QTabWidget {
    Q_OBJECT

public:
    explicit ScreenTabs(QWidget *parent = nullptr);

    int indexOfScreen(const QString &id) const;
    QString screenIdAt(int index) const;
    Screen *screenAt(int index) const;
    QStringList openScreenIds() const;

    // Adds the screen as the last tab and shows it; the tabs own it from then on.
    int addScreen(Screen *screen, const QString &id, const QString &title, const QIcon &icon,
                  bool pinned);
    bool isPinned(int index) const;

public Q_SLOTS:
    // Closes (and deletes) the tab unless it is pinned.
    void closeScreenAt(int index);
    void closeCurrent();
    void next();
    void previous();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace jl::ui
