#include "ui/common/listfooter.h"

#include <QHBoxLayout>
#include <QLabel>

namespace jl::ui {

ListFooter::ListFooter(QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_count = new QLabel(this);
    m_selection = new QLabel(this);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    row->addWidget(m_count);
    row->addSpacing(16);
    row->addWidget(m_selection);
    row->addSpacing(16);
    row->addWidget(m_summary, 1);
    setCount(0);
    setSelectedCount(0);
}

void ListFooter::setCount(int count)
{
    m_count->setText(tr("%n record(s) in total", nullptr, count));
    m_count->setAccessibleName(m_count->text());
}

void ListFooter::setSelectedCount(int count)
{
    m_selection->setText(count > 0 ? tr("%n selected", nullptr, count) : QString());
    m_selection->setAccessibleName(m_selection->text());
}

void ListFooter::setSummary(const QString &summary)
{
    m_summary->setText(summary);
    m_summary->setAccessibleName(summary);
}

QString ListFooter::countText() const
{
    return m_count->text();
}
QString ListFooter::selectionText() const
{
    return m_selection->text();
}
QString ListFooter::summaryText() const
{
    return m_summary->text();
}

} // namespace jl::ui
