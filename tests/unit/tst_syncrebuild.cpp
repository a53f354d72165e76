// 重建本地缓存 and the first sync's cancel, below the UI: a rebuild downloads everything again
// and rewrites the local copies while the queued edits stay (and are still pushed), and removes
// only the records the server no longer has that no outbox entry waits for; a cancelled
// rebuild leaves the cache as it was. Through the SyncController on its worker thread: a
// rebuild request, and a first download cancelled mid-way that the next run resumes from its
// cursor, with nothing duplicated.
#include "forwardremote.h"

#include "models/store/database.h"
#include "models/store/instrumentstore.h"
#include "sync/collections/collectionregistry.h"
#include "sync/synccontroller.h"
#include "sync/syncengine.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using jl::models::Database;
using jl::models::Instrument;
using jl::models::InstrumentStore;
using jl::sync::CollectionRegistry;
using jl::sync::SyncController;
using jl::sync::SyncEngine;
using jl::sync::SyncStatus;
using jl::test::FakeRemote;

namespace {
const QString Instr = QStringLiteral("instrument");
}

class TestSyncRebuild : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<InstrumentStore> m_store;
    std::unique_ptr<CollectionRegistry> m_collections;
    std::unique_ptr<FakeRemote> m_remote;
    int m_serial = 0;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("local.db")); }
    int scalar(const QString &sql, const QVariantList &binds = {})
    {
        auto q = m_db->exec(QStringLiteral("test"), sql, binds);
        return q && q.value().next() ? q.value().value(0).toInt() : -1;
    }
    QString text(const QString &sql, const QVariantList &binds)
    {
        auto q = m_db->exec(QStringLiteral("test"), sql, binds);
        return q && q.value().next() ? q.value().value(0).toString() : QString();
    }
    int pending()
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"));
    }
    int pendingFor(const QString &id)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND "
                                     "record_id = ?"),
                      {id});
    }
    int rows() { return scalar(QStringLiteral("SELECT COUNT(*) FROM instrument")); }
    QString name(const QString &id)
    {
        return text(QStringLiteral("SELECT name FROM instrument WHERE id = ?"), {id});
    }
    void serverRecords(int n)
    {
        for (int i = 0; i < n; ++i)
            m_remote->serverPut(
                Instr, QStringLiteral("id-%1").arg(i),
                QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("R%1").arg(i)},
                            {QStringLiteral("name"), QStringLiteral("流量计")}});
    }
    Instrument create(const QString &name)
    {
        Instrument i;
        i.serialNo = QStringLiteral("L-%1").arg(++m_serial);
        i.name = name;
        return m_store->create(i).value();
    }
    // The local copy damaged behind the store's back: same revision, wrong data.
    void damage(const QString &id)
    {
        QVERIFY(m_db->exec(QStringLiteral("test"),
                           QStringLiteral("UPDATE instrument SET name = '损坏' WHERE id = ?"), {id})
                    .ok());
    }
    std::unique_ptr<SyncController> controller(int pageSize = 1000)
    {
        SyncController::Options o;
        o.databasePath = dbPath();
        o.intervalMinutes = 5;
        o.engine.pageSize = pageSize;
        o.remote = [this](QNetworkAccessManager &) {
            return std::make_unique<jl::test::ForwardRemote>(*m_remote);
        };
        return std::make_unique<SyncController>(o);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = Database::open(dbPath()).value();
        m_store = std::make_unique<InstrumentStore>(*m_db, QStringLiteral("测试员"));
        m_collections = CollectionRegistry::builtIn();
        m_remote = std::make_unique<FakeRemote>();
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_remote.reset();
    }

    void rebuildKeepsTheOutboxAndRefetches()
    {
        serverRecords(4);
        SyncEngine engine(*m_db, *m_remote, *m_collections);
        QCOMPARE(engine.run().result, SyncEngine::Result::Done);
        QCOMPARE(rows(), 4);
        // id-0: edited here, not yet sent. id-1: damaged copy. id-2: gone from the server
        // (purged, no tombstone). id-3: gone from the server but edited here. New: created here.
        Instrument edited = m_store->get(QStringLiteral("id-0")).value();
        edited.name = QStringLiteral("本地修改");
        QVERIFY(m_store->update(edited).ok());
        damage(QStringLiteral("id-1"));
        m_remote->records.remove({Instr, QStringLiteral("id-2")});
        Instrument kept = m_store->get(QStringLiteral("id-3")).value();
        kept.remarks = QStringLiteral("还在用");
        QVERIFY(m_store->update(kept).ok());
        m_remote->records.remove({Instr, QStringLiteral("id-3")});
        const Instrument created = create(QStringLiteral("新建"));
        QCOMPARE(pending(), 3);

        // The push fails, so the queued edits are still queued while everything comes again.
        m_remote->pushErrors.append(
            jl::sync::RemoteError{jl::sync::RemoteError::Kind::Network, 0, {}});
        QList<SyncStatus::Phase> phases;
        engine.setProgressHandler([&phases](const SyncStatus &s) { phases.append(s.phase); });
        const int calls = m_remote->changesCalls;
        engine.requestRebuild();
        QCOMPARE(engine.run().result, SyncEngine::Result::Incomplete);
        QVERIFY(phases.contains(SyncStatus::Phase::Resyncing));
        QVERIFY(m_remote->changesCalls > calls);
        QCOMPARE(pending(), 3);
        QCOMPARE(pendingFor(QStringLiteral("id-0")), 1);
        QCOMPARE(name(QStringLiteral("id-0")), QStringLiteral("本地修改")); // mine stays
        QCOMPARE(name(QStringLiteral("id-1")), QStringLiteral("流量计"));   // fetched again
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM instrument WHERE id = 'id-2'")), 0);
        QCOMPARE(name(QStringLiteral("id-3")), QStringLiteral("流量计"));
        QCOMPARE(name(created.id), QStringLiteral("新建"));

        // The next run is an ordinary one: the queued edits reach the server.
        QVERIFY(m_db->exec(QStringLiteral("test"),
                           QStringLiteral("UPDATE outbox SET next_try_at = NULL"))
                    .ok());
        QCOMPARE(engine.run().result, SyncEngine::Result::Done);
        QCOMPARE(pending(), 0);
        QCOMPARE(m_remote->get(Instr, QStringLiteral("id-0")).data.value(u"name").toString(),
                 QStringLiteral("本地修改"));
        QCOMPARE(m_remote->get(Instr, created.id).data.value(u"name").toString(),
                 QStringLiteral("新建"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM instrument WHERE id = 'id-3'")), 1);
    }

    void cancelledRebuildLeavesTheCacheAsItWas()
    {
        serverRecords(30);
        jl::sync::SyncOptions small;
        small.pageSize = 10;
        SyncEngine engine(*m_db, *m_remote, *m_collections, small);
        QCOMPARE(engine.run().result, SyncEngine::Result::Done);
        damage(QStringLiteral("id-5"));
        const int before = m_remote->changesCalls;
        m_remote->onChanges = [&] {
            if (m_remote->changesCalls == before + 2)
                engine.cancel();
        };
        engine.requestRebuild();
        QCOMPARE(engine.run().result, SyncEngine::Result::Cancelled);
        QCOMPARE(name(QStringLiteral("id-5")), QStringLiteral("损坏")); // nothing half done
        QCOMPARE(rows(), 30);
        m_remote->onChanges = {};
        // The request was this run's: the next is an ordinary pull from the cursor.
        const int calls = m_remote->changesCalls;
        QCOMPARE(engine.run().result, SyncEngine::Result::Done);
        QCOMPARE(m_remote->changesCalls - calls, 1);
        QCOMPARE(name(QStringLiteral("id-5")), QStringLiteral("损坏"));
    }

    void controllerRebuilds()
    {
        serverRecords(5);
        auto c = controller();
        QSignalSpy started(c.get(), &SyncController::runStarted);
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        QList<SyncStatus::Phase> phases;
        connect(c.get(), &SyncController::statusChanged, this,
                [&phases](const SyncStatus &s) { phases.append(s.phase); });
        c->requestSync();
        QVERIFY(finished.wait(10000));
        QCOMPARE(rows(), 5);
        damage(QStringLiteral("id-2"));
        const Instrument created = create(QStringLiteral("新建"));
        c->requestRebuild();
        QCOMPARE(started.size(), 2);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().first().toInt(), int(SyncEngine::Result::Done));
        QVERIFY(phases.contains(SyncStatus::Phase::Resyncing));
        QCOMPARE(name(QStringLiteral("id-2")), QStringLiteral("流量计"));
        QCOMPARE(name(created.id), QStringLiteral("新建"));
        QCOMPARE(m_remote->liveCount(Instr), 6); // the local one was pushed
        QCOMPARE(pending(), 0);
        // One rebuild per request: the next run is an ordinary pull.
        phases.clear();
        c->requestSync();
        QVERIFY(finished.wait(10000));
        QVERIFY(!phases.contains(SyncStatus::Phase::Resyncing));
    }

    void controllerRebuildDuringARunFollowsIt()
    {
        serverRecords(5);
        auto c = controller();
        QSignalSpy started(c.get(), &SyncController::runStarted);
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        QList<SyncStatus::Phase> phases;
        connect(c.get(), &SyncController::statusChanged, this,
                [&phases](const SyncStatus &s) { phases.append(s.phase); });
        c->requestSync();
        c->requestRebuild(); // while the first runs
        QCOMPARE(started.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(started.size(), 2);
        QVERIFY(phases.contains(SyncStatus::Phase::Resyncing));
    }

    void cancelledFirstSyncResumesWithoutDuplicates()
    {
        serverRecords(30);
        auto c = controller(10);
        QSignalSpy finished(c.get(), &SyncController::runFinished);
        // The worker waits before its second page until the UI thread has cancelled, after
        // it saw the first page's progress: the cancel lands mid-way, every time.
        QSemaphore cancelled;
        m_remote->onChanges = [this, &cancelled] {
            if (m_remote->changesCalls == 2 && !cancelled.tryAcquire(1, 10000))
                qWarning("no cancel came");
        };
        bool asked = false;
        connect(c.get(), &SyncController::statusChanged, this, [&](const SyncStatus &s) {
            if (!asked && s.phase == SyncStatus::Phase::Pulling && s.done >= 10) {
                asked = true;
                c->cancel();
                cancelled.release();
            }
        });
        c->requestSync();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().first().toInt(), int(SyncEngine::Result::Cancelled));
        const int first = rows();
        QVERIFY2(first >= 10 && first < 30, qPrintable(QString::number(first)));
        QVERIFY(!m_db->meta(SyncEngine::cursorKey()).isEmpty());
        QVERIFY(m_db->meta(SyncEngine::lastSyncedKey()).isEmpty()); // not complete yet

        // Resumed: only the pages not applied yet, nothing twice, complete at the end.
        m_remote->onChanges = {};
        const int calls = m_remote->changesCalls;
        c->requestSync();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().first().toInt(), int(SyncEngine::Result::Done));
        QCOMPARE(rows(), 30);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT serial_no) FROM instrument")), 30);
        QCOMPARE(m_remote->changesCalls - calls, (30 - first + 9) / 10);
        QVERIFY(!m_db->meta(SyncEngine::lastSyncedKey()).isEmpty());
        QCOMPARE(pending(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncRebuild)
#include "tst_syncrebuild.moc"
