#pragma once

#include "ui/common/screen.h"

class QAction;

namespace jl::models {
class InstrumentTableModel;
}

namespace jl::ui {

class ListScreen;
class ScreenContext;

// 在用计量器具库 (domain.md §8, user manual §2.1): the active instruments with their warning
// level and completeness; 新增, 编辑, 信息完善, 批量修改 and 移入曾用库, the last two
// undoable with Ctrl+Z; 导入 (also by dropping a file on the list), 导出 of what the filter
// shows, and 下载模板.
class ActiveInstrumentsScreen final : public Screen {
    Q_OBJECT

public:
    explicit ActiveInstrumentsScreen(ScreenContext &context, QWidget *parent = nullptr);

    // "reset": clear the filters first; then any InstrumentFilterFields key.
    void applyArguments(const QVariantMap &arguments) override;

    ListScreen *list() const { return m_list; }
    models::InstrumentTableModel *model() const { return m_model; }
    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *completeAction() const { return m_complete; }
    QAction *batchEditAction() const { return m_batchEdit; }
    QAction *moveToHistoryAction() const { return m_moveToHistory; }
    QAction *importAction() const { return m_import; }
    QAction *templateAction() const { return m_template; }

public Q_SLOTS:
    void addInstrument();
    void editSelected();
    void completeSelected();
    void batchEditSelected();
    void moveSelectedToHistory();
    // 导入: asks for a file unless one is given (a drop on the list).
    void importFile(const QString &path = {});
    void exportList();

private:
    void applyFilter();
    void refresh();
    void updateSummary();
    void openForm(int mode, int row);
    QStringList selectedIds() const;

    ScreenContext &m_context;
    ListScreen *m_list = nullptr;
    models::InstrumentTableModel *m_model = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_complete = nullptr;
    QAction *m_batchEdit = nullptr;
    QAction *m_moveToHistory = nullptr;
    QAction *m_import = nullptr;
    QAction *m_template = nullptr;
};

} // namespace jl::ui
