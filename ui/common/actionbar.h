#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QAction;
class QHBoxLayout;

namespace jl::ui {

// The buttons above a list. An action that needs a selection is disabled without one, and
// its tooltip says why, so that a greyed-out button is never a riddle.
class ActionBar final : public QWidget {
    Q_OBJECT

public:
    enum class Needs { Nothing, Selection, SingleRow };

    explicit ActionBar(QWidget *parent = nullptr);

    // A button for `action`, after the screen's other actions.
    void add(QAction *action, Needs needs = Needs::Nothing);
    // A button at the right end (print, PDF), apart from the screen's own actions.
    void addTrailing(QAction *action, Needs needs = Needs::Nothing);
    // Enables or disables a screen's action for its own reasons; combined with Needs.
    void setAllowed(QAction *action, bool allowed, const QString &why = {});

    void setSelectedCount(int count);

private:
    struct Item {
        QPointer<QAction> action;
        Needs needs;
        QString tooltip; // the action's own tooltip, shown while it is enabled
        bool allowed = true;
        QString why;
    };
    void addButton(QAction *action, Needs needs, int index);
    void update(Item &item);

    QHBoxLayout *m_row = nullptr;
    int m_leadingCount = 0;
    int m_selected = 0;
    QList<Item> m_items;
};

} // namespace jl::ui
