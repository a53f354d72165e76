// Commands in the push (sync.md §13) against the in-process FakeRemote: a state transition
// goes in its place in the queue with its idempotency key, the server's refusal (409 from the
// state machine, 422) fails that entry with the server's message and the queue moves on, a
// key still in flight is retried, a lost reply is replayed without a second transition, and a
// command on a stale revision goes again on the new one.
#include "fakeremote.h"

#include "models/store/database.h"
#include "models/store/outbox.h"
#include "sync/collections/collectionregistry.h"
#include "sync/syncengine.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using jl::models::Database;
using jl::sync::CollectionRegistry;
using jl::sync::SyncEngine;
using jl::test::FakeRemote;

namespace {

// Kept in remote_record: the engine is generic, and the fake's instrument-like lifecycle
// rules apply to any collection.
const QString Dev = QStringLiteral("device");

} // namespace

class TestSyncCommands : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CollectionRegistry> m_collections;
    std::unique_ptr<FakeRemote> m_remote;
    std::unique_ptr<SyncEngine> m_engine;

    SyncEngine::Result sync() { return m_engine->run().result; }

    void queue(const QString &id, const QString &kind, const QJsonObject &payload,
               const QString &command = {}, qint64 baseRev = 0)
    {
        const auto s = m_db->transaction([&]() {
            return jl::models::outbox::append(*m_db, Dev, id, kind, baseRev,
                                              QJsonDocument(payload).toJson(), command);
        });
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    }
    void queueCommand(const QString &id, const QString &command, qint64 baseRev = 0)
    {
        queue(id, QStringLiteral("command"), {}, command, baseRev);
    }
    QVariant scalar(const QString &sql, const QVariantList &binds = {})
    {
        auto q = m_db->exec(QStringLiteral("test"), sql, binds);
        if (!q || !q.value().next())
            return {};
        return q.value().value(0);
    }
    int outboxCount(const QString &state)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"), {state})
            .toInt();
    }
    QString opIdOf(const QString &id)
    {
        return scalar(QStringLiteral("SELECT op_id FROM outbox WHERE record_id = ?"), {id})
            .toString();
    }
    QString lastError(const QString &id)
    {
        return scalar(QStringLiteral("SELECT last_error FROM outbox WHERE record_id = ?"), {id})
            .toString();
    }
    QString localLifecycle(const QString &id)
    {
        auto r = m_collections->get(Dev).read(*m_db, id);
        if (!r || !r->has_value())
            return {};
        return (*r)->data.value(u"lifecycle").toString();
    }
    void serverDevice(const QString &id, const QString &lifecycle)
    {
        m_remote->serverPut(
            Dev, id,
            QJsonObject{{QStringLiteral("name"), id}, {QStringLiteral("lifecycle"), lifecycle}});
    }
    void makeDue()
    {
        QVERIFY(m_db->exec(QStringLiteral("test"),
                           QStringLiteral("UPDATE outbox SET next_try_at = NULL"))
                    .ok());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = Database::open(m_dir->filePath(QStringLiteral("local.db"))).value();
        m_collections = CollectionRegistry::builtIn();
        m_remote = std::make_unique<FakeRemote>();
        m_engine = std::make_unique<SyncEngine>(*m_db, *m_remote, *m_collections);
    }
    void cleanup()
    {
        m_engine.reset();
        m_db.reset();
    }

    void commandGoesInOrderWithItsKey()
    {
        serverDevice(QStringLiteral("d-1"), QStringLiteral("active"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localLifecycle(QStringLiteral("d-1")), QStringLiteral("active"));
        m_remote->events.clear();

        queue(QStringLiteral("d-0"), QStringLiteral("upsert"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("before")}});
        queueCommand(QStringLiteral("d-1"), QStringLiteral("moveToHistory"));
        const QString key = opIdOf(QStringLiteral("d-1"));
        queue(QStringLiteral("d-2"), QStringLiteral("upsert"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("after")}});
        QCOMPARE(sync(), SyncEngine::Result::Done);

        QCOMPARE(m_remote->events, (QStringList{QStringLiteral("push:d-0"),
                                                QStringLiteral("command:moveToHistory:d-1"),
                                                QStringLiteral("push:d-2")}));
        QVERIFY(m_remote->keys.contains(key));
        QCOMPARE(m_remote->keys.value(key).status, 200);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 0);
        // The server's answer is the record after the transition: it is taken over locally.
        QCOMPARE(localLifecycle(QStringLiteral("d-1")), QStringLiteral("history"));
        QCOMPARE(m_remote->get(Dev, QStringLiteral("d-1")).data.value(u"lifecycle").toString(),
                 QStringLiteral("history"));
    }

    void stateMachineRefusalFailsTheEntry()
    {
        serverDevice(QStringLiteral("d-1"), QStringLiteral("history"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        queueCommand(QStringLiteral("d-1"), QStringLiteral("moveToHistory"));
        queue(QStringLiteral("d-2"), QStringLiteral("upsert"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("after")}});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        // Refused for good (409 from the state machine): shown with the server's words, and
        // the queue moved on instead of retrying it forever.
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 1);
        QCOMPARE(lastError(QStringLiteral("d-1")), QStringLiteral("无法执行该操作"));
        QCOMPARE(outboxCount(QStringLiteral("pending")), 0);
        QVERIFY(m_remote->records.contains({Dev, QStringLiteral("d-2")}));
    }

    void invalidCommandIsRejectedWithTheMessage()
    {
        serverDevice(QStringLiteral("d-1"), QStringLiteral("active"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        // The fake answers 422 for this payload, as a server does for a reused key or a
        // command with invalid arguments.
        queue(QStringLiteral("d-1"), QStringLiteral("command"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("REJECT")}},
              QStringLiteral("moveToHistory"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 1);
        QCOMPARE(lastError(QStringLiteral("d-1")), QStringLiteral("name is not allowed"));
        QCOMPARE(m_remote->get(Dev, QStringLiteral("d-1")).data.value(u"lifecycle").toString(),
                 QStringLiteral("active"));
    }

    void keyInFlightIsRetried()
    {
        serverDevice(QStringLiteral("d-1"), QStringLiteral("active"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        queueCommand(QStringLiteral("d-1"), QStringLiteral("moveToHistory"));
        const QString key = opIdOf(QStringLiteral("d-1"));
        // Another instance is still working on this key: 409, not a refusal.
        m_remote->keys.insert(key, jl::sync::PushResult{key, 409, {}, QStringLiteral("正在处理")});
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 1);
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 0);
        m_remote->keys.remove(key);
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(localLifecycle(QStringLiteral("d-1")), QStringLiteral("history"));
    }

    void lostReplyIsReplayedNotRepeated()
    {
        serverDevice(QStringLiteral("d-1"), QStringLiteral("active"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        queueCommand(QStringLiteral("d-1"), QStringLiteral("moveToHistory"));
        m_remote->loseNextPushReply = true;
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        QCOMPARE(m_remote->applied, 1);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 1);
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        // The same key got the stored answer: one transition, not a refused second one.
        QCOMPARE(m_remote->applied, 1);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 0);
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 0);
        QCOMPARE(localLifecycle(QStringLiteral("d-1")), QStringLiteral("history"));
    }

    void staleRevisionGoesAgainOnTheNewOne()
    {
        serverDevice(QStringLiteral("d-1"), QStringLiteral("active"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        queueCommand(QStringLiteral("d-1"), QStringLiteral("moveToHistory"), 1);
        const QString key = opIdOf(QStringLiteral("d-1"));
        m_remote->serverEdit(Dev, QStringLiteral("d-1"), QStringLiteral("name"),
                             QStringLiteral("renamed elsewhere"));
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->keys.value(key).status, 412);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 0);
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 0);
        const FakeRemote::Record server = m_remote->get(Dev, QStringLiteral("d-1"));
        QCOMPARE(server.data.value(u"lifecycle").toString(), QStringLiteral("history"));
        QCOMPARE(server.data.value(u"name").toString(), QStringLiteral("renamed elsewhere"));
        QCOMPARE(localLifecycle(QStringLiteral("d-1")), QStringLiteral("history"));
    }
};

QTEST_GUILESS_MAIN(TestSyncCommands)
#include "tst_synccommands.moc"
