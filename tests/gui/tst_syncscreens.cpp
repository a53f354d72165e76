// The sync part of the window, driven with a sync service the test plays and real rows in
// the database: 同步状态 (retry, discard with a confirmation), 冲突 (mine vs the server's,
// keep mine / take the server's, one and many), the status bar, F5, the mass-delete question
// and the sign-in message, and the 同步 group's badges.
#include "mainwindowfixture.h"

#include "app/accountstart.h"

#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/conflictlistmodel.h"
#include "models/itemmodels/outboxlistmodel.h"
#include "models/store/database.h"
#include "models/store/instrumentcollection.h"
#include "models/store/outbox.h"
#include "sync/syncengine.h"
#include "sync/syncservice.h"
#include "ui/account/liaisondialog.h"
#include "ui/mainwindow/navigationtree.h"
#include "ui/mainwindow/syncindicator.h"
#include "ui/sync/conflictdetail.h"
#include "ui/sync/conflictsscreen.h"
#include "ui/sync/initialsyncdialog.h"
#include "ui/sync/syncscreens.h"
#include "ui/sync/syncstatusscreen.h"
#include "ui/sync/syncstatustext.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

using namespace jl;
using jl::test::MainWindowFixture;
using ui::ScriptedDialogs;

namespace {

// The engine as the window sees it: a status to report, and a record of what was asked.
class PlayedSync final : public sync::SyncService {
public:
    sync::SyncStatus status() const override { return m_status; }
    void requestSync() override { ++requests; }
    void cancel() override {}
    void confirmMassDelete(bool apply) override { massDeleteAnswers.append(apply); }
    void requestRebuild() override { ++rebuilds; }

    void report(const sync::SyncStatus &status)
    {
        m_status = status;
        Q_EMIT statusChanged(status);
    }

    int requests = 0;
    int rebuilds = 0;
    QList<bool> massDeleteAnswers;

private:
    sync::SyncStatus m_status;
};

// A keychain that keeps nothing: AccountStart needs a token store, this test no tokens.
class NoSecrets final : public sync::SecretBackend {
public:
    Answer read(const QString &) override { return {Outcome::NotFound, {}, {}}; }
    Answer write(const QString &, const QByteArray &) override { return {Outcome::Ok, {}, {}}; }
    Answer remove(const QString &) override { return {Outcome::Ok, {}, {}}; }
};

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

class TestSyncScreens final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void syncGroupInNavigationWithBadges();
    void statusScreenRetriesOneAndDiscardsMany();
    void conflictScreenComparesAndKeepsMine();
    void conflictScreenTakesServersInBulk();
    void statusBarFollowsTheService();
    void statusBarButtonsOpenTheScreens();
    void withoutAccountF5SaysSo();
    void massDeleteAsksAndAnswers();
    void loginRequiredIsTold();
    void rebuildCacheAsksThenFollowsTheRun();
    void firstLoginSyncsThenAsksForTheLiaison();

private:
    bool exec(const QString &sql, const QVariantList &binds = {});
    int scalar(const QString &sql);
    // A synced instrument (rev 3) I renamed while the server renamed it too (rev 5).
    qint64 conflictOn(const QString &serial);
    ui::SyncStatusScreen *statusScreen() const;
    ui::ConflictsScreen *conflictsScreen() const;

    PlayedSync *m_sync = nullptr;
    MainWindowFixture m_fixture;
};

void TestSyncScreens::init()
{
    m_sync = new PlayedSync;
    m_fixture.dialogs().clear();
    QVERIFY(m_fixture.open(m_sync));
}

void TestSyncScreens::cleanup()
{
    m_fixture.close();
    delete m_sync;
    m_sync = nullptr;
}

bool TestSyncScreens::exec(const QString &sql, const QVariantList &binds)
{
    auto q = m_fixture.session().database().exec(QStringLiteral("test"), sql, binds);
    if (!q)
        qWarning() << q.error().message << q.error().detail;
    return q.ok();
}

int TestSyncScreens::scalar(const QString &sql)
{
    auto q = m_fixture.session().database().exec(QStringLiteral("test"), sql);
    return q && q.value().next() ? q.value().value(0).toInt() : -1;
}

qint64 TestSyncScreens::conflictOn(const QString &serial)
{
    models::Instrument i;
    i.serialNo = serial;
    i.name = QStringLiteral("原名");
    const auto created = m_fixture.store().create(i);
    if (!created)
        return -1;
    const models::Instrument base = created.value();
    exec(QStringLiteral("UPDATE instrument SET rev = 3 WHERE id = ?"), {base.id});
    exec(QStringLiteral("DELETE FROM outbox WHERE record_id = ?"), {base.id});
    models::Instrument mine = base;
    mine.name = QStringLiteral("我的名称");
    if (!m_fixture.store().update(mine))
        return -1;
    models::Instrument theirs = base;
    theirs.name = QStringLiteral("服务器名称");
    exec(QStringLiteral("UPDATE instrument SET name = ? WHERE id = ?"), {theirs.name, base.id});
    exec(QStringLiteral("UPDATE outbox SET state = 'conflict' WHERE record_id = ?"), {base.id});
    exec(QStringLiteral("INSERT INTO conflict (collection, record_id, fields, mine, theirs, base, "
                        "server_rev, created_at) VALUES ('instrument', ?, '[\"name\"]', ?, ?, ?, "
                        "5, '2026-11-27T08:00:00.000Z')"),
         {base.id, json(models::toJson(mine)), json(models::toJson(theirs)),
          json(models::toJson(base))});
    m_fixture.session().context().notifyDataChanged();
    return scalar(QStringLiteral("SELECT MAX(id) FROM conflict"));
}

ui::SyncStatusScreen *TestSyncScreens::statusScreen() const
{
    return qobject_cast<ui::SyncStatusScreen *>(
        m_fixture.window().openScreen(QLatin1String(ui::ScreenIds::SyncStatus)));
}

ui::ConflictsScreen *TestSyncScreens::conflictsScreen() const
{
    return qobject_cast<ui::ConflictsScreen *>(
        m_fixture.window().openScreen(QLatin1String(ui::ScreenIds::SyncConflicts)));
}

void TestSyncScreens::syncGroupInNavigationWithBadges()
{
    ui::NavigationTree *nav = m_fixture.window().navigation();
    QTreeWidgetItem *status = nav->itemFor(QLatin1String(ui::ScreenIds::SyncStatus));
    QTreeWidgetItem *conflicts = nav->itemFor(QLatin1String(ui::ScreenIds::SyncConflicts));
    QVERIFY(status && conflicts);
    QCOMPARE(status->parent(), conflicts->parent());
    QCOMPARE(status->parent()->text(0), ui::SyncScreens::tr("Sync"));
    QCOMPARE(status->text(0), ui::SyncScreens::tr("Sync status"));

    models::Instrument i;
    i.serialNo = QStringLiteral("SN1");
    i.name = QStringLiteral("燃油加油机");
    QVERIFY(m_fixture.store().create(i).ok());
    QVERIFY(exec(QStringLiteral("UPDATE outbox SET state = 'rejected'")));
    conflictOn(QStringLiteral("SN2"));
    QCOMPARE(status->text(0),
             ui::NavigationTree::tr("%1 (%2)").arg(ui::SyncScreens::tr("Sync status")).arg(1));
    QCOMPARE(conflicts->text(0),
             ui::NavigationTree::tr("%1 (%2)").arg(ui::SyncScreens::tr("Conflicts")).arg(1));
}

void TestSyncScreens::statusScreenRetriesOneAndDiscardsMany()
{
    for (const char *serial : {"SN1", "SN2", "SN3"}) {
        models::Instrument i;
        i.serialNo = QLatin1String(serial);
        i.name = QStringLiteral("燃油加油机");
        QVERIFY(m_fixture.store().create(i).ok());
    }
    QVERIFY(exec(QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = 2, "
                                "last_error = '序列号已被其他企业登记' WHERE seq = "
                                "(SELECT MIN(seq) FROM outbox)")));
    m_fixture.session().context().notifyDataChanged();
    ui::SyncStatusScreen *screen = statusScreen();
    QVERIFY(screen);
    ui::ListScreen *list = screen->list();
    QCOMPARE(list->rowCount(), 3);
    models::OutboxListModel *model = screen->model();
    QCOMPARE(model->index(0, models::OutboxListModel::Record).data().toString(),
             QStringLiteral("SN1 燃油加油机"));
    QCOMPARE(model->index(0, models::OutboxListModel::Collection).data().toString(),
             models::InstrumentCollection::tr("Instrument"));
    QCOMPARE(model->index(0, models::OutboxListModel::State).data().toString(),
             models::OutboxListModel::tr("Rejected"));
    QCOMPARE(model->index(0, models::OutboxListModel::Kind).data().toString(),
             models::OutboxListModel::tr("New"));
    QCOMPARE(model->index(0, models::OutboxListModel::Attempts).data().toInt(), 2);
    QCOMPARE(model->index(0, models::OutboxListModel::LastError).data().toString(),
             QStringLiteral("序列号已被其他企业登记"));
    QVERIFY(screen->headerText().contains(ui::SyncStatusText::failed(1)));

    // Nothing selected: the actions wait for a selection.
    list->table()->clearSelection();
    QVERIFY(!screen->retryAction()->isEnabled());
    MainWindowFixture::selectRows(list, {0});
    QVERIFY(screen->retryAction()->isEnabled());
    screen->retryAction()->trigger();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected'")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM outbox ORDER BY seq LIMIT 1")), 2);
    QCOMPARE(m_sync->requests, 1); // a retry goes out at once
    QTRY_COMPARE(model->index(0, models::OutboxListModel::State).data().toString(),
                 models::OutboxListModel::tr("Waiting"));

    // Discard two: asked first; No keeps them.
    MainWindowFixture::selectRows(list, {1, 2});
    m_fixture.dialogs().answerQuestion(QMessageBox::No);
    screen->discardAction()->trigger();
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Question), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 3);
    m_fixture.dialogs().answerQuestion(QMessageBox::Yes);
    screen->discardAction()->trigger();
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Question), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 1);
    // Creates never sent: the records go with them.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM instrument")), 1);
    QTRY_COMPARE(list->rowCount(), 1);

    // A run that ends moves entries between states: the list follows when it is over.
    QVERIFY(exec(QStringLiteral("UPDATE outbox SET state = 'conflict'")));
    sync::SyncStatus running;
    running.phase = sync::SyncStatus::Phase::Pushing;
    m_sync->report(running);
    QCOMPARE(model->index(0, models::OutboxListModel::State).data().toString(),
             models::OutboxListModel::tr("Waiting"));
    MainWindowFixture::selectRows(list, {0});
    QVERIFY(!screen->discardAction()->isEnabled()); // not while entries are being sent
    m_sync->report(sync::SyncStatus{});
    QCOMPARE(model->index(0, models::OutboxListModel::State).data().toString(),
             models::OutboxListModel::tr("Conflict"));
    MainWindowFixture::selectRows(list, {0});
    QVERIFY(screen->discardAction()->isEnabled());

    // The state filter.
    screen->applyArguments({{QStringLiteral("state"), QStringLiteral("rejected")}});
    QTRY_COMPARE(list->rowCount(), 0);
}

void TestSyncScreens::conflictScreenComparesAndKeepsMine()
{
    conflictOn(QStringLiteral("SN1"));
    ui::ConflictsScreen *screen = conflictsScreen();
    QVERIFY(screen);
    QCOMPARE(screen->list()->rowCount(), 1);
    QCOMPARE(screen->model()->index(0, models::ConflictListModel::Fields).data().toString(),
             models::InstrumentValidator::fieldLabel(QStringLiteral("name")));
    MainWindowFixture::selectRows(screen->list(), {0});
    QTableWidget *fields = screen->detail()->table();
    QTRY_VERIFY(fields->rowCount() > 1);
    // The conflicting field comes first, marked, mine beside the server's.
    const QString label = models::InstrumentValidator::fieldLabel(QStringLiteral("name"));
    QCOMPARE(fields->item(0, ui::ConflictDetail::Field)->text(),
             ui::ConflictDetail::tr("≠ %1").arg(label));
    QCOMPARE(fields->item(0, ui::ConflictDetail::Mine)->text(), QStringLiteral("我的名称"));
    QCOMPARE(fields->item(0, ui::ConflictDetail::Theirs)->text(), QStringLiteral("服务器名称"));
    QVERIFY(fields->item(0, ui::ConflictDetail::Mine)->font().bold());
    QVERIFY(!fields->item(1, ui::ConflictDetail::Mine)->font().bold());

    QVERIFY(screen->keepMineAction()->isEnabled());
    screen->keepMineAction()->trigger();
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Question), 0); // one: no question
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conflict")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT base_rev FROM outbox WHERE state = 'pending'")), 5);
    auto q = m_fixture.session().database().exec(QStringLiteral("test"),
                                                 QStringLiteral("SELECT name FROM instrument"));
    QVERIFY(q && q.value().next());
    QCOMPARE(q.value().value(0).toString(), QStringLiteral("我的名称"));
    QCOMPARE(m_sync->requests, 1);
    QTRY_COMPARE(screen->list()->rowCount(), 0);
    QCOMPARE(screen->detail()->table()->rowCount(), 0);
}

void TestSyncScreens::conflictScreenTakesServersInBulk()
{
    conflictOn(QStringLiteral("SN1"));
    conflictOn(QStringLiteral("SN2"));
    ui::ConflictsScreen *screen = conflictsScreen();
    QCOMPARE(screen->list()->rowCount(), 2);
    MainWindowFixture::selectRows(screen->list(), {0, 1});
    m_fixture.dialogs().answerQuestion(QMessageBox::Yes);
    screen->keepTheirsAction()->trigger();
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Question), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM conflict")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM instrument WHERE name = '服务器名称' "
                                   "AND rev = 5")),
             2);
    QCOMPARE(m_sync->requests, 0); // nothing to send
    QTRY_COMPARE(screen->list()->rowCount(), 0);
}

void TestSyncScreens::statusBarFollowsTheService()
{
    ui::MainWindow &window = m_fixture.window();
    QCOMPARE(window.connectionText(), ui::SyncStatusText::tr("Not connected yet"));
    sync::SyncStatus s;
    s.connectivity = sync::SyncStatus::Connectivity::Online;
    s.phase = sync::SyncStatus::Phase::Pulling;
    s.done = 300;
    s.total = 1000;
    m_sync->report(s);
    QVERIFY(window.connectionText().contains(QStringLiteral("300/1000")));
    s.phase = sync::SyncStatus::Phase::Idle;
    s.lastSyncedAt = QDateTime(QDate(2026, 11, 27), QTime(2, 30), QTimeZone::utc());
    m_sync->report(s);
    QCOMPARE(window.connectionText(), ui::SyncStatusText::tr("Online"));
    QVERIFY(
        window.syncIndicator()->lastSyncedText().contains(QStringLiteral("2026-11-27 10:30:00")));
    s.connectivity = sync::SyncStatus::Connectivity::Offline;
    m_sync->report(s);
    QCOMPARE(window.connectionText(), ui::SyncStatusText::tr("Offline"));

    // F5 and the menu ask for a sync.
    QVERIFY(MainWindowFixture::activate(&window));
    QTest::keyClick(&window, Qt::Key_F5);
    QCOMPARE(m_sync->requests, 1);
    window.syncNowAction()->trigger();
    QCOMPARE(m_sync->requests, 2);
}

void TestSyncScreens::statusBarButtonsOpenTheScreens()
{
    ui::SyncIndicator *indicator = m_fixture.window().syncIndicator();
    QVERIFY(!indicator->conflictsButton()->isVisible());
    conflictOn(QStringLiteral("SN1"));
    QVERIFY(indicator->conflictsButton()->isVisible());
    QCOMPARE(indicator->conflictsButton()->text(), ui::SyncStatusText::conflicts(1));
    QTest::mouseClick(indicator->conflictsButton(), Qt::LeftButton);
    QCOMPARE(m_fixture.window().currentScreenId(), QLatin1String(ui::ScreenIds::SyncConflicts));

    QVERIFY(!indicator->failedButton()->isVisible());
    QVERIFY(exec(QStringLiteral("UPDATE outbox SET state = 'rejected'")));
    m_sync->report(m_sync->status()); // the engine reports after a run
    QVERIFY(indicator->failedButton()->isVisible());
    QTest::mouseClick(indicator->failedButton(), Qt::LeftButton);
    QCOMPARE(m_fixture.window().currentScreenId(), QLatin1String(ui::ScreenIds::SyncStatus));
}

void TestSyncScreens::withoutAccountF5SaysSo()
{
    m_fixture.close();
    QVERIFY(m_fixture.open(nullptr));
    ui::MainWindow &window = m_fixture.window();
    QCOMPARE(window.connectionText(), ui::SyncStatusText::state(nullptr));
    QTest::keyClick(&window, Qt::Key_F5);
    QCOMPARE(window.statusBar()->currentMessage(), ui::SyncStatusText::notSignedIn());
    ui::SyncStatusScreen *screen = statusScreen();
    QVERIFY(!screen->syncButton()->isEnabled());
    QVERIFY(screen->headerText().startsWith(ui::SyncStatusText::state(nullptr)));
}

void TestSyncScreens::massDeleteAsksAndAnswers()
{
    m_fixture.dialogs().answerQuestion(QMessageBox::No);
    Q_EMIT m_sync->massDeleteRequested(QStringLiteral("instrument"), 60, 100);
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Question), 1);
    QVERIFY(m_fixture.dialogs().lastRequest().text.contains(QStringLiteral("60")));
    QCOMPARE(m_sync->massDeleteAnswers, QList<bool>{false});
    m_fixture.dialogs().answerQuestion(QMessageBox::Yes);
    Q_EMIT m_sync->massDeleteRequested(QStringLiteral("instrument"), 60, 100);
    QCOMPARE(m_sync->massDeleteAnswers, (QList<bool>{false, true}));
}

void TestSyncScreens::loginRequiredIsTold()
{
    Q_EMIT m_sync->loginRequired();
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Warning), 1);
    QCOMPARE(m_fixture.dialogs().lastRequest().title, ui::MainWindow::tr("Sign in again"));
}

void TestSyncScreens::rebuildCacheAsksThenFollowsTheRun()
{
    ui::MainWindow &window = m_fixture.window();
    QAction *rebuild = window.rebuildCacheAction();
    QVERIFY(rebuild);
    // In the 同步 menu, beside 立即同步.
    bool inSyncMenu = false;
    for (QObject *o : rebuild->associatedObjects()) {
        auto *menu = qobject_cast<QMenu *>(o);
        inSyncMenu = inSyncMenu || (menu && menu->actions().contains(window.syncNowAction()));
    }
    QVERIFY(inSyncMenu);

    // 否: nothing asked of the sync.
    m_fixture.dialogs().answerQuestion(QMessageBox::No);
    rebuild->trigger();
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Question), 1);
    QCOMPARE(m_sync->rebuilds, 0);

    // 是: the rebuild is asked for and its progress shown until the run ends.
    m_fixture.dialogs().answerQuestion(QMessageBox::Yes);
    QString shown;
    QTimer::singleShot(0, this, [this, &shown] {
        auto *dialog = qobject_cast<ui::InitialSyncDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            qWarning("no progress dialog");
            return;
        }
        Q_EMIT m_sync->runStarted();
        sync::SyncStatus status;
        status.phase = sync::SyncStatus::Phase::Resyncing;
        status.done = 7;
        m_sync->report(status);
        shown = dialog->recordsLabel()->text();
        status.phase = sync::SyncStatus::Phase::Idle;
        m_sync->report(status);
        Q_EMIT m_sync->runFinished(int(sync::SyncEngine::Result::Done));
    });
    rebuild->trigger();
    QCOMPARE(m_sync->rebuilds, 1);
    QCOMPARE(shown, QStringLiteral("7"));
    QVERIFY(!window.findChild<ui::InitialSyncDialog *>());
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("7")));
}

void TestSyncScreens::firstLoginSyncsThenAsksForTheLiaison()
{
    QTemporaryDir base;
    app::AccountStart start(base.path(), m_fixture.dialogs(),
                            std::make_unique<sync::TokenStore>(std::make_unique<NoSecrets>()));
    QVERIFY(app::AccountStart::neverSynced(m_fixture.session()));
    QStringList order;
    // The progress dialog first (the run it asked for plays here), then the liaison prompt.
    QTimer::singleShot(0, this, [this, &order] {
        if (!qobject_cast<ui::InitialSyncDialog *>(QApplication::activeModalWidget())) {
            qWarning("no progress dialog");
            return;
        }
        order.append(QStringLiteral("sync"));
        QTimer::singleShot(0, this, [&order] {
            auto *liaison = qobject_cast<ui::LiaisonDialog *>(QApplication::activeModalWidget());
            if (!liaison) {
                qWarning("no liaison prompt");
                return;
            }
            order.append(QStringLiteral("liaison"));
            liaison->cancelButton()->click();
        });
        Q_EMIT m_sync->runStarted();
        Q_EMIT m_sync->runFinished(int(sync::SyncEngine::Result::Done));
    });
    const int requests = m_sync->requests;
    start.welcome(m_fixture.session(), true);
    QCOMPARE(order, (QStringList{QStringLiteral("sync"), QStringLiteral("liaison")}));
    QCOMPARE(m_sync->requests, requests + 1);

    // Not a first login: only the liaison prompt.
    order.clear();
    QTimer::singleShot(0, this, [&order] {
        if (auto *liaison = qobject_cast<ui::LiaisonDialog *>(QApplication::activeModalWidget())) {
            order.append(QStringLiteral("liaison"));
            liaison->cancelButton()->click();
        }
    });
    start.welcome(m_fixture.session(), false);
    QCOMPARE(order, QStringList{QStringLiteral("liaison")});
}

QTEST_MAIN(TestSyncScreens)
#include "tst_syncscreens.moc"
