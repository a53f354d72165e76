#include "fakeremote.h"

#include "models/store/database.h"
#include "models/store/instrumentstore.h"
#include "sync/synccontroller.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using jl::models::Database;
using jl::models::Instrument;
using jl::models::InstrumentStore;
using jl::sync::SyncController;
using jl::sync::SyncEngine;
using jl::sync::SyncStatus;
using jl::test::FakeRemote;

namespace {

// Hands the worker a RemoteApi that forwards to the test's FakeRemote, so that the test can
// look at the server between runs (runFinished orders the two threads).
class Forward final : public jl::sync::RemoteApi {
public:
    explicit Forward(FakeRemote &to)
        : m_to(to)
    {}
    jl::sync::RemoteResult<QString> epoch() override { return m_to.epoch(); }
    jl::sync::RemoteResult<jl::sync::ChangesPage> changes(const QString &c, int l) override
    {
        return m_to.changes(c, l);
    }
    jl::sync::RemoteResult<jl::sync::PushReply> push(const QList<jl::sync::PushEntry> &e) override
    {
        return m_to.push(e);
    }
    jl::sync::RemoteResult<qint64> uploadedBytes(const QString &s) override
    {
        return m_to.uploadedBytes(s);
    }
    jl::sync::RemoteResult<qint64> uploadChunk(const QString &s, qint64 o, qint64 t,
                                               const QByteArray &c) override
    {
        return m_to.uploadChunk(s, o, t, c);
    }
    jl::sync::RemoteResult<bool> download(const QString &s, const QString &p,
                                          const std::function<void(qint64, qint64)> &f) override
    {
        return m_to.download(s, p, f);
    }
    void cancel() override {}

private:
    FakeRemote &m_to;
};

} // namespace

class TestSyncController : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db; // the UI's connection
    std::unique_ptr<InstrumentStore> m_store;
    FakeRemote m_remote;
    QThread *m_remoteThread = nullptr;
    int m_serial = 0;

    std::unique_ptr<SyncController> controller(int debounceMs = 3000)
    {
        SyncController::Options o;
        o.databasePath = m_dir->filePath(QStringLiteral("local.db"));
        o.debounceMs = debounceMs;
        o.intervalMinutes = 5;
        o.remote = [this](QNetworkAccessManager &) {
            m_remoteThread = QThread::currentThread();
            return std::make_unique<Forward>(m_remote);
        };
        return std::make_unique<SyncController>(o);
    }
    void create()
    {
        Instrument i;
        i.serialNo = QStringLiteral("CT-%1").arg(++m_serial);
        i.name = QStringLiteral("流量计");
        QVERIFY(m_store->create(i).ok());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = Database::open(m_dir->filePath(QStringLiteral("local.db"))).value();
        m_store = std::make_unique<InstrumentStore>(*m_db, QStringLiteral("测试员"));
        m_remote = FakeRemote();
        m_remoteThread = nullptr;
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void runsAtStartOffTheUiThread()
    {
        create();
        auto c = controller();
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        QSignalSpy status(c.get(), &SyncController::statusChanged);
        QSignalSpy data(c.get(), &SyncController::dataChanged);
        c->start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toInt(), int(SyncEngine::Result::Done));
        QVERIFY(m_remoteThread && m_remoteThread != QThread::currentThread());
        QCOMPARE(m_remote.liveCount(QStringLiteral("instrument")), 1);
        QCOMPARE(c->status().pending, 0);
        QCOMPARE(c->status().connectivity, SyncStatus::Connectivity::Online);
        QVERIFY(c->status().lastSyncedAt.isValid());
        QVERIFY(!status.isEmpty());
        QCOMPARE(data.size(), 1);
    }

    void requestsDuringARunMakeOneMore()
    {
        auto c = controller();
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        c->requestSync();
        QVERIFY(c->isRunning());
        c->requestSync();
        c->requestSync();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QVERIFY(!c->isRunning());
        QCOMPARE(m_remote.changesCalls, 2);
    }

    void localEditsAreDebounced()
    {
        auto c = controller(50);
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        create();
        c->localDataChanged();
        create();
        c->localDataChanged();
        create();
        c->localDataChanged();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(m_remote.liveCount(QStringLiteral("instrument")), 3);
    }

    void massDeleteAsksAndApplies()
    {
        for (int n = 0; n < 100; ++n)
            m_remote.serverPut(
                QStringLiteral("instrument"), QStringLiteral("id-%1").arg(n),
                QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("M%1").arg(n)},
                            {QStringLiteral("name"), QStringLiteral("流量计")}});
        auto c = controller();
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        QSignalSpy asked(c.get(), &SyncController::massDeleteRequested);
        c->requestSync();
        QVERIFY(finished.wait(10000));
        for (int n = 0; n < 60; ++n)
            m_remote.serverDelete(QStringLiteral("instrument"), QStringLiteral("id-%1").arg(n));
        c->requestSync();
        QVERIFY(finished.wait(10000));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(1).toInt(), 60);
        QCOMPARE(c->status().phase, SyncStatus::Phase::WaitingForUser);
        c->confirmMassDelete(true);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().first().toInt(), int(SyncEngine::Result::Done));
        auto q =
            m_db->exec(QStringLiteral("test"), QStringLiteral("SELECT COUNT(*) FROM instrument"));
        QVERIFY(q && q.value().next());
        QCOMPARE(q.value().value(0).toInt(), 40);
    }

    void loginRequiredIsSignalled()
    {
        create();
        m_remote.pushErrors.append(
            jl::sync::RemoteError{jl::sync::RemoteError::Kind::LoginRequired, 401, {}});
        auto c = controller();
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        QSignalSpy login(c.get(), &SyncController::loginRequired);
        c->requestSync();
        QVERIFY(finished.wait(10000));
        QCOMPARE(login.size(), 1);
        QCOMPARE(c->status().phase, SyncStatus::Phase::NeedsLogin);
        QCOMPARE(c->status().pending, 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
