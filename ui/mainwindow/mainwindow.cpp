#include "ui/mainwindow/mainwindow.h"

#include "models/common/logging.h"
#include "models/store/instrumentstore.h"
#include "models/store/localcollection.h"
#include "sync/syncservice.h"
#include "ui/common/dialogs.h"
#include "ui/common/screen.h"
#include "ui/common/screencontext.h"
#include "ui/mainwindow/navigationtree.h"
#include "ui/mainwindow/screenregistry.h"
#include "ui/mainwindow/screentabs.h"
#include "ui/mainwindow/syncindicator.h"
#include "ui/sync/initialsyncdialog.h"
#include "ui/sync/syncstatustext.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>

#include <climits>

namespace jl::ui {

namespace {
const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString SplitterKey = QStringLiteral("mainWindow/splitter");
const QString TabsKey = QStringLiteral("mainWindow/openScreens");
const QString CurrentKey = QStringLiteral("mainWindow/currentScreen");

// The spec's key first, then the platform's own; a key listed twice would make the
// shortcut ambiguous and dead.
QList<QKeySequence> keys(const QKeySequence &wanted, QKeySequence::StandardKey platform)
{
    QList<QKeySequence> result{wanted};
    for (const QKeySequence &key : QKeySequence::keyBindings(platform)) {
        if (!result.contains(key))
            result.append(key);
    }
    return result;
}
} // namespace

MainWindow::MainWindow(const ScreenRegistry &registry, ScreenContext &context,
                       sync::SyncService *sync, QWidget *parent)
    : QMainWindow(parent)
    , m_registry(registry)
    , m_context(context)
    , m_sync(sync)
{
    // The platform appends the application name (Jiliang / 计量).
    setWindowTitle(tr("Measuring instruments under mandatory verification"));
    setAccessibleName(tr("Jiliang"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_navigation = new NavigationTree(registry, m_splitter);
    m_tabs = new ScreenTabs(m_splitter);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes(
        {qMax(m_navigation->preferredWidth(), fontMetrics().averageCharWidth() * 16), 1000});
    setCentralWidget(m_splitter);

    m_pending = new QLabel(this);
    m_syncIndicator = new SyncIndicator(m_context.database(), m_sync, this);
    statusBar()->addPermanentWidget(m_pending);
    statusBar()->addPermanentWidget(m_syncIndicator);

    createActions();

    connect(m_navigation, &NavigationTree::screenRequested, this,
            [this](const QString &id) { openScreen(id); });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::currentTabChanged);
    connect(&m_context, &ScreenContext::openRequested, this,
            [this](const QString &id, const QVariantMap &arguments) { openScreen(id, arguments); });
    connect(&m_context, &ScreenContext::dataChanged, this, &MainWindow::refreshStatus);
    connect(m_syncIndicator, &SyncIndicator::openRequested, this,
            [this](const QString &id) { openScreen(id); });
    connectSync();
    refreshStatus();
}

void MainWindow::connectSync()
{
    if (!m_sync)
        return;
    connect(m_sync, &sync::SyncService::massDeleteRequested, this, &MainWindow::askMassDelete);
    connect(m_sync, &sync::SyncService::loginRequired, this, [this] {
        m_context.dialogs().warning(
            this, tr("Sign in again"),
            tr("The server no longer accepts this computer's sign-in, so nothing can be synced "
               "now. Your changes are kept on this computer and are sent once you have signed in "
               "again."));
    });
    // A run that refused or conflicted changes the badges beside 同步状态 and 冲突; read
    // once it is over, not at every page of an initial sync.
    connect(m_sync, &sync::SyncService::statusChanged, m_navigation,
            [this](const sync::SyncStatus &status) {
                if (!status.busy())
                    m_navigation->refreshBadges();
            });
}

void MainWindow::askMassDelete(const QString &collection, int count, int total)
{
    const auto collections = models::LocalCollections::builtIn();
    const QString question =
        tr("The server says %1 of your %2 records of the kind %3 were deleted. That is a large "
           "part of them: apply the deletions here too?\n\nChoose No to keep the local records "
           "and stop this sync; ask the person who manages the server if you did not expect "
           "this.")
            .arg(count)
            .arg(total)
            .arg(collections->title(collection));
    const bool apply = m_context.dialogs().question(this, tr("Many records deleted on the server"),
                                                    question, QMessageBox::Yes | QMessageBox::No,
                                                    QMessageBox::No) == QMessageBox::Yes;
    if (m_sync)
        m_sync->confirmMassDelete(apply);
}

void MainWindow::syncNow()
{
    if (!m_sync) {
        statusBar()->showMessage(SyncStatusText::notSignedIn(), 10000);
        return;
    }
    m_sync->requestSync();
}

void MainWindow::rebuildCache()
{
    if (!m_sync) {
        statusBar()->showMessage(SyncStatusText::notSignedIn(), 10000);
        return;
    }
    if (!m_context.dialogs().confirm(
            this, tr("Rebuild local cache"),
            tr("Download all of this enterprise's records from the server again and replace "
               "the local copies?\n\nChanges not yet synced are kept and sent to the server. "
               "Local records the server no longer has are removed unless they have unsynced "
               "changes. This may take a while; you can cancel.")))
        return;
    InitialSyncDialog dialog(*m_sync, InitialSyncDialog::Mode::Rebuild, this);
    dialog.start();
    dialog.exec();
    switch (dialog.outcome()) {
    case InitialSyncDialog::Outcome::Done:
        statusBar()->showMessage(tr("Local cache rebuilt: %n record(s) downloaded.", nullptr,
                                    int(qMin<qint64>(dialog.records(), INT_MAX))),
                                 10000);
        break;
    case InitialSyncDialog::Outcome::Cancelled:
        statusBar()->showMessage(tr("Rebuild cancelled; the local data is as it was."), 10000);
        break;
    case InitialSyncDialog::Outcome::Running:
    case InitialSyncDialog::Outcome::Failed:
        break;
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto *closeTab = new QAction(tr("Close tab"), this);
    closeTab->setShortcuts(keys(QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence::Close));
    connect(closeTab, &QAction::triggered, m_tabs, &ScreenTabs::closeCurrent);

    auto *nextTab = new QAction(tr("Next tab"), this);
    nextTab->setShortcuts(keys(QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence::NextChild));
    connect(nextTab, &QAction::triggered, m_tabs, &ScreenTabs::next);
    auto *previousTab = new QAction(tr("Previous tab"), this);
    previousTab->setShortcuts(
        keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), QKeySequence::PreviousChild));
    connect(previousTab, &QAction::triggered, m_tabs, &ScreenTabs::previous);

    auto *help = new QAction(tr("Help for this screen"), this);
    help->setShortcut(QKeySequence::HelpContents);
    connect(help, &QAction::triggered, this, &MainWindow::showHelp);

    QAction *undo = m_context.undoStack()->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_context.undoStack()->createRedoAction(this, tr("Redo"));
    redo->setShortcuts(QKeySequence::Redo);

    m_syncNow = new QAction(tr("Sync now"), this);
    m_syncNow->setShortcuts(keys(QKeySequence(Qt::Key_F5), QKeySequence::Refresh));
    m_syncNow->setToolTip(tr("Send the waiting changes and fetch the server's"));
    connect(m_syncNow, &QAction::triggered, this, &MainWindow::syncNow);
    QMenu *syncMenu = menuBar()->addMenu(tr("&Sync"));
    syncMenu->addAction(m_syncNow);
    syncMenu->addSeparator();
    m_rebuildCache = syncMenu->addAction(tr("&Rebuild local cache…"));
    m_rebuildCache->setObjectName(QStringLiteral("rebuildCache"));
    m_rebuildCache->setToolTip(tr("Download all records again; unsynced changes are kept"));
    connect(m_rebuildCache, &QAction::triggered, this, &MainWindow::rebuildCache);

    m_settings = new QAction(tr("&Settings…"), this);
    m_settings->setObjectName(QStringLiteral("settings"));
    m_settings->setShortcuts(
        keys(QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence::Preferences));
    m_settings->setMenuRole(QAction::PreferencesRole);
    connect(m_settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->addAction(m_settings);

    for (QAction *action :
         {closeTab, nextTab, previousTab, help, undo, redo, m_syncNow, m_settings}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
}

Screen *MainWindow::openScreen(const QString &id, const QVariantMap &arguments)
{
    int index = m_tabs->indexOfScreen(id);
    if (index < 0) {
        const ScreenDescriptor *descriptor = m_registry.find(id);
        if (!descriptor) {
            qCWarning(models::lcUi) << "no screen registered as" << id;
            return nullptr;
        }
        Screen *screen = descriptor->create(m_tabs);
        index =
            m_tabs->addScreen(screen, id, descriptor->title, descriptor->icon, descriptor->pinned);
    }
    m_tabs->setCurrentIndex(index);
    Screen *screen = m_tabs->screenAt(index);
    if (screen && !arguments.isEmpty())
        screen->applyArguments(arguments);
    return screen;
}

QString MainWindow::currentScreenId() const
{
    return m_tabs->screenIdAt(m_tabs->currentIndex());
}

Screen *MainWindow::currentScreen() const
{
    return m_tabs->screenAt(m_tabs->currentIndex());
}

void MainWindow::currentTabChanged(int index)
{
    m_navigation->setCurrentScreen(m_tabs->screenIdAt(index));
}

void MainWindow::refreshStatus()
{
    m_navigation->refreshBadges();
    const auto pending = models::pendingOutboxCount(m_context.database());
    if (!pending) {
        m_pending->setText(tr("Unsynced changes: unknown"));
        m_pending->setToolTip(pending.error().message);
    } else {
        m_pending->setText(tr("%n change(s) not yet synced", nullptr, pending.value()));
        m_pending->setToolTip(tr("Local changes wait here until they are sent to the server."));
    }
    m_pending->setAccessibleName(m_pending->text());
    m_syncIndicator->refreshCounts();
}

QString MainWindow::pendingText() const
{
    return m_pending->text();
}

QString MainWindow::connectionText() const
{
    return m_syncIndicator->stateText();
}

void MainWindow::showHelp()
{
    const ScreenDescriptor *descriptor = m_registry.find(currentScreenId());
    if (!descriptor)
        return;
    const QString shortcuts =
        tr("Keys: Ctrl+F filter, Enter search, Ctrl+N new, Delete move to history, Ctrl+Z "
           "undo, Ctrl+C copy rows, Ctrl+W close tab, Ctrl+Tab next tab, F5 sync now.");
    m_context.dialogs().information(this, tr("Help: %1").arg(descriptor->title),
                                    descriptor->help + QStringLiteral("\n\n") + shortcuts);
}

void MainWindow::restoreSession()
{
    QSettings &settings = m_context.settings();
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(StateKey).toByteArray());
    m_splitter->restoreState(settings.value(SplitterKey).toByteArray());

    for (const ScreenDescriptor &screen : m_registry.screens()) {
        if (screen.pinned)
            openScreen(screen.id);
    }
    const QStringList saved = settings.value(TabsKey).toStringList();
    for (const QString &id : saved) {
        if (m_registry.find(id)) // a screen of an older or newer version is skipped
            openScreen(id);
    }
    const int current = m_tabs->indexOfScreen(settings.value(CurrentKey).toString());
    m_tabs->setCurrentIndex(current >= 0 ? current : 0);
}

void MainWindow::saveSession() const
{
    QSettings &settings = m_context.settings();
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(TabsKey, m_tabs->openScreenIds());
    settings.setValue(CurrentKey, currentScreenId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSession();
    event->accept();
}

} // namespace jl::ui
