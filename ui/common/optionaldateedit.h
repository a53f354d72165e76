#pragma once

#include <QDate>
#include <QDateEdit>

namespace jl::ui {

// A date picker that may be empty: many dates of a record are optional, and QDateEdit
// always holds a date. The empty state is the minimum date, shown as "Not set"; Delete or
// Backspace over the whole text empties it again.
class OptionalDateEdit final : public QDateEdit {
    Q_OBJECT

public:
    explicit OptionalDateEdit(QWidget *parent = nullptr);

    // Invalid when empty.
    QDate value() const;
    void setValue(QDate date);
    bool isEmpty() const;
    void clearValue() { setValue({}); }

Q_SIGNALS:
    void valueChanged(QDate date);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static QDate emptyDate() { return {1900, 1, 1}; }
};

} // namespace jl::ui
