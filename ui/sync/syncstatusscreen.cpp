#include "ui/sync/syncstatusscreen.h"

#include "models/itemmodels/outboxlistmodel.h"
#include "models/store/outbox.h"
#include "sync/syncservice.h"
#include "ui/common/actionbar.h"
#include "ui/common/dialogs.h"
#include "ui/common/filterbar.h"
#include "ui/common/listscreen.h"
#include "ui/common/screencontext.h"
#include "ui/sync/syncstatustext.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace jl::ui {

namespace {
const QString StateKey = QStringLiteral("state");
const QString TextKey = QStringLiteral("text");
} // namespace

using models::OutboxListModel;

SyncStatusScreen::SyncStatusScreen(ScreenContext &context,
                                   const models::LocalCollections &collections, QWidget *parent)
    : Screen(parent)
    , m_context(context)
    , m_collections(collections)
{
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_syncNow = new QPushButton(tr("Sync now"), this);
    m_syncNow->setToolTip(tr("Send the waiting changes and fetch the server's (F5)"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_syncNow);

    m_model = new OutboxListModel(context.database(), collections, this);
    m_list = new ListScreen(context.dialogs(), this);
    m_list->setTitle(tr("Sync status"));
    m_list->setEmptyTexts(tr("Every change has reached the server: nothing is waiting."),
                          tr("No waiting change matches the filter. Press Reset to see them all."));
    m_list->filterBar()->addText(TextKey, tr("Record or error"));
    m_list->filterBar()->addChoice(
        StateKey, tr("State"),
        {{OutboxListModel::stateText(QStringLiteral("pending")), QStringLiteral("pending")},
         {OutboxListModel::stateText(QStringLiteral("rejected")), QStringLiteral("rejected")},
         {OutboxListModel::stateText(QStringLiteral("conflict")), QStringLiteral("conflict")}});
    ColumnDefaults columns;
    m_list->setModel(m_model, columns);
    m_list->setStateStore(&context.settings(), QStringLiteral("screens/sync.status"));

    m_retry = new QAction(tr("Retry"), this);
    m_retry->setToolTip(tr("Send the selected changes again at the next sync"));
    m_discard = new QAction(tr("Discard"), this);
    m_discard->setShortcut(QKeySequence::Delete);
    m_discard->setToolTip(tr("Give up the selected changes and put the records back as the "
                             "server has them"));
    m_list->addListAction(m_retry, ListScreen::Needs::Selection);
    m_list->addListAction(m_discard, ListScreen::Needs::Selection);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(top);
    column->addWidget(m_list, 1);

    connect(m_retry, &QAction::triggered, this, &SyncStatusScreen::retrySelected);
    connect(m_discard, &QAction::triggered, this, &SyncStatusScreen::discardSelected);
    connect(m_list->filterBar(), &FilterBar::filterChanged, this, &SyncStatusScreen::applyFilter);
    connect(&context, &ScreenContext::dataChanged, m_model, &OutboxListModel::refresh);
    connect(&context, &ScreenContext::dataChanged, this, &SyncStatusScreen::refreshHeader);
    connect(m_model, &OutboxListModel::loadFailed, this, [this](const QString &message) {
        m_context.dialogs().warning(this, tr("Could not read the waiting changes"), message);
    });
    if (sync::SyncService *service = context.syncService()) {
        connect(m_syncNow, &QPushButton::clicked, service, &sync::SyncService::requestSync);
        connect(service, &sync::SyncService::statusChanged, this, &SyncStatusScreen::refreshHeader);
        // A run moves entries between states: the list follows it once the run is over, not
        // at every batch (a large push reports hundreds of times).
        connect(service, &sync::SyncService::statusChanged, m_model,
                [this](const sync::SyncStatus &status) {
                    if (!status.busy())
                        m_model->refresh();
                });
    } else {
        m_syncNow->setEnabled(false);
        m_syncNow->setToolTip(SyncStatusText::notSignedIn());
    }
    m_header->setAccessibleName(tr("Sync state"));
    refreshHeader();
}

void SyncStatusScreen::applyArguments(const QVariantMap &arguments)
{
    m_list->filterBar()->applyArguments(arguments);
}

void SyncStatusScreen::applyFilter()
{
    const FilterBar *bar = m_list->filterBar();
    m_model->setStateFilter(bar->value(StateKey).toString());
    m_model->setTextFilter(bar->value(TextKey).toString());
}

QString SyncStatusScreen::headerText() const
{
    return m_header->text();
}

void SyncStatusScreen::refreshHeader()
{
    sync::SyncService *service = m_context.syncService();
    const sync::SyncStatus status = service ? service->status() : sync::SyncStatus{};
    m_header->setText(SyncStatusText::summary(service ? &status : nullptr,
                                              SyncStatusText::counts(m_context.database())));
    m_syncNow->setEnabled(service && !status.busy());
    // An entry being sent may be acknowledged any moment: giving it up then would put the
    // record back while the server keeps the change.
    m_list->actionBar()->setAllowed(m_discard, !status.busy(),
                                    tr("Wait until the sync in progress has finished."));
}

void SyncStatusScreen::retrySelected()
{
    const QList<qint64> seqs = m_model->seqsAt(m_list->selectedRows());
    if (seqs.isEmpty())
        return;
    if (const models::Status s =
            models::outbox::retry(m_context.database(), seqs, m_context.actor());
        !s) {
        m_context.dialogs().warning(this, tr("Not retried"), s.error().message);
        return;
    }
    m_context.notifyDataChanged();
    if (sync::SyncService *service = m_context.syncService())
        service->requestSync();
}

void SyncStatusScreen::discardSelected()
{
    const QList<qint64> seqs = m_model->seqsAt(m_list->selectedRows());
    if (seqs.isEmpty())
        return;
    const QString question =
        tr("Discard %n change(s)? They will never reach the server, and the records go back to "
           "how they were before (a new record that was never sent is removed). This cannot be "
           "undone.",
           nullptr, int(seqs.size()));
    if (!m_context.dialogs().confirm(this, tr("Discard changes"), question))
        return;
    if (const models::Status s =
            models::outbox::discard(m_context.database(), m_collections, seqs, m_context.actor());
        !s) {
        m_context.dialogs().critical(this, tr("Nothing was discarded"), s.error().message);
        return;
    }
    m_context.notifyDataChanged();
}

} // namespace jl::ui
