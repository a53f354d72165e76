// Idempotency keys (sync.md §10–11c) over real HTTP: a retry gets the first response, a key
// reused for another change 422, a rejection is replayed too, keys belong to an enterprise,
// and a duplicate reaching a second server instance on the same database while the first is
// still working gets 409 (PostgreSQL) or waits and gets the replay (SQLite, one writer at a
// time) — never a second write. A claim left in flight by an instance that crashed is taken
// over once its lease has run out, and the request then runs exactly once.
#include "server/serverharness.h"

using namespace jl::servertest;

class TestServerIdempotency : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void replayGivesFirstResponse_data() { JL_BACKEND_ROWS(); }
    void replayGivesFirstResponse();
    void reusedKeyOtherPayloadIs422_data() { JL_BACKEND_ROWS(); }
    void reusedKeyOtherPayloadIs422();
    void rejectionIsReplayed_data() { JL_BACKEND_ROWS(); }
    void rejectionIsReplayed();
    void keysBelongToEnterprise_data() { JL_BACKEND_ROWS(); }
    void keysBelongToEnterprise();
    void invalidKey_data() { JL_BACKEND_ROWS(); }
    void invalidKey();
    void duplicateOnSecondInstance_data() { JL_BACKEND_ROWS(); }
    void duplicateOnSecondInstance();
    void duplicateStorm_data() { JL_BACKEND_ROWS(); }
    void duplicateStorm();
    void abandonedClaimTakenOver_data() { JL_BACKEND_ROWS(); }
    void abandonedClaimTakenOver();

private:
    Backend m_sqlite;
    Backend m_pg;
};

void TestServerIdempotency::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QVERIFY(m_sqlite.setUp(TestDatabase::Kind::Sqlite,
                           {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    if (TestDatabase::postgresAvailable())
        QVERIFY(m_pg.setUp(TestDatabase::Kind::Postgres,
                           {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
}

void TestServerIdempotency::cleanupTestCase()
{
    QVERIFY(m_sqlite.server->stop());
    if (m_pg.server)
        QVERIFY(m_pg.server->stop());
}

void TestServerIdempotency::replayGivesFirstResponse()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString path = QStringLiteral("/api/v1/contacts/") + newId();
    const QByteArray key = newId().toLatin1();
    const Reply first = http.put(path, contactPayload(), {{"Idempotency-Key", key}});
    QCOMPARE(first.status, 201);
    QVERIFY(first.header("Idempotent-Replayed").isEmpty());
    const Reply again = http.put(path, contactPayload(), {{"Idempotency-Key", key}});
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(again.header("ETag"), first.header("ETag"));
    // Later changes do not alter what the key answers.
    QCOMPARE(http.put(path, contactPayload(QStringLiteral("后来")),
                      {{"If-Match", "1"}, {"Idempotency-Key", newId().toLatin1()}})
                 .status,
             200);
    const Reply late = http.put(path, contactPayload(), {{"Idempotency-Key", key}});
    QCOMPARE(late.status, 201);
    QCOMPARE(late.body, first.body);
    QCOMPARE(http.get(path).json().value(u"rev").toInt(), 2);
    // The same for commands and deletes.
    const QString instrument = QStringLiteral("/api/v1/instruments/") + newId();
    QCOMPARE(http.put(instrument, instrumentPayload(QStringLiteral("IDEM-1"))).status, 201);
    const QByteArray moveKey = newId().toLatin1();
    const Reply moved = http.post(instrument + QStringLiteral("/moveToHistory"), QJsonObject(),
                                  {{"Idempotency-Key", moveKey}});
    QCOMPARE(moved.status, 200);
    const Reply movedAgain = http.post(instrument + QStringLiteral("/moveToHistory"), QJsonObject(),
                                       {{"Idempotency-Key", moveKey}});
    QCOMPARE(movedAgain.status, 200); // not 409: the retry is answered, not run again
    QCOMPARE(movedAgain.body, moved.body);
}

void TestServerIdempotency::reusedKeyOtherPayloadIs422()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QByteArray key = newId().toLatin1();
    const QString path = QStringLiteral("/api/v1/contacts/") + newId();
    QCOMPARE(http.put(path, contactPayload(), {{"Idempotency-Key", key}}).status, 201);
    Reply r = http.put(path, contactPayload(QStringLiteral("别的")), {{"Idempotency-Key", key}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("idempotency-mismatch"));
    r = http.put(QStringLiteral("/api/v1/contacts/") + newId(), contactPayload(),
                 {{"Idempotency-Key", key}});
    QCOMPARE(r.status, 422);
    QCOMPARE(http.get(path).json().value(u"rev").toInt(), 1);
}

void TestServerIdempotency::rejectionIsReplayed()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    QJsonObject bad = contactPayload();
    bad.insert(QStringLiteral("phone"), QStringLiteral("123"));
    const QByteArray key = newId().toLatin1();
    const QString path = QStringLiteral("/api/v1/contacts/") + newId();
    const Reply first = http.put(path, bad, {{"Idempotency-Key", key}});
    QCOMPARE(first.status, 422);
    const Reply again = http.put(path, bad, {{"Idempotency-Key", key}});
    QCOMPARE(again.status, 422);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(again.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(again.body, first.body);
}

void TestServerIdempotency::keysBelongToEnterprise()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    const Account other = createAccount(b.db->url(), 30);
    Http mine = b.http();
    Http theirs(b.server->base());
    theirs.setToken(accessToken(b.server->base(), other));
    const QByteArray key = newId().toLatin1();
    QCOMPARE(mine.put(QStringLiteral("/api/v1/contacts/") + newId(), contactPayload(),
                      {{"Idempotency-Key", key}})
                 .status,
             201);
    // The same key from another enterprise is another key: no mismatch, no replay of ours.
    const Reply r = theirs.put(QStringLiteral("/api/v1/sites/") + newId(), sitePayload(),
                               {{"Idempotency-Key", key}});
    QCOMPARE(r.status, 201);
    QVERIFY(r.header("Idempotent-Replayed").isEmpty());
}

void TestServerIdempotency::invalidKey()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    Reply r = http.put(QStringLiteral("/api/v1/contacts/") + newId(), contactPayload(),
                       {{"Idempotency-Key", QByteArray(201, 'k')}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("idempotency-key-invalid"));
    r = http.put(QStringLiteral("/api/v1/contacts/") + newId(), contactPayload(),
                 {{"Idempotency-Key", "has space"}});
    QCOMPARE(r.status, 400);
}

void TestServerIdempotency::duplicateOnSecondInstance()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    // A second instance on the same database whose write transactions take a while.
    ServerProcess slow;
    QVERIFY(slow.start(b.db->url(),
                       {QStringLiteral("--test-commit-delay-ms"), QStringLiteral("1500")}));
    Http toSlow(slow.base());
    toSlow.setToken(b.token);
    Http toFast = b.http();
    const QString path = QStringLiteral("/api/v1/contacts/") + newId();
    const QByteArray key = newId().toLatin1();
    const QByteArray body = QJsonDocument(contactPayload()).toJson(QJsonDocument::Compact);
    QNetworkReply *pending = toSlow.start("PUT", path, body, {{"Idempotency-Key", key}});
    QTest::qWait(500); // the slow instance has claimed the key and is inside its work
    const Reply duplicate = toFast.send(
        "PUT", path, body, {{"Idempotency-Key", key}, {"Content-Type", "application/json"}});
    const Reply original = Http::finish(pending);
    QCOMPARE(original.status, 201);
    if (backend == QLatin1String("postgresql")) {
        // The claim was committed on its own before the work: the duplicate sees it in flight
        // at once instead of blocking or running twice.
        QVERIFY2(duplicate.status == 409,
                 QByteArray(duplicate.body + " replayed=" +
                            duplicate.header("Idempotent-Replayed") + " orig=" + original.body)
                     .constData());
        QCOMPARE(duplicate.code(), QStringLiteral("idempotency-in-flight"));
        QCOMPARE(duplicate.header("Retry-After"), QByteArray("1"));
    } else {
        // SQLite has one writer at a time: the duplicate's claim waits for the work to commit
        // and then finds the answer.
        QVERIFY2(duplicate.status == 409 || duplicate.header("Idempotent-Replayed") == "true",
                 duplicate.body.constData());
    }
    const Reply retry = toFast.send(
        "PUT", path, body, {{"Idempotency-Key", key}, {"Content-Type", "application/json"}});
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(retry.body, original.body);
    QCOMPARE(toFast.get(path).json().value(u"rev").toInt(), 1);
    QVERIFY(slow.stop());
}

void TestServerIdempotency::duplicateStorm()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    ServerProcess second;
    QVERIFY(second.start(b.db->url(), {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
    // Twelve copies of one create at once, alternating between the two instances, each on
    // a connection of its own.
    const QString path = QStringLiteral("/api/v1/instruments/") + newId();
    const QByteArray key = newId().toLatin1();
    const QByteArray body =
        QJsonDocument(instrumentPayload(QStringLiteral("STORM-1"))).toJson(QJsonDocument::Compact);
    std::vector<std::unique_ptr<Http>> clients;
    QList<QNetworkReply *> replies;
    for (int n = 0; n < 12; ++n) {
        clients.push_back(std::make_unique<Http>(n % 2 ? second.base() : b.server->base()));
        clients.back()->setToken(b.token);
        replies.append(clients.back()->start("PUT", path, body, {{"Idempotency-Key", key}}));
    }
    int ran = 0;
    int replayed = 0;
    int inFlight = 0;
    for (QNetworkReply *reply : replies) {
        const Reply r = Http::finish(reply);
        if (r.status == 201 && r.header("Idempotent-Replayed").isEmpty())
            ++ran;
        else if (r.status == 201)
            ++replayed;
        else if (r.status == 409)
            ++inFlight;
        else
            QFAIL(r.body.constData());
    }
    QCOMPARE(ran, 1);
    QCOMPARE(ran + replayed + inFlight, 12);
    Http http = b.http();
    QCOMPARE(http.get(path).json().value(u"rev").toInt(), 1);
    QVERIFY(second.stop());
}

void TestServerIdempotency::abandonedClaimTakenOver()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    const QString path = QStringLiteral("/api/v1/instruments/") + newId();
    const QByteArray key = newId().toLatin1();
    const QByteArray body =
        QJsonDocument(instrumentPayload(QStringLiteral("CRASH-1"))).toJson(QJsonDocument::Compact);
    const QList<QPair<QByteArray, QByteArray>> headers = {{"Idempotency-Key", key},
                                                          {"Content-Type", "application/json"}};
    const QString claimState =
        QStringLiteral("SELECT state FROM idempotency_keys WHERE enterprise_id = ? AND key = ?");
    const QVariantList claimBinds = {b.account.enterpriseId, QString::fromLatin1(key)};

    // 1. An instance claims the key, starts the work (which would take 30 s) and dies.
    {
        ServerProcess doomed;
        QVERIFY(doomed.start(b.db->url(),
                             {QStringLiteral("--test-commit-delay-ms"), QStringLiteral("30000")}));
        Http toDoomed(doomed.base());
        toDoomed.setToken(b.token);
        QNetworkReply *pending = toDoomed.start("PUT", path, body, {{"Idempotency-Key", key}});
        QTRY_COMPARE_WITH_TIMEOUT(b.db->scalar(claimState, claimBinds).toString(),
                                  QStringLiteral("inflight"), 20000);
        doomed.crash();
        const Reply lost = Http::finish(pending);
        QCOMPARE(lost.status, 0); // no answer: the connection died with the server
    }
    QCOMPARE(b.db->scalar(claimState, claimBinds).toString(), QStringLiteral("inflight"));

    // 2. Within the lease (60 s) the claim still counts: a retry is told to wait.
    Http http = b.http();
    Reply r = http.send("PUT", path, body, headers);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.code(), QStringLiteral("idempotency-in-flight"));
    QCOMPARE(http.get(path).status, 404);

    // 3. An instance with a lease of 3 s takes it over once the claim is older than that;
    // six copies at once still run it once.
    ServerProcess shortLease;
    QVERIFY(shortLease.start(b.db->url(), {QStringLiteral("--rate-limit"), QStringLiteral("0"),
                                           QStringLiteral("--test-in-flight-lease-seconds"),
                                           QStringLiteral("3")}));
    const QString claimAge =
        QStringLiteral("SELECT claimed_at FROM idempotency_keys WHERE enterprise_id = ? AND "
                       "key = ?");
    const qint64 claimedAt = b.db->scalar(claimAge, claimBinds).toLongLong();
    QVERIFY(claimedAt > 0);
    while (QDateTime::currentMSecsSinceEpoch() <= claimedAt + 3500)
        QTest::qWait(100);
    std::vector<std::unique_ptr<Http>> clients;
    QList<QNetworkReply *> replies;
    for (int n = 0; n < 6; ++n) {
        clients.push_back(std::make_unique<Http>(shortLease.base()));
        clients.back()->setToken(b.token);
        replies.append(clients.back()->start("PUT", path, body, {{"Idempotency-Key", key}}));
    }
    int ran = 0;
    QByteArray first;
    for (QNetworkReply *reply : replies) {
        const Reply one = Http::finish(reply);
        if (one.status == 201 && one.header("Idempotent-Replayed").isEmpty()) {
            ++ran;
            first = one.body;
        } else {
            QVERIFY2(one.status == 409 ||
                         (one.status == 201 && one.header("Idempotent-Replayed") == "true"),
                     one.body.constData());
        }
    }
    QCOMPARE(ran, 1);
    QCOMPARE(b.db->scalar(claimState, claimBinds).toString(), QStringLiteral("done"));

    // 4. From now on every instance replays that answer; the record was written once.
    r = http.send("PUT", path, body, headers);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(r.body, first);
    QCOMPARE(http.get(path).json().value(u"rev").toInt(), 1);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM records WHERE enterprise_id = ? "
                                         "AND match_key = ?"),
                          {b.account.enterpriseId, QStringLiteral("CRASH-1")})
                 .toInt(),
             1);
    QVERIFY(shortLease.stop());
}

QTEST_GUILESS_MAIN(TestServerIdempotency)
#include "tst_serveridempotency.moc"
