#include "ui/account/accountmenu.h"

#include <QMenu>

namespace jl::ui {

AccountMenu::AccountMenu(const sync::AccountInfo &current, const QList<sync::AccountInfo> &accounts,
                         QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("accountMenu"));
    setText(current.enterpriseName.isEmpty() ? current.uscc : current.enterpriseName);
    setToolTip(tr("%1\nUnified social credit code %2\nServer %3")
                   .arg(current.enterpriseName, current.uscc, current.server.toString()));
    setAccessibleName(tr("Account: %1").arg(text()));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAutoRaise(true);

    m_menu = new QMenu(this);
    m_editContact = m_menu->addAction(tr("Change contact details"));
    connect(m_editContact, &QAction::triggered, this, &AccountMenu::editContactRequested);

    QMenu *switchMenu = m_menu->addMenu(tr("Switch account"));
    for (const sync::AccountInfo &a : accounts) {
        if (a.sameAccount(current))
            continue;
        QAction *action = switchMenu->addAction(tr("%1 (%2)").arg(
            a.enterpriseName.isEmpty() ? a.uscc : a.enterpriseName, a.server.host()));
        connect(action, &QAction::triggered, this, [this, a] { Q_EMIT switchRequested(a); });
        m_switch.append(action);
    }
    if (!m_switch.isEmpty())
        switchMenu->addSeparator();
    m_addAccount = switchMenu->addAction(tr("Log in with another account…"));
    connect(m_addAccount, &QAction::triggered, this, &AccountMenu::addAccountRequested);

    m_menu->addSeparator();
    m_logout = m_menu->addAction(tr("Log out"));
    connect(m_logout, &QAction::triggered, this, &AccountMenu::logoutRequested);
    setMenu(m_menu);
}

} // namespace jl::ui
