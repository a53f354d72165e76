#pragma once

#include "ui/common/screen.h"

class QAction;

namespace jl::models {
class InstrumentTableModel;
}

namespace jl::ui {

class ListScreen;
class ScreenContext;

// 曾用计量器具库 (domain.md §8, user manual §2.4): instruments removed from use, with the
// date they left; 恢复 puts them back unless their serial is active again, 彻底删除 removes
// them for good after a confirmation.
class HistoryInstrumentsScreen final : public Screen {
    Q_OBJECT

public:
    explicit HistoryInstrumentsScreen(ScreenContext &context, QWidget *parent = nullptr);

    void applyArguments(const QVariantMap &arguments) override;

    ListScreen *list() const { return m_list; }
    models::InstrumentTableModel *model() const { return m_model; }
    QAction *restoreAction() const { return m_restore; }
    QAction *purgeAction() const { return m_purge; }

public Q_SLOTS:
    void restoreSelected();
    void purgeSelected();

private:
    void applyFilter();
    void showDetail(int row);

    ScreenContext &m_context;
    ListScreen *m_list = nullptr;
    models::InstrumentTableModel *m_model = nullptr;
    QAction *m_restore = nullptr;
    QAction *m_purge = nullptr;
};

} // namespace jl::ui
