#pragma once

#include <QVariantMap>
#include <QWidget>

namespace jl::ui {

// A screen shown in a tab of the main window. Arguments let another screen open it in a
// given state (the home page's 警示 card opens the library filtered to 警示).
class Screen : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Called when the screen is opened, or switched to, with arguments. The keys are the
    // screen's own (its filter keys, for a list).
    virtual void applyArguments(const QVariantMap &arguments) { Q_UNUSED(arguments) }
};

} // namespace jl::ui
