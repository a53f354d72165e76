#pragma once

#include "ui/common/screen.h"

class QAction;

namespace jl::models {
class ConflictListModel;
class LocalCollections;
} // namespace jl::models

namespace jl::ui {

class ConflictDetail;
class ListScreen;
class ScreenContext;

// 冲突 (sync.md §15): records changed here and on the server, listed above; the selected
// one compared field by field below; 保留我的 / 采用服务器的 for one or many.
class ConflictsScreen final : public Screen {
    Q_OBJECT

public:
    ConflictsScreen(ScreenContext &context, const models::LocalCollections &collections,
                    QWidget *parent = nullptr);

    void applyArguments(const QVariantMap &arguments) override;

    ListScreen *list() const { return m_list; }
    models::ConflictListModel *model() const { return m_model; }
    ConflictDetail *detail() const { return m_detail; }
    QAction *keepMineAction() const { return m_keepMine; }
    QAction *keepTheirsAction() const { return m_keepTheirs; }

public Q_SLOTS:
    void keepMineSelected();
    void keepTheirsSelected();

private:
    void resolve(bool mine);
    void showCurrent();

    ScreenContext &m_context;
    const models::LocalCollections &m_collections;
    ListScreen *m_list = nullptr;
    models::ConflictListModel *m_model = nullptr;
    ConflictDetail *m_detail = nullptr;
    QAction *m_keepMine = nullptr;
    QAction *m_keepTheirs = nullptr;
};

} // namespace jl::ui
