#pragma once

#include "models/domain/verificationrecord.h"
#include "models/rules/instrumentmatchranker.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace jl::ui {

// The side pane of 未匹配检定记录处理: for the selected record, the instruments it most
// likely belongs to, best first, with the confidence and the reasons (出厂编号相差1位,
// 名称相同 …). The first is selected; the screen's 关联 links the selected one.
class MatchCandidatePane final : public QWidget {
    Q_OBJECT

public:
    enum Column { Confidence, SerialNo, Name, Model, Location, Reasons, ColumnCount };

    explicit MatchCandidatePane(QWidget *parent = nullptr);

    // No record selected: the pane says what it is for.
    void clear();
    void setCandidates(const models::VerificationRecord &record,
                       const QList<models::MatchCandidate> &candidates);

    const QList<models::MatchCandidate> &candidates() const { return m_candidates; }
    // The selected candidate, or null.
    const models::MatchCandidate *current() const;
    QTableWidget *table() const { return m_table; }
    QString headingText() const;
    QString emptyText() const;

Q_SIGNALS:
    // Enter or double-click on a candidate.
    void candidateActivated();

private:
    QLabel *m_heading = nullptr;
    QLabel *m_empty = nullptr;
    QTableWidget *m_table = nullptr;
    QList<models::MatchCandidate> m_candidates;
};

} // namespace jl::ui
