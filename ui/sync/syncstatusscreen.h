#pragma once

#include "ui/common/screen.h"

class QAction;
class QLabel;
class QPushButton;

namespace jl::models {
class LocalCollections;
class OutboxListModel;
} // namespace jl::models

namespace jl::ui {

class ListScreen;
class ScreenContext;

// 同步状态 (issue 4): every change waiting in the outbox with its state, attempts and the
// server's last answer; 重试 and 放弃 for one or many; a line with the sync state and
// 立即同步 above.
class SyncStatusScreen final : public Screen {
    Q_OBJECT

public:
    SyncStatusScreen(ScreenContext &context, const models::LocalCollections &collections,
                     QWidget *parent = nullptr);

    void applyArguments(const QVariantMap &arguments) override;

    ListScreen *list() const { return m_list; }
    models::OutboxListModel *model() const { return m_model; }
    QAction *retryAction() const { return m_retry; }
    QAction *discardAction() const { return m_discard; }
    QPushButton *syncButton() const { return m_syncNow; }
    QString headerText() const;

public Q_SLOTS:
    void retrySelected();
    void discardSelected();
    void refreshHeader();

private:
    void applyFilter();

    ScreenContext &m_context;
    const models::LocalCollections &m_collections;
    QLabel *m_header = nullptr;
    QPushButton *m_syncNow = nullptr;
    ListScreen *m_list = nullptr;
    models::OutboxListModel *m_model = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_discard = nullptr;
};

} // namespace jl::ui
