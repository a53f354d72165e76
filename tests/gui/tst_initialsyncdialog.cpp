// The first sync's progress dialog over a real SyncController (the engine on its own thread)
// and the in-process fake server: records, rate and time while the pages come, closed when
// the run is complete; 取消 mid-way stops after the page in hand and the next dialog resumes
// from the cursor with nothing twice; a failed run stays open with the reason and 关闭.
#include "unit/forwardremote.h"

#include "models/store/database.h"
#include "sync/synccontroller.h"
#include "sync/syncengine.h"
#include "ui/sync/initialsyncdialog.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using jl::models::Database;
using jl::sync::SyncController;
using jl::sync::SyncEngine;
using jl::sync::SyncStatus;
using jl::test::FakeRemote;
using jl::ui::InitialSyncDialog;

class TestInitialSyncDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsProgressAndClosesWhenComplete();
    void cancelStopsMidWayAndTheNextResumes();
    void failedRunStaysOpenWithTheReason();
    void textsOfRateAndTime();

private:
    std::unique_ptr<SyncController> controller(int pageSize);
    int scalar(const QString &sql)
    {
        auto q = m_db->exec(QStringLiteral("test"), sql);
        return q && q.value().next() ? q.value().value(0).toInt() : -1;
    }
    void serverRecords(int n)
    {
        for (int i = 0; i < n; ++i)
            m_remote->serverPut(
                QStringLiteral("instrument"), QStringLiteral("id-%1").arg(i),
                QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("R%1").arg(i)},
                            {QStringLiteral("name"), QStringLiteral("流量计")}});
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeRemote> m_remote;
};

void TestInitialSyncDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = Database::open(m_dir->filePath(QStringLiteral("local.db"))).value();
    m_remote = std::make_unique<FakeRemote>();
}

void TestInitialSyncDialog::cleanup()
{
    m_db.reset();
    m_remote.reset();
    m_dir.reset();
}

std::unique_ptr<SyncController> TestInitialSyncDialog::controller(int pageSize)
{
    SyncController::Options o;
    o.databasePath = m_dir->filePath(QStringLiteral("local.db"));
    o.intervalMinutes = 60;
    o.engine.pageSize = pageSize;
    o.remote = [this](QNetworkAccessManager &) {
        return std::make_unique<jl::test::ForwardRemote>(*m_remote);
    };
    return std::make_unique<SyncController>(o);
}

void TestInitialSyncDialog::showsProgressAndClosesWhenComplete()
{
    serverRecords(25);
    auto c = controller(10);
    InitialSyncDialog dialog(*c, InitialSyncDialog::Mode::FirstSync);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QStringList shown;
    connect(c.get(), &SyncController::statusChanged, this,
            [&](const SyncStatus &) { shown.append(dialog.recordsLabel()->text()); });
    dialog.start();
    QCOMPARE(dialog.progressBar()->maximum(), 0); // the feed gives no total: a busy bar
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.outcome(), InitialSyncDialog::Outcome::Done, 10000);
    QCOMPARE(accepted.size(), 1);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.records(), 25);
    QCOMPARE(dialog.recordsLabel()->text(), QStringLiteral("25"));
    QVERIFY(shown.contains(QStringLiteral("10"))); // page by page
    QVERIFY(dialog.rateLabel()->text().contains(u'/'));
    QVERIFY(!dialog.elapsedLabel()->text().isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM instrument")), 25);
}

void TestInitialSyncDialog::cancelStopsMidWayAndTheNextResumes()
{
    serverRecords(30);
    auto c = controller(10);
    // Before its second page the worker waits until the dialog's 取消 was clicked (after the
    // first page was shown): the cancel lands mid-way every time.
    QSemaphore clicked;
    m_remote->onChanges = [this, &clicked] {
        if (m_remote->changesCalls == 2 && !clicked.tryAcquire(1, 10000))
            qWarning("取消 was not clicked");
    };
    {
        InitialSyncDialog dialog(*c, InitialSyncDialog::Mode::FirstSync);
        bool once = false;
        connect(c.get(), &SyncController::statusChanged, &dialog, [&](const SyncStatus &s) {
            if (!once && s.phase == SyncStatus::Phase::Pulling && s.done >= 10) {
                once = true;
                QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
                clicked.release();
            }
        });
        dialog.start();
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.outcome(), InitialSyncDialog::Outcome::Cancelled, 10000);
        QVERIFY(once);
        QVERIFY(!dialog.isVisible());
    }
    const int first = scalar(QStringLiteral("SELECT COUNT(*) FROM instrument"));
    QVERIFY2(first >= 10 && first < 30, qPrintable(QString::number(first)));
    QVERIFY(m_db->meta(SyncEngine::lastSyncedKey()).isEmpty());

    m_remote->onChanges = {};
    const int calls = m_remote->changesCalls;
    InitialSyncDialog again(*c, InitialSyncDialog::Mode::FirstSync);
    again.start();
    again.show();
    QTRY_COMPARE_WITH_TIMEOUT(again.outcome(), InitialSyncDialog::Outcome::Done, 10000);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM instrument")), 30);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT serial_no) FROM instrument")), 30);
    QCOMPARE(m_remote->changesCalls - calls, (30 - first + 9) / 10); // from the cursor on
    QVERIFY(!m_db->meta(SyncEngine::lastSyncedKey()).isEmpty());
}

void TestInitialSyncDialog::failedRunStaysOpenWithTheReason()
{
    m_remote->changesErrors.append(jl::sync::RemoteError{jl::sync::RemoteError::Kind::Network, 0,
                                                         QStringLiteral("connection refused")});
    auto c = controller(10);
    InitialSyncDialog dialog(*c, InitialSyncDialog::Mode::FirstSync);
    dialog.start();
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.outcome(), InitialSyncDialog::Outcome::Failed, 10000);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.phaseLabel()->text().isEmpty());
    QVERIFY(dialog.cancelButton()->isEnabled());
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

void TestInitialSyncDialog::textsOfRateAndTime()
{
    QCOMPARE(InitialSyncDialog::elapsedText(0), QStringLiteral("00:00"));
    QCOMPARE(InitialSyncDialog::elapsedText(125000), QStringLiteral("02:05"));
    QCOMPARE(InitialSyncDialog::elapsedText(3725000), QStringLiteral("1:02:05"));
    QVERIFY(InitialSyncDialog::rateText(2000, 1000).contains(QStringLiteral("2,000")) ||
            InitialSyncDialog::rateText(2000, 1000).contains(QStringLiteral("2000")));
    QVERIFY(InitialSyncDialog::rateText(5, 0).startsWith(u'0'));
}

QTEST_MAIN(TestInitialSyncDialog)
#include "tst_initialsyncdialog.moc"
