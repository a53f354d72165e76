// The user's decisions on 冲突 and 同步状态 end to end: two clients of one enterprise and the
// reference server on loopback. Keep mine reaches the server on its revision, keep theirs
// leaves the server as it is, for every conflict case; a change the server refused and then
// discarded leaves nothing behind on either side.
#include "syncfixture.h"

#include "models/store/conflicts.h"
#include "models/store/localcollection.h"

#include <QTest>

using jl::sync::SyncEngine;
using jl::test::Client;
using namespace jl::servertest;
using namespace jl;

class TestConflictResolution : public jl::test::SyncEnd2EndTest {
    Q_OBJECT

public:
    TestConflictResolution()
        : SyncEnd2EndTest(QStringLiteral("CR"))
    {}

private:
    std::unique_ptr<models::LocalCollections> m_collections = models::LocalCollections::builtIn();

    models::Status resolve(Client &c, bool mine)
    {
        models::ConflictStore store(c.db(), *m_collections, QStringLiteral("测试员"));
        const auto list = store.list();
        if (!list)
            return list.error();
        QList<qint64> ids;
        for (const models::Conflict &conflict : list.value())
            ids.append(conflict.id);
        return mine ? store.keepMine(ids) : store.keepTheirs(ids);
    }
    // a changed the model to A型号 while b changed it to B型号 and synced first.
    QString sameField(Client &a, Client &b)
    {
        const auto x = a.create(serial());
        done(a);
        done(b);
        b.edit(x.id, QStringLiteral("model"), QStringLiteral("B型号"));
        done(b);
        a.edit(x.id, QStringLiteral("model"), QStringLiteral("A型号"));
        done(a);
        return x.id;
    }

private Q_SLOTS:
    void initTestCase() { startServer(); }

    void sameFieldKeepMineReachesTheServer()
    {
        auto a = client();
        auto b = client();
        const QString id = sameField(*a, *b);
        QCOMPARE(a->conflicts(), 1);
        QVERIFY(resolve(*a, true).ok());
        QCOMPARE(a->get(id).model, QStringLiteral("A型号"));
        done(*a);
        QCOMPARE(a->conflicts(), 0);
        QCOMPARE(a->pending(), 0);
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        const QJsonObject server = onServer(id);
        QCOMPARE(server.value(u"data").toObject().value(u"model").toString(),
                 QStringLiteral("A型号"));
        QCOMPARE(server.value(u"rev").toInteger(), a->get(id).rev);
        done(*b);
        QCOMPARE(b->get(id).model, QStringLiteral("A型号"));
    }

    void sameFieldKeepTheirsLeavesTheServer()
    {
        auto a = client();
        auto b = client();
        const QString id = sameField(*a, *b);
        const qint64 rev = onServer(id).value(u"rev").toInteger();
        QVERIFY(resolve(*a, false).ok());
        QCOMPARE(a->get(id).model, QStringLiteral("B型号"));
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        done(*a);
        QCOMPARE(a->conflicts(), 0);
        QCOMPARE(onServer(id).value(u"rev").toInteger(), rev); // nothing was sent
        QCOMPARE(a->get(id).rev, rev);
    }

    void editAgainstDeleteKeepMineMakesItAgain()
    {
        auto a = client();
        auto b = client();
        const auto x = a->create(serial());
        done(*a);
        done(*b);
        purge(*b, x.id);
        done(*b);
        QVERIFY(a->edit(x.id, QStringLiteral("model"), QStringLiteral("A型号")));
        done(*a);
        QCOMPARE(a->conflicts(), 1);
        QVERIFY(resolve(*a, true).ok());
        done(*a);
        QCOMPARE(a->conflicts(), 0);
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        // The server keeps its tombstone; mine is there again as a new record.
        QVERIFY(onServer(x.id).value(u"deleted").toBool());
        QVERIFY(!a->store().get(x.id).ok());
        const auto again = a->store().findActiveBySerial(x.serialNo);
        QVERIFY(again.ok() && again->has_value());
        const QString newId = (*again)->id;
        QVERIFY(newId != x.id);
        QCOMPARE((*again)->model, QStringLiteral("A型号"));
        const QJsonObject server = onServer(newId);
        QVERIFY(!server.value(u"deleted").toBool());
        QCOMPARE(server.value(u"data").toObject().value(u"model").toString(),
                 QStringLiteral("A型号"));
        QCOMPARE(server.value(u"rev").toInteger(), (*again)->rev);
        done(*b);
        QCOMPARE(b->get(newId).model, QStringLiteral("A型号"));
    }

    void editAgainstDeleteKeepTheirsDeletesHere()
    {
        auto a = client();
        auto b = client();
        const auto x = a->create(serial());
        done(*a);
        done(*b);
        purge(*b, x.id);
        done(*b);
        QVERIFY(a->edit(x.id, QStringLiteral("model"), QStringLiteral("A型号")));
        done(*a);
        QVERIFY(resolve(*a, false).ok());
        QVERIFY(!a->store().get(x.id).ok());
        done(*a);
        QCOMPARE(a->conflicts(), 0);
        QVERIFY(onServer(x.id).value(u"deleted").toBool());
    }

    void deleteAgainstEditBothWays()
    {
        auto a = client();
        auto b = client();
        const auto x = a->create(serial());
        const auto y = a->create(serial());
        done(*a);
        done(*b);
        QVERIFY(b->edit(x.id, QStringLiteral("model"), QStringLiteral("B型号")));
        QVERIFY(b->edit(y.id, QStringLiteral("model"), QStringLiteral("B型号")));
        done(*b);
        purge(*a, x.id);
        purge(*a, y.id);
        done(*a);
        QCOMPARE(a->conflicts(), 2);
        models::ConflictStore store(a->db(), *m_collections, QStringLiteral("测试员"));
        const auto list = store.list().value();
        const qint64 forX = list.at(0).recordId == x.id ? list.at(0).id : list.at(1).id;
        const qint64 forY = list.at(0).recordId == y.id ? list.at(0).id : list.at(1).id;
        QVERIFY(store.keepMine({forX}).ok());   // my delete wins
        QVERIFY(store.keepTheirs({forY}).ok()); // their edit wins
        done(*a);
        QCOMPARE(a->conflicts(), 0);
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        QVERIFY(onServer(x.id).value(u"deleted").toBool());
        QVERIFY(!onServer(y.id).value(u"deleted").toBool());
        QCOMPARE(a->get(y.id).model, QStringLiteral("B型号"));
        QVERIFY(!a->store().get(x.id).ok());
    }

    void rejectedThenDiscardedLeavesNothing()
    {
        auto a = client();
        auto b = client();
        done(*a);
        const QString taken = serial();
        const auto theirs = b->create(taken);
        done(*b);
        // a made the same serial offline: the server refuses it (one active serial). The run
        // itself may also stop at the pull, whose record has the serial a still holds.
        const auto x = a->create(taken);
        a->sync();
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = "
                                          "'rejected'")),
                 1);
        const qint64 seq = a->scalar(QStringLiteral("SELECT seq FROM outbox"));
        QVERIFY(models::outbox::retry(a->db(), {seq}, QStringLiteral("测试员")).ok());
        QCOMPARE(a->pending(), 1);
        a->sync(); // refused again
        QCOMPARE(a->scalar(QStringLiteral("SELECT attempts FROM outbox")), 2);
        QVERIFY(
            models::outbox::discard(a->db(), *m_collections, {seq}, QStringLiteral("测试员")).ok());
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        QVERIFY(!a->store().get(x.id).ok());
        done(*a);
        QCOMPARE(onServer(x.id).value(u"id").toString(), QString()); // never on the server
        QCOMPARE(a->get(theirs.id).serialNo, taken); // the server's record arrives instead
    }
};

QTEST_GUILESS_MAIN(TestConflictResolution)
#include "tst_conflictresolution.moc"
