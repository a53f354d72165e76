#pragma once

#include <QPushButton>

class QLabel;

namespace jl::ui {

// A number with a caption, clickable (and focusable) as one button: the home page's counts,
// each opening the list behind it.
class StatCard final : public QPushButton {
    Q_OBJECT

public:
    StatCard(const QString &caption, const QString &color, QWidget *parent = nullptr);

    void setValue(int value);
    // Shown instead of a number when the count could not be read.
    void setUnavailable(const QString &why);
    QString valueText() const;
    QString caption() const { return m_caption; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

private:
    QString m_caption;
    QLabel *m_number = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace jl::ui
