#include "fakeremote.h"

#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentstore.h"
#include "sync/collections/collectionregistry.h"
#include "sync/syncengine.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using jl::models::Database;
using jl::models::Instrument;
using jl::models::InstrumentStore;
using jl::sync::CollectionRegistry;
using jl::sync::SyncEngine;
using jl::test::FakeRemote;

namespace {

const QString Instr = QStringLiteral("instrument");

} // namespace

// The engine against the in-process FakeRemote: every rule of sync.md the engine owns, and
// the faults a real network only produces by chance (lost replies, stops, crashes between the
// server's answer and the local write).
class TestSyncEngine : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<InstrumentStore> m_store;
    std::unique_ptr<CollectionRegistry> m_collections;
    std::unique_ptr<FakeRemote> m_remote;
    std::unique_ptr<SyncEngine> m_engine;
    int m_serial = 0;

    SyncEngine::Result sync() { return m_engine->run().result; }

    QVariant scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_db->connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }
    int outboxCount(const QString &state = QStringLiteral("pending"))
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"), {state})
            .toInt();
    }
    int conflictCount() { return scalar(QStringLiteral("SELECT COUNT(*) FROM conflict")).toInt(); }
    int localCount()
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM instrument WHERE deleted = 0")).toInt();
    }

    Instrument create(const QString &name = QStringLiteral("燃油加油机"))
    {
        Instrument i;
        i.serialNo = QStringLiteral("SN-%1").arg(++m_serial);
        i.name = name;
        i.model = QStringLiteral("CS46");
        auto created = m_store->create(i);
        if (!created)
            qWarning() << created.error().message;
        return created ? created.value() : Instrument{};
    }
    // A record both sides have at the same revision.
    Instrument synced()
    {
        const Instrument i = create();
        if (sync() != SyncEngine::Result::Done)
            qWarning() << "sync failed";
        return m_store->get(i.id).value();
    }
    // The backoff is over (the clock moved on).
    void makeDue()
    {
        QVERIFY(m_db->exec(QStringLiteral("test"),
                           QStringLiteral("UPDATE outbox SET next_try_at = NULL"))
                    .ok());
    }
    Instrument local(const QString &id) { return m_store->get(id).value(); }
    Instrument edited(const QString &id, const QString &field, const QString &value)
    {
        QJsonObject o = jl::models::toJson(local(id));
        o.insert(field, value);
        Instrument i = jl::models::instrumentFromJson(o);
        i.rev = local(id).rev;
        auto done = m_store->update(i);
        if (!done)
            qWarning() << done.error().message;
        return local(id);
    }
    QString serverField(const QString &id, const QString &field)
    {
        return m_remote->get(Instr, id).data.value(field).toString();
    }

private Q_SLOTS:
    void init()
    {
        jl::models::failpoints::disarmAll();
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = Database::open(m_dir->filePath(QStringLiteral("local.db"))).value();
        m_store = std::make_unique<InstrumentStore>(*m_db, QStringLiteral("测试员"));
        m_collections = CollectionRegistry::builtIn();
        m_remote = std::make_unique<FakeRemote>();
        m_engine = std::make_unique<SyncEngine>(*m_db, *m_remote, *m_collections);
    }
    void cleanup()
    {
        jl::models::failpoints::disarmAll();
        m_engine.reset();
        m_db.reset();
    }

    void offlineEditsReachTheServerOnce()
    {
        const Instrument a = create();
        edited(a.id, QStringLiteral("model"), QStringLiteral("CS50"));
        edited(a.id, QStringLiteral("remarks"), QStringLiteral("二次修改"));
        create();
        QCOMPARE(outboxCount(), 4);
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(m_remote->liveCount(Instr), 2);
        QCOMPARE(serverField(a.id, QStringLiteral("model")), QStringLiteral("CS50"));
        QCOMPARE(serverField(a.id, QStringLiteral("remarks")), QStringLiteral("二次修改"));
        QCOMPARE(local(a.id).rev, m_remote->get(Instr, a.id).rev);
        // Two changes of one record never share a batch: the second waits for the first's rev.
        QCOMPARE(m_remote->applied, 4);
        QVERIFY(!m_db->meta(SyncEngine::lastSyncedKey()).isEmpty());
    }

    void serverChangesArePulledAndApplyingTwiceChangesNothing()
    {
        for (int n = 0; n < 25; ++n)
            m_remote->serverPut(
                Instr,
                QStringLiteral("00000000-0000-0000-0000-%1").arg(n, 12, 10, QLatin1Char('0')),
                QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("S%1").arg(n)},
                            {QStringLiteral("name"), QStringLiteral("流量计")}});
        jl::sync::SyncOptions small;
        small.pageSize = 10;
        m_engine = std::make_unique<SyncEngine>(*m_db, *m_remote, *m_collections, small);
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 25);
        QCOMPARE(m_remote->changesCalls, 3);
        const QString cursor = m_db->meta(SyncEngine::cursorKey());
        QVERIFY(!cursor.isEmpty());
        const QString audit = scalar(QStringLiteral("SELECT COUNT(*) FROM audit")).toString();
        // The same pages again (a cursor lost with a crash): nothing changes, nothing queued.
        QVERIFY(m_db->setMeta(SyncEngine::cursorKey(), QString()).ok());
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 25);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(m_db->meta(SyncEngine::cursorKey()), cursor);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit")).toString(), audit);
    }

    void otherCollectionsLandInTheirTables()
    {
        m_remote->serverPut(QStringLiteral("site"), QStringLiteral("s1"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("文三路加油站")},
                                        {QStringLiteral("kind"), QStringLiteral("fuel")},
                                        {QStringLiteral("pileCount"), 4}});
        m_remote->serverPut(QStringLiteral("contact"), QStringLiteral("c1"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("王五")},
                                        {QStringLiteral("isLiaison"), true}});
        m_remote->serverPut(QStringLiteral("appointment"), QStringLiteral("p1"),
                            QJsonObject{{QStringLiteral("state"), QStringLiteral("draft")}});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(scalar(QStringLiteral("SELECT pile_count FROM site WHERE id = 's1'")).toInt(), 4);
        QCOMPARE(scalar(QStringLiteral("SELECT is_liaison FROM contact WHERE id = 'c1'")).toInt(),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT collection FROM remote_record WHERE id = 'p1'"))
                     .toString(),
                 QStringLiteral("appointment"));
        m_remote->serverDelete(QStringLiteral("appointment"), QStringLiteral("p1"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM remote_record")).toInt(), 0);
    }

    void tombstonesDelete()
    {
        const Instrument a = synced();
        m_remote->serverDelete(Instr, a.id);
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 0);
    }

    void differentFieldsMergeSilently()
    {
        const Instrument a = synced();
        m_remote->serverEdit(Instr, a.id, QStringLiteral("name"), QStringLiteral("服务器名"));
        edited(a.id, QStringLiteral("model"), QStringLiteral("本地型号"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(conflictCount(), 0);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(serverField(a.id, QStringLiteral("name")), QStringLiteral("服务器名"));
        QCOMPARE(serverField(a.id, QStringLiteral("model")), QStringLiteral("本地型号"));
        QCOMPARE(local(a.id).name, QStringLiteral("服务器名"));
        QCOMPARE(local(a.id).model, QStringLiteral("本地型号"));
        QCOMPARE(local(a.id).rev, m_remote->get(Instr, a.id).rev);
    }

    void sameFieldIsAConflict()
    {
        const Instrument a = synced();
        m_remote->serverEdit(Instr, a.id, QStringLiteral("name"), QStringLiteral("服务器名"));
        edited(a.id, QStringLiteral("name"), QStringLiteral("本地名"));
        edited(a.id, QStringLiteral("remarks"), QStringLiteral("本地备注"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(conflictCount(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT fields FROM conflict")).toString(),
                 QStringLiteral("[\"name\"]"));
        QVERIFY(scalar(QStringLiteral("SELECT mine FROM conflict"))
                    .toString()
                    .contains(QStringLiteral("本地名")));
        QCOMPARE(local(a.id).name, QStringLiteral("服务器名"));
        // The one-sided change went up; the conflicting one waits for the user.
        QCOMPARE(serverField(a.id, QStringLiteral("remarks")), QStringLiteral("本地备注"));
        QCOMPARE(serverField(a.id, QStringLiteral("name")), QStringLiteral("服务器名"));
        QCOMPARE(outboxCount(QStringLiteral("conflict")), 2);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(m_engine->status().conflicts, 1);
    }

    void editAgainstServerDelete()
    {
        const Instrument a = synced();
        m_remote->serverDelete(Instr, a.id);
        edited(a.id, QStringLiteral("name"), QStringLiteral("本地名"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(conflictCount(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT server_deleted FROM conflict")).toInt(), 1);
        QCOMPARE(localCount(), 0);
        QVERIFY(m_remote->get(Instr, a.id).deleted);
    }

    void editOfARecordTheServerLacksMakesItAgain()
    {
        // The server lost the record outright (restored from a backup; no tombstone): the
        // update answers 404, and the change goes again as a create under a new key, since
        // the server keeps its 404 under the first one.
        const Instrument a = synced();
        m_remote->records.remove({Instr, a.id});
        edited(a.id, QStringLiteral("name"), QStringLiteral("本地名"));
        const QString firstKey = scalar(QStringLiteral("SELECT op_id FROM outbox")).toString();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")).toInt(), 0);
        QVERIFY(!m_remote->get(Instr, a.id).deleted);
        QCOMPARE(serverField(a.id, QStringLiteral("name")), QStringLiteral("本地名"));
        QVERIFY(m_remote->keys.contains(firstKey)); // the 404 stays under the first key
        QCOMPARE(m_remote->keys.value(firstKey).status, 404);
        QCOMPARE(conflictCount(), 0);
    }

    void deleteAgainstServerEdit()
    {
        const Instrument a = synced();
        m_remote->serverEdit(Instr, a.id, QStringLiteral("name"), QStringLiteral("服务器名"));
        QVERIFY(m_store->moveToHistory({a.id}).ok());
        QVERIFY(m_store->purge({a.id}).ok());
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(conflictCount(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT local_deleted FROM conflict")).toInt(), 1);
        QVERIFY(!m_remote->get(Instr, a.id).deleted);
        QCOMPARE(localCount(), 1);
        QCOMPARE(local(a.id).name, QStringLiteral("服务器名"));
    }

    void createMetOnTheServerMerges()
    {
        // The create reached the server but its answer and its key were lost.
        const Instrument a = create();
        QJsonObject data = jl::models::toJson(a);
        m_remote->serverPut(Instr, a.id, data);
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(conflictCount(), 0);
        QCOMPARE(m_remote->liveCount(Instr), 1);
        QCOMPARE(m_remote->get(Instr, a.id).rev, 1);
    }

    void readYourWrites()
    {
        const Instrument a = synced();
        edited(a.id, QStringLiteral("name"), QStringLiteral("本地名"));
        m_remote->serverEdit(Instr, a.id, QStringLiteral("model"), QStringLiteral("服务器型号"));
        // The server's change arrives while mine is still queued (the push failed).
        m_remote->pushErrors.append(
            jl::sync::RemoteError{jl::sync::RemoteError::Kind::Network, 0, {}});
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        QCOMPARE(local(a.id).name, QStringLiteral("本地名"));
        QCOMPARE(outboxCount(), 1);
        QVERIFY(m_db->meta(SyncEngine::cursorKey()).size() > 0);
        // Later the push goes and the 412 brings the server's version for the merge.
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(local(a.id).name, QStringLiteral("本地名"));
        QCOMPARE(local(a.id).model, QStringLiteral("服务器型号"));
        QCOMPARE(serverField(a.id, QStringLiteral("name")), QStringLiteral("本地名"));
    }

    void lostReplyIsNotDuplicated()
    {
        create();
        m_remote->loseNextPushReply = true;
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        QCOMPARE(outboxCount(), 1);
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(m_remote->liveCount(Instr), 1);
        QCOMPARE(m_remote->applied, 1);
    }

    void crashBetweenAcknowledgementAndRemoval()
    {
        const Instrument a = create();
        jl::models::failpoints::arm(QStringLiteral("sync.push.acked"));
        QCOMPARE(sync(), SyncEngine::Result::Failed);
        QCOMPARE(outboxCount(), 1);
        QCOMPARE(m_remote->applied, 1);
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(m_remote->applied, 1); // the retry got the stored answer
        QCOMPARE(local(a.id).rev, 1);
    }

    void crashInsidePageApply()
    {
        m_remote->serverPut(Instr, QStringLiteral("r1"),
                            QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("X1")},
                                        {QStringLiteral("name"), QStringLiteral("流量计")}});
        jl::models::failpoints::arm(QStringLiteral("sync.page.apply"));
        QCOMPARE(sync(), SyncEngine::Result::Failed);
        QCOMPARE(localCount(), 0);
        QVERIFY(m_db->meta(SyncEngine::cursorKey()).isEmpty()); // never ahead of the data
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 1);
    }

    void failedLocalWriteQueuesNothing()
    {
        jl::models::failpoints::arm(QStringLiteral("store.instrument.write"));
        Instrument i;
        i.serialNo = QStringLiteral("F-1");
        i.name = QStringLiteral("流量计");
        QVERIFY(!m_store->create(i).ok());
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->pushCalls, 0);
        QCOMPARE(m_remote->liveCount(Instr), 0);
        QVERIFY(m_store->create(i).ok());
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->liveCount(Instr), 1);
    }

    void rejectionMovesTheQueueOn()
    {
        create(QStringLiteral("REJECT"));
        const Instrument b = create();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT last_error FROM outbox")).toString(),
                 QStringLiteral("name is not allowed"));
        QCOMPARE(m_remote->get(Instr, b.id).rev, 1);
        QCOMPARE(m_engine->status().failed, 1);
    }

    // A local create the server refused, then the server's own record with the same serial:
    // both are kept (the refusal stays visible), and sync does not get stuck on the clash.
    void serverRecordWithALocalSerialIsKept()
    {
        const Instrument mine = create(QStringLiteral("REJECT"));
        m_remote->serverPut(Instr, QStringLiteral("00000000-0000-0000-0000-000000000077"),
                            QJsonObject{{QStringLiteral("serialNo"), mine.serialNo},
                                        {QStringLiteral("name"), QStringLiteral("流量计")}});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM instrument WHERE serial_no = ? AND "
                                       "lifecycle = 'active' AND deleted = 0"),
                        {mine.serialNo})
                     .toInt(),
                 2);
        // And the next run goes through too.
        QCOMPARE(sync(), SyncEngine::Result::Done);
    }

    void networkErrorBacksOffAndKeepsOrder()
    {
        create();
        create();
        m_remote->pushErrors.append(jl::sync::RemoteError{jl::sync::RemoteError::Kind::Server, 503,
                                                          QStringLiteral("busy")});
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM outbox ORDER BY seq")).toInt(), 1);
        QVERIFY(scalar(QStringLiteral("SELECT next_try_at FROM outbox ORDER BY seq")).toString() >
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        // Not due yet: the next run sends nothing, not even the entry behind it.
        const int calls = m_remote->pushCalls;
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->pushCalls, calls);
        QCOMPARE(outboxCount(), 2);
    }

    void stopMidBatchKeepsOrder()
    {
        for (int n = 0; n < 5; ++n)
            create();
        m_remote->stopAfter = 2;
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        QCOMPARE(outboxCount(), 3);
        QCOMPARE(m_remote->liveCount(Instr), 2);
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->liveCount(Instr), 5);
        QCOMPARE(m_remote->applied, 5);
    }

    void loginRequiredKeepsTheOutbox()
    {
        create();
        m_remote->pushErrors.append(
            jl::sync::RemoteError{jl::sync::RemoteError::Kind::LoginRequired, 401, {}});
        QCOMPARE(sync(), SyncEngine::Result::NeedsLogin);
        QCOMPARE(outboxCount(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM outbox")).toInt(), 0);
    }

    void upgradeRequiredNamesTheVersion()
    {
        m_remote->changesErrors.append(jl::sync::RemoteError{
            jl::sync::RemoteError::Kind::UpgradeRequired, 426, QStringLiteral("old"), 0, 3});
        const SyncEngine::Outcome out = m_engine->run();
        QCOMPARE(out.result, SyncEngine::Result::UpgradeRequired);
        QVERIFY2(out.message.contains(QLatin1String("3")), qPrintable(out.message));
    }

    void goneResyncsAndKeepsTheOutbox()
    {
        const Instrument a = synced();
        const Instrument b = synced();
        const Instrument c = synced();
        edited(a.id, QStringLiteral("remarks"), QStringLiteral("离线修改"));
        m_remote->serverDelete(Instr, b.id);
        m_remote->serverEdit(Instr, c.id, QStringLiteral("name"), QStringLiteral("服务器名"));
        m_remote->horizon = m_remote->seq + 1; // the tombstones before now were purged
        m_remote->pushErrors.append(
            jl::sync::RemoteError{jl::sync::RemoteError::Kind::Network, 0, {}});
        QCOMPARE(sync(), SyncEngine::Result::Incomplete); // push failed, pull resynced
        QCOMPARE(outboxCount(), 1);
        QCOMPARE(local(a.id).remarks, QStringLiteral("离线修改"));
        QVERIFY(!m_store->get(b.id).ok() || local(b.id).deleted);
        QCOMPARE(local(c.id).name, QStringLiteral("服务器名"));
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(serverField(a.id, QStringLiteral("remarks")), QStringLiteral("离线修改"));
    }

    void newEpochDeletesNothingLocal()
    {
        const Instrument a = synced();
        const Instrument b = synced();
        // The server restored from a backup taken before b existed.
        m_remote->records.remove({Instr, b.id});
        m_remote->epochValue = QStringLiteral("epoch-2");
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 2);
        QCOMPARE(m_remote->liveCount(Instr), 2); // b went up again
        QCOMPARE(m_db->meta(SyncEngine::epochKey()), QStringLiteral("epoch-2"));
        QCOMPARE(local(a.id).rev, m_remote->get(Instr, a.id).rev);
    }

    void massDeleteAsks()
    {
        for (int n = 0; n < 100; ++n)
            m_remote->serverPut(
                Instr, QStringLiteral("id-%1").arg(n),
                QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("M%1").arg(n)},
                            {QStringLiteral("name"), QStringLiteral("流量计")}});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        for (int n = 0; n < 60; ++n)
            m_remote->serverDelete(Instr, QStringLiteral("id-%1").arg(n));
        const SyncEngine::Outcome out = m_engine->run();
        QCOMPARE(out.result, SyncEngine::Result::WaitingForUser);
        QCOMPARE(out.massDeleteCollection, Instr);
        QCOMPARE(out.massDeleteCount, 60);
        QCOMPARE(out.massDeleteTotal, 100);
        QCOMPARE(localCount(), 100);
        m_engine->approveMassDelete();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 40);
    }

    void fewDeletionsDoNotAsk()
    {
        for (int n = 0; n < 100; ++n)
            m_remote->serverPut(
                Instr, QStringLiteral("id-%1").arg(n),
                QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("M%1").arg(n)},
                            {QStringLiteral("name"), QStringLiteral("流量计")}});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        for (int n = 0; n < 15; ++n)
            m_remote->serverDelete(Instr, QStringLiteral("id-%1").arg(n));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 85);
    }

    void cancelledPullResumesFromItsCursor()
    {
        for (int n = 0; n < 30; ++n)
            m_remote->serverPut(
                Instr, QStringLiteral("id-%1").arg(n),
                QJsonObject{{QStringLiteral("serialNo"), QStringLiteral("C%1").arg(n)},
                            {QStringLiteral("name"), QStringLiteral("流量计")}});
        jl::sync::SyncOptions small;
        small.pageSize = 10;
        m_engine = std::make_unique<SyncEngine>(*m_db, *m_remote, *m_collections, small);
        m_remote->onChanges = [this]() {
            if (m_remote->changesCalls == 2)
                m_engine->cancel();
        };
        QCOMPARE(sync(), SyncEngine::Result::Cancelled);
        const int first = localCount();
        QVERIFY2(first >= 10 && first < 30, qPrintable(QString::number(first)));
        m_remote->onChanges = {};
        const int calls = m_remote->changesCalls;
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localCount(), 30);
        QCOMPARE(m_remote->changesCalls - calls, (30 - first) / 10 + ((30 - first) % 10 ? 1 : 0));
    }

    void largeChangeGoesInBatches()
    {
        QList<Instrument> many;
        for (int n = 0; n < 1200; ++n) {
            Instrument i;
            i.serialNo = QStringLiteral("B-%1").arg(n);
            i.name = QStringLiteral("流量计");
            many.append(i);
        }
        for (const Instrument &i : many)
            QVERIFY(m_store->create(i).ok());
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->batchSizes, (QList<int>{500, 500, 200}));
        QCOMPARE(m_remote->liveCount(Instr), 1200);
        QCOMPARE(outboxCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
