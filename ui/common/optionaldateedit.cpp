#include "ui/common/optionaldateedit.h"

#include <QCalendarWidget>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalBlocker>

namespace jl::ui {

OptionalDateEdit::OptionalDateEdit(QWidget *parent)
    : QDateEdit(parent)
{
    setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    setCalendarPopup(true);
    setMinimumDate(emptyDate());
    setMaximumDate({9999, 12, 31});
    setSpecialValueText(tr("Not set"));
    setDate(emptyDate());
    setToolTip(tr("Press Delete to clear the date"));
    // An empty picker would open its calendar in 1900; start at today instead.
    calendarWidget()->installEventFilter(this);
    connect(this, &QDateEdit::dateChanged, this, [this](QDate) { Q_EMIT valueChanged(value()); });
}

QDate OptionalDateEdit::value() const
{
    return isEmpty() ? QDate() : date();
}

void OptionalDateEdit::setValue(QDate date)
{
    setDate(date.isValid() ? date : emptyDate());
}

bool OptionalDateEdit::isEmpty() const
{
    return date() == emptyDate();
}

void OptionalDateEdit::keyPressEvent(QKeyEvent *event)
{
    const bool erase = event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace;
    if (erase && (isEmpty() || lineEdit()->selectedText() == lineEdit()->text())) {
        clearValue();
        event->accept();
        return;
    }
    QDateEdit::keyPressEvent(event);
}

bool OptionalDateEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == calendarWidget() && event->type() == QEvent::Show && isEmpty()) {
        // Blocked so that merely opening the calendar does not pick today.
        const QSignalBlocker blocker(calendarWidget());
        calendarWidget()->setSelectedDate(QDate::currentDate());
    }
    return QDateEdit::eventFilter(watched, event);
}

} // namespace jl::ui
