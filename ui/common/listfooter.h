#pragma once

#include <QWidget>

class QLabel;

namespace jl::ui {

// The line under a list: 共 N 条, how many rows are selected, and a screen's own summary.
class ListFooter final : public QWidget {
    Q_OBJECT

public:
    explicit ListFooter(QWidget *parent = nullptr);

    void setCount(int count);
    void setSelectedCount(int count);
    void setSummary(const QString &summary);

    QString countText() const;
    QString selectionText() const;
    QString summaryText() const;

private:
    QLabel *m_count = nullptr;
    QLabel *m_selection = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace jl::ui
