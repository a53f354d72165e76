#include "ui/mainwindow/syncindicator.h"

#include "sync/syncservice.h"
#include "ui/common/screenids.h"
#include "ui/sync/syncstatustext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace jl::ui {

namespace {
QToolButton *linkButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setStyleSheet(QStringLiteral("color: #c62828;"));
    button->hide();
    return button;
}
} // namespace

SyncIndicator::SyncIndicator(models::Database &db, sync::SyncService *service, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_service(service)
{
    m_state = new QLabel(this);
    m_lastSynced = new QLabel(this);
    m_failed = linkButton(this);
    m_failed->setToolTip(tr("Open the sync status: changes the server refused"));
    m_conflicts = linkButton(this);
    m_conflicts->setToolTip(tr("Open the conflicts to decide between your values and the "
                               "server's"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_failed);
    row->addWidget(m_conflicts);
    row->addWidget(m_lastSynced);
    row->addWidget(m_state);

    connect(m_failed, &QToolButton::clicked, this,
            [this] { Q_EMIT openRequested(QLatin1String(ScreenIds::SyncStatus)); });
    connect(m_conflicts, &QToolButton::clicked, this,
            [this] { Q_EMIT openRequested(QLatin1String(ScreenIds::SyncConflicts)); });
    if (service) {
        connect(service, &sync::SyncService::statusChanged, this, &SyncIndicator::setStatus);
        setStatus(service->status());
    } else {
        m_state->setText(SyncStatusText::state(nullptr));
        m_state->setToolTip(SyncStatusText::notSignedIn());
        m_lastSynced->hide();
    }
    m_state->setAccessibleName(m_state->text());
    refreshCounts();
}

QString SyncIndicator::stateText() const
{
    return m_state->text();
}

QString SyncIndicator::lastSyncedText() const
{
    return m_lastSynced->isHidden() ? QString() : m_lastSynced->text();
}

void SyncIndicator::setStatus(const sync::SyncStatus &status)
{
    m_state->setText(SyncStatusText::state(&status));
    m_state->setToolTip(status.lastError);
    m_state->setAccessibleName(m_state->text());
    m_lastSynced->setText(SyncStatusText::lastSynced(status));
    m_lastSynced->setAccessibleName(m_lastSynced->text());
    m_lastSynced->show();
    refreshCounts();
}

void SyncIndicator::refreshCounts()
{
    const SyncCounts counts = SyncStatusText::counts(m_db);
    m_failed->setText(SyncStatusText::failed(counts.failed));
    m_failed->setAccessibleName(m_failed->text());
    m_failed->setVisible(counts.failed > 0);
    m_conflicts->setText(SyncStatusText::conflicts(counts.conflicts));
    m_conflicts->setAccessibleName(m_conflicts->text());
    m_conflicts->setVisible(counts.conflicts > 0);
}

} // namespace jl::ui
