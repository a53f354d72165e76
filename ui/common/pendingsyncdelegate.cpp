#include "ui/common/pendingsyncdelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>

namespace jl::ui {

namespace {
// Drawn rather than loaded: the SVG icon plugin is not installed everywhere, and a dot
// painted at a few sizes stays crisp at any display scale.
QIcon markerIcon()
{
    QIcon icon;
    for (const int size : {8, 12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x15, 0x65, 0xc0)); // blue: "not yet sent", not a warning
        const qreal margin = size / 4.0;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
} // namespace

PendingSyncDelegate::PendingSyncDelegate(int pendingRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(pendingRole)
    , m_marker(markerIcon())
{}

QString PendingSyncDelegate::pendingText()
{
    return tr("Changed locally, not yet synced");
}

void PendingSyncDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(m_role).toBool())
        return;
    const int size = option->fontMetrics.height();
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = m_marker;
    option->decorationSize = QSize(size, size);
    option->decorationPosition = QStyleOptionViewItem::Left;
}

bool PendingSyncDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.data(m_role).toBool()) {
        QString text = pendingText();
        const QString own = index.data(Qt::ToolTipRole).toString();
        if (!own.isEmpty())
            text = own + QLatin1Char('\n') + text;
        QToolTip::showText(event->globalPos(), text, view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace jl::ui
