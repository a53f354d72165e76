#pragma once

#include "sync/accountregistry.h"

#include <QToolButton>

class QMenu;

namespace jl::ui {

// The account name at the top right of the main window (as on the web) and its menu:
// 修改联系方式, 切换账号 (the other accounts of this computer, and a new one), 退出登录.
// It only asks; the application does the work.
class AccountMenu final : public QToolButton {
    Q_OBJECT

public:
    AccountMenu(const sync::AccountInfo &current, const QList<sync::AccountInfo> &accounts,
                QWidget *parent = nullptr);

    QAction *editContactAction() const { return m_editContact; }
    QAction *addAccountAction() const { return m_addAccount; }
    QAction *logoutAction() const { return m_logout; }
    // One action per other account, in the registry's order.
    QList<QAction *> switchActions() const { return m_switch; }

Q_SIGNALS:
    void editContactRequested();
    void switchRequested(const jl::sync::AccountInfo &account);
    void addAccountRequested();
    void logoutRequested();

private:
    QMenu *m_menu = nullptr;
    QAction *m_editContact = nullptr;
    QAction *m_addAccount = nullptr;
    QAction *m_logout = nullptr;
    QList<QAction *> m_switch;
};

} // namespace jl::ui
