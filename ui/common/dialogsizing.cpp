#include "ui/common/dialogsizing.h"

#include <QDialog>
#include <QLayout>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>

namespace jl::ui {

void fitToContent(QDialog *dialog, QScrollArea *scroll)
{
    dialog->ensurePolished();
    if (dialog->layout())
        dialog->layout()->activate();
    const QWidget *page = scroll->widget();
    const QSize content = page ? page->sizeHint() : QSize();
    // What the dialog needs around the page: its margins, the buttons, a vertical bar.
    const QSize chrome =
        dialog->sizeHint() - scroll->sizeHint() +
        QSize(scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * scroll->frameWidth(),
              2 * scroll->frameWidth());
    QSize wanted = content + chrome;
    if (const QScreen *screen = dialog->screen()) {
        const QSize room = screen->availableGeometry().size() * 9 / 10;
        wanted = wanted.boundedTo(room);
    }
    dialog->resize(wanted.expandedTo(dialog->minimumSizeHint()));
}

} // namespace jl::ui
