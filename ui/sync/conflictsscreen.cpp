#include "ui/sync/conflictsscreen.h"

#include "models/itemmodels/conflictlistmodel.h"
#include "models/store/conflicts.h"
#include "sync/syncservice.h"
#include "ui/common/dialogs.h"
#include "ui/common/filterbar.h"
#include "ui/common/listscreen.h"
#include "ui/common/screencontext.h"
#include "ui/sync/conflictdetail.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QVBoxLayout>

namespace jl::ui {

namespace {
const QString TextKey = QStringLiteral("text");
}

using models::ConflictListModel;

ConflictsScreen::ConflictsScreen(ScreenContext &context,
                                 const models::LocalCollections &collections, QWidget *parent)
    : Screen(parent)
    , m_context(context)
    , m_collections(collections)
{
    m_model = new ConflictListModel(context.database(), collections, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list = new ListScreen(context.dialogs(), splitter);
    m_list->setTitle(tr("Conflicts"));
    m_list->setEmptyTexts(tr("No conflicts: every change agrees with the server."),
                          tr("No conflict matches the filter. Press Reset to see them all."));
    m_list->filterBar()->addText(TextKey, tr("Record"));
    m_list->setModel(m_model);
    m_list->setStateStore(&context.settings(), QStringLiteral("screens/sync.conflicts"));
    m_detail = new ConflictDetail(collections, splitter);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_keepMine = new QAction(tr("Keep mine"), this);
    m_keepMine->setToolTip(tr("Send your values of the marked fields to the server"));
    m_keepTheirs = new QAction(tr("Take the server's"), this);
    m_keepTheirs->setToolTip(tr("Give up your values of the marked fields and keep the "
                                "server's"));
    m_list->addListAction(m_keepMine, ListScreen::Needs::Selection);
    m_list->addListAction(m_keepTheirs, ListScreen::Needs::Selection);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(splitter);

    connect(m_keepMine, &QAction::triggered, this, &ConflictsScreen::keepMineSelected);
    connect(m_keepTheirs, &QAction::triggered, this, &ConflictsScreen::keepTheirsSelected);
    connect(m_list, &ListScreen::selectionChanged, this, &ConflictsScreen::showCurrent);
    connect(m_list->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConflictsScreen::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConflictsScreen::showCurrent);
    connect(m_list->filterBar(), &FilterBar::filterChanged, this,
            [this] { m_model->setTextFilter(m_list->filterBar()->value(TextKey).toString()); });
    connect(&context, &ScreenContext::dataChanged, m_model, &ConflictListModel::refresh);
    connect(m_model, &ConflictListModel::loadFailed, this, [this](const QString &message) {
        m_context.dialogs().warning(this, tr("Could not read the conflicts"), message);
    });
    showCurrent();
}

void ConflictsScreen::applyArguments(const QVariantMap &arguments)
{
    m_list->filterBar()->applyArguments(arguments);
}

void ConflictsScreen::showCurrent()
{
    const QModelIndex current = m_list->table()->currentIndex();
    int row = current.isValid() ? current.row() : -1;
    const QList<int> selected = m_list->selectedRows();
    if ((row < 0 || !selected.contains(row)) && !selected.isEmpty())
        row = selected.first();
    if (row < 0 || row >= m_model->rowCount())
        m_detail->clear();
    else
        m_detail->show(m_model->conflictAt(row));
}

void ConflictsScreen::keepMineSelected()
{
    resolve(true);
}

void ConflictsScreen::keepTheirsSelected()
{
    resolve(false);
}

void ConflictsScreen::resolve(bool mine)
{
    const QList<qint64> ids = m_model->idsAt(m_list->selectedRows());
    if (ids.isEmpty())
        return;
    if (ids.size() > 1) {
        const QString question =
            mine ? tr("Keep your values in %n conflict(s) and send them to the server?", nullptr,
                      int(ids.size()))
                 : tr("Take the server's values in %n conflict(s)? Your values of the marked "
                      "fields are given up.",
                      nullptr, int(ids.size()));
        if (!m_context.dialogs().confirm(this, mine ? tr("Keep mine") : tr("Take the server's"),
                                         question))
            return;
    }
    models::ConflictStore store(m_context.database(), m_collections, m_context.actor());
    const models::Status s = mine ? store.keepMine(ids) : store.keepTheirs(ids);
    if (!s) {
        m_context.dialogs().critical(this, tr("Conflict not resolved"), s.error().message);
        return;
    }
    m_context.notifyDataChanged();
    if (sync::SyncService *service = m_context.syncService(); service && mine)
        service->requestSync();
}

} // namespace jl::ui
