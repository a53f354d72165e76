#include "ui/home/statcard.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace jl::ui {

StatCard::StatCard(const QString &caption, const QString &color, QWidget *parent)
    : QPushButton(parent)
    , m_caption(caption)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
    auto *column = new QVBoxLayout(this);
    m_number = new QLabel(QStringLiteral("–"), this);
    m_label = new QLabel(caption, this);
    for (QLabel *label : {m_number, m_label}) {
        label->setAlignment(Qt::AlignCenter);
        // The button takes the clicks and the focus; the labels only show.
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        column->addWidget(label);
    }
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 2.0); // relative to the user's font, never fixed
    big.setBold(true);
    m_number->setFont(big);
    if (!color.isEmpty()) {
        const QString style = QStringLiteral("color: %1;").arg(color);
        m_number->setStyleSheet(style);
        m_label->setStyleSheet(style);
    }
    setAccessibleName(caption);
}

void StatCard::setValue(int value)
{
    m_number->setText(QLocale().toString(value));
    setToolTip({});
    setAccessibleName(tr("%1: %2").arg(m_caption, m_number->text()));
}

void StatCard::setUnavailable(const QString &why)
{
    m_number->setText(QStringLiteral("–"));
    setToolTip(why);
    setAccessibleName(tr("%1: unavailable").arg(m_caption));
}

QString StatCard::valueText() const
{
    return m_number->text();
}

QSize StatCard::sizeHint() const
{
    // QPushButton sizes itself by its own text; this one shows its labels instead.
    const QSize content = layout()->sizeHint();
    return {qMax(content.width() + 24, fontMetrics().averageCharWidth() * 22),
            content.height() + 12};
}

} // namespace jl::ui
