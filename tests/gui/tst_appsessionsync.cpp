// A signed-in session runs its own sync: AppSession makes the SyncController over HttpRemote
// with the account's tokens, hands it to the window and the screens, starts a first run, and
// a local edit starts another after the pause. The server here is a closed loopback port, so
// every run ends offline and the outbox stays intact.
#include "app/appsession.h"
#include "models/store/instrumentstore.h"
#include "models/store/outbox.h"
#include "sync/synccontroller.h"
#include "sync/tokenprovider.h"
#include "ui/common/screencontext.h"
#include "ui/common/scripteddialogs.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/sync/syncstatustext.h"

#include <QAction>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace jl;

namespace {

class StaticTokens final : public sync::TokenProvider {
public:
    QString accessToken() const override { return QStringLiteral("test-token"); }
    Refresh refresh() override { return Refresh::Unavailable; }
};

// A loopback port nothing listens on: taken, then given back.
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestAppSessionSync final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void signedInSessionSyncs();
};

void TestAppSessionSync::signedInSessionSyncs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    StaticTokens tokens;
    ui::ScriptedDialogs dialogs;
    app::SyncSetup setup{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &tokens};
    auto opened = app::AppSession::open({dir.path(), false}, dialogs, setup);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    std::unique_ptr<app::AppSession> session = std::move(opened.value());

    auto *controller = qobject_cast<sync::SyncController *>(session->syncService());
    QVERIFY(controller);
    QCOMPARE(session->context().syncService(), controller);
    QVERIFY(session->window().connectionText() != ui::SyncStatusText::state(nullptr));

    // The first run started with the session and could not reach the server.
    QSignalSpy finished(controller, &sync::SyncController::runFinished);
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning() && !controller->status().lastError.isEmpty(),
                             30000);

    // A local edit: saved, queued, and a sync follows after the pause; it stays queued.
    models::Instrument i;
    i.serialNo = QStringLiteral("SN1");
    i.name = QStringLiteral("燃油加油机");
    QVERIFY(session->context().instruments().create(i).ok());
    const int before = int(finished.count());
    session->context().notifyDataChanged();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() > before, 30000);
    QCOMPARE(models::outbox::pendingCount(session->database()).value(), 1);

    // F5 asks the controller.
    const int runs = int(finished.count());
    session->window().syncNowAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() > runs, 30000);
    session.reset(); // the controller stops its thread before the database closes
}

QTEST_MAIN(TestAppSessionSync)
#include "tst_appsessionsync.moc"
