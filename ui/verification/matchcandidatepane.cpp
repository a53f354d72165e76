#include "ui/verification/matchcandidatepane.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace jl::ui {

MatchCandidatePane::MatchCandidatePane(QWidget *parent)
    : QWidget(parent)
{
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setAccessibleName(tr("Likely instruments"));
    m_table->setHorizontalHeaderLabels({tr("Confidence"), tr("Serial no."), tr("Name"), tr("Model"),
                                        tr("Install location"), tr("Why")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Reasons, QHeaderView::Stretch);

    auto *column = new QVBoxLayout(this);
    column->addWidget(m_heading);
    column->addWidget(m_table, 1);
    column->addWidget(m_empty);

    connect(m_table, &QTableWidget::activated, this, &MatchCandidatePane::candidateActivated);
    clear();
}

void MatchCandidatePane::clear()
{
    m_candidates.clear();
    m_table->setRowCount(0);
    m_heading->setText(tr("Likely instruments"));
    m_empty->setText(tr("Select a verification record to see the instruments it most likely "
                        "belongs to."));
    m_empty->show();
}

void MatchCandidatePane::setCandidates(const models::VerificationRecord &record,
                                       const QList<models::MatchCandidate> &candidates)
{
    m_candidates = candidates;
    m_heading->setText(tr("Likely instruments for certificate %1, serial number %2")
                           .arg(record.certificateNo, record.serialNo));
    m_table->setRowCount(int(candidates.size()));
    for (int row = 0; row < candidates.size(); ++row) {
        const models::MatchCandidate &c = candidates.at(row);
        const QString reasons = c.reasonText();
        const QStringList cells{
            tr("%1%").arg(c.confidence), c.instrument.serialNo,        c.instrument.name,
            c.instrument.model,          c.instrument.installLocation, reasons};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(reasons);
            if (column == Confidence)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    if (candidates.isEmpty()) {
        m_empty->setText(tr("No instrument in the library looks like this record. If the "
                            "instrument was never registered, add it with Import (Ctrl+N)."));
        m_empty->show();
    } else {
        m_empty->hide();
        m_table->selectRow(0);
    }
}

const models::MatchCandidate *MatchCandidatePane::current() const
{
    const int row = m_table->currentRow();
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (row < 0 || row >= m_candidates.size() || selected.isEmpty())
        return nullptr;
    return &m_candidates.at(row);
}

QString MatchCandidatePane::headingText() const
{
    return m_heading->text();
}

QString MatchCandidatePane::emptyText() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

} // namespace jl::ui
