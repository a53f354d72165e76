#include "syncfixture.h"

#include <QTest>

using jl::sync::SyncEngine;
using jl::test::Client;
using namespace jl::servertest;

// sync.md end to end: two clients of one enterprise and the reference server on loopback.
class TestSyncEnd2End : public jl::test::SyncEnd2EndTest {
    Q_OBJECT

public:
    TestSyncEnd2End()
        : SyncEnd2EndTest(QStringLiteral("E2E"))
    {}

private:
private Q_SLOTS:
    void initTestCase() { startServer(); }

    void offlineEditsReachTheServer()
    {
        auto a = client();
        const auto x = a->create(serial());
        QVERIFY(a->edit(x.id, QStringLiteral("remarks"), QStringLiteral("离线录入")));
        const auto y = a->create(serial());
        QCOMPARE(a->pending(), 3);
        done(*a);
        QCOMPARE(a->pending(), 0);
        const QJsonObject rx = onServer(x.id);
        QCOMPARE(rx.value(u"data").toObject().value(u"remarks").toString(),
                 QStringLiteral("离线录入"));
        QCOMPARE(rx.value(u"rev").toInteger(), a->get(x.id).rev);
        QCOMPARE(onServer(y.id).value(u"rev").toInteger(), 1);
    }

    void serverChangesArePulled()
    {
        auto a = client();
        auto b = client();
        done(*a);
        done(*b);
        const auto x = b->create(serial());
        done(*b);
        done(*a);
        QCOMPARE(a->get(x.id).serialNo, x.serialNo);
        QVERIFY(b->edit(x.id, QStringLiteral("model"), QStringLiteral("B-改")));
        done(*b);
        done(*a);
        QCOMPARE(a->get(x.id).model, QStringLiteral("B-改"));
        QCOMPARE(a->get(x.id).rev, b->get(x.id).rev);
        purge(*b, x.id);
        done(*b);
        done(*a);
        QVERIFY(!a->store().get(x.id).ok());
        // The enterprise itself comes down too (read-only, its own table).
        QVERIFY(a->scalar(QStringLiteral("SELECT COUNT(*) FROM enterprise")) >= 1);
    }

    void adminChangesArePulled()
    {
        // The regulator's side: verification records uploaded with the admin command line.
        auto a = client();
        const auto x = a->create(serial());
        done(*a);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("records.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(
                QJsonArray{QJsonObject{
                    {QStringLiteral("uscc"), m_account.uscc},
                    {QStringLiteral("certificateNo"), QString(QStringLiteral("JD-") + x.serialNo)},
                    {QStringLiteral("serialNo"), x.serialNo},
                    {QStringLiteral("instrumentName"), x.name},
                    {QStringLiteral("model"), x.model},
                    {QStringLiteral("institution"), QStringLiteral("浙江省计量科学研究院")},
                    {QStringLiteral("verifiedAt"), QStringLiteral("2026-11-01")},
                    {QStringLiteral("result"), QStringLiteral("pass")},
                    {QStringLiteral("validUntil"), QStringLiteral("2027-10-31")}}})
                .toJson());
        file.close();
        QCOMPARE(runAdmin(m_serverDb->url(),
                          {QStringLiteral("upload-verification-records"), file.fileName()})
                     .exitCode,
                 0);
        done(*a);
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM verification_record WHERE "
                                          "serial_no = '") +
                           x.serialNo + QStringLiteral("'")),
                 1);
    }

    void differentFieldsMerge()
    {
        auto a = client();
        auto b = client();
        const auto x = a->create(serial());
        done(*a);
        done(*b);
        QVERIFY(b->edit(x.id, QStringLiteral("model"), QStringLiteral("B型号")));
        done(*b);
        QVERIFY(a->edit(x.id, QStringLiteral("remarks"), QStringLiteral("A备注")));
        done(*a);
        QCOMPARE(a->conflicts(), 0);
        const QJsonObject data = onServer(x.id).value(u"data").toObject();
        QCOMPARE(data.value(u"model").toString(), QStringLiteral("B型号"));
        QCOMPARE(data.value(u"remarks").toString(), QStringLiteral("A备注"));
        QCOMPARE(a->get(x.id).model, QStringLiteral("B型号"));
    }

    void sameFieldConflicts()
    {
        auto a = client();
        auto b = client();
        const auto x = a->create(serial());
        done(*a);
        done(*b);
        QVERIFY(b->edit(x.id, QStringLiteral("model"), QStringLiteral("B型号")));
        done(*b);
        QVERIFY(a->edit(x.id, QStringLiteral("model"), QStringLiteral("A型号")));
        done(*a);
        QCOMPARE(a->conflicts(), 1);
        QCOMPARE(a->get(x.id).model, QStringLiteral("B型号"));
        QCOMPARE(onServer(x.id).value(u"data").toObject().value(u"model").toString(),
                 QStringLiteral("B型号"));
        QCOMPARE(a->engine().status().conflicts, 1);
    }

    void editAgainstDelete()
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
        QCOMPARE(a->scalar(QStringLiteral("SELECT server_deleted FROM conflict")), 1);
        QVERIFY(onServer(x.id).value(u"deleted").toBool());
    }

    void deleteAgainstEdit()
    {
        auto a = client();
        auto b = client();
        const auto x = a->create(serial());
        done(*a);
        done(*b);
        QVERIFY(b->edit(x.id, QStringLiteral("model"), QStringLiteral("B型号")));
        done(*b);
        purge(*a, x.id);
        done(*a);
        QCOMPARE(a->conflicts(), 1);
        QCOMPARE(a->scalar(QStringLiteral("SELECT local_deleted FROM conflict")), 1);
        QVERIFY(!onServer(x.id).value(u"deleted").toBool());
        QCOMPARE(a->get(x.id).model, QStringLiteral("B型号"));
    }

    void goneResyncKeepsTheOutbox()
    {
        auto a = client();
        auto b = client();
        const auto x = a->create(serial());
        const auto y = a->create(serial());
        done(*a);
        done(*b);
        purge(*b, y.id);
        done(*b);
        // A change of a waits (its backoff) while the server forgets the tombstone.
        QVERIFY(a->edit(x.id, QStringLiteral("remarks"), QStringLiteral("等待中")));
        QVERIFY(
            a->db()
                .exec(QStringLiteral("test"),
                      QStringLiteral("UPDATE outbox SET next_try_at = '2999-01-01T00:00:00.000Z'"))
                .ok());
        QCOMPARE(
            runAdmin(m_serverDb->url(), {QStringLiteral("purge-tombstones"),
                                         QStringLiteral("--older-than-days"), QStringLiteral("0")})
                .exitCode,
            0);
        done(*a);
        QCOMPARE(a->pending(), 1);
        QCOMPARE(a->get(x.id).remarks, QStringLiteral("等待中"));
        QVERIFY(!a->store().get(y.id).ok()); // the resync removed what the server no longer has
        QVERIFY(a->db()
                    .exec(QStringLiteral("test"),
                          QStringLiteral("UPDATE outbox SET next_try_at = NULL"))
                    .ok());
        done(*a);
        QCOMPARE(onServer(x.id).value(u"data").toObject().value(u"remarks").toString(),
                 QStringLiteral("等待中"));
    }

    void newEpochDeletesNothingLocal()
    {
        auto a = client();
        a->create(serial());
        done(*a);
        const int before = a->instruments();
        const QString epoch = a->db().meta(SyncEngine::epochKey());
        QVERIFY(!epoch.isEmpty());
        const auto offline = a->create(serial());
        QCOMPARE(runAdmin(m_serverDb->url(), {QStringLiteral("new-epoch")}).exitCode, 0);
        // The server reads its epoch again within a second.
        Http http(m_server->base());
        QTRY_VERIFY_WITH_TIMEOUT(
            http.get(QStringLiteral("/api/v1/version")).json().value(u"epoch").toString() != epoch,
            10000);
        done(*a);
        QVERIFY(a->db().meta(SyncEngine::epochKey()) != epoch);
        QCOMPARE(a->instruments(), before + 1);
        QCOMPARE(a->pending(), 0);
        QCOMPARE(onServer(offline.id).value(u"rev").toInteger(), 1);
    }

    void massDeleteAsks()
    {
        auto a = client();
        auto b = client();
        QStringList ids;
        for (int n = 0; n < 60; ++n)
            ids.append(b->create(serial()).id);
        done(*b);
        done(*a);
        const int total = a->instruments();
        QVERIFY(b->store().moveToHistory(ids).ok());
        QVERIFY(b->store().purge(ids).ok());
        done(*b);
        const SyncEngine::Outcome out = a->sync();
        if (60 * 100 > total * 20) {
            QCOMPARE(out.result, SyncEngine::Result::WaitingForUser);
            QCOMPARE(out.massDeleteCount, 60);
            QCOMPARE(a->instruments(), total);
            a->engine().approveMassDelete();
        }
        done(*a);
        QCOMPARE(a->instruments(), total - 60);
    }

    void tenThousandRowsGoInBatches()
    {
        auto a = client();
        QList<jl::models::Instrument> rows;
        // One import: records and outbox entries written together, as the importer does.
        QVERIFY(a->db()
                    .transaction([&]() -> jl::models::Status {
                        for (int n = 0; n < 10000; ++n) {
                            jl::models::Instrument i = jl::models::instrumentFromJson(
                                instrumentPayload(QStringLiteral("BULK-%1").arg(n)));
                            i.id = newId();
                            i.updatedAt = QDateTime::currentDateTimeUtc();
                            if (auto q = a->db().exec(QStringLiteral("test"),
                                                      jl::models::instrumentrow::upsertSql(),
                                                      jl::models::instrumentrow::values(i));
                                !q)
                                return q.error();
                            if (auto s = jl::models::outbox::append(
                                    a->db(), QStringLiteral("instrument"), i.id,
                                    QStringLiteral("upsert"), 0,
                                    QJsonDocument(jl::models::toJson(i))
                                        .toJson(QJsonDocument::Compact));
                                !s)
                                return s;
                        }
                        return {};
                    })
                    .ok());
        done(*a);
        QCOMPARE(a->pending(), 0);
        QVERIFY(a->remote().batchSizes.size() >= 20);
        QCOMPARE(a->remote().batchSizes.first(), 500);
        // A fresh client sees them all.
        auto b = client();
        done(*b);
        QVERIFY(b->scalar(QStringLiteral(
                    "SELECT COUNT(*) FROM instrument WHERE serial_no LIKE 'BULK-%'")) == 10000);
    }
};

QTEST_GUILESS_MAIN(TestSyncEnd2End)
#include "tst_syncend2end.moc"
