// 重试 and 放弃 on the 同步状态 screen: retry keeps the attempts and clears the wait; discard
// puts the record back to the base of what was given up (a create disappears), resolves a
// record in conflict as keep theirs, and a failpoint in any step changes nothing.
#include "models/store/conflicts.h"
#include "models/store/failpoints.h"
#include "models/store/outbox.h"
#include "syncstatefixture.h"

using namespace jl::models;
using jl::test::SyncStateFixture;

class TestOutboxActions final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void countsByState();
    void retryMakesEntriesPendingAgain();
    void discardCreateRemovesRecord();
    void discardOnlyChangeRevertsToBase();
    void discardNewestOfTwoRevertsToItsBase();
    void discardOlderOfTwoKeepsRecord();
    void discardDeleteBringsRecordBack();
    void discardConflictEntryTakesServerVersion();
    void failpointLeavesNothingHalfDone_data();
    void failpointLeavesNothingHalfDone();

private:
    QList<qint64> seqs() const;
    Instrument stored(const QString &id) const;

    std::unique_ptr<SyncStateFixture> m_f;
};

void TestOutboxActions::init()
{
    m_f = std::make_unique<SyncStateFixture>();
    QVERIFY(m_f->open());
}

void TestOutboxActions::cleanup()
{
    failpoints::disarmAll();
    m_f.reset();
}

QList<qint64> TestOutboxActions::seqs() const
{
    QList<qint64> list;
    const auto entries = outbox::entries(m_f->db());
    for (const OutboxEntry &e : entries.value())
        list.append(e.seq);
    return list;
}

Instrument TestOutboxActions::stored(const QString &id) const
{
    auto r = m_f->collections().find(QStringLiteral("instrument"))->read(m_f->db(), id);
    if (!r || !r->has_value())
        return {};
    Instrument i = instrumentFromJson((*r)->data);
    i.rev = (*r)->rev;
    i.deleted = (*r)->deleted;
    return i;
}

void TestOutboxActions::countsByState()
{
    m_f->create(QStringLiteral("SN1"));
    m_f->create(QStringLiteral("SN2"));
    m_f->exec(QStringLiteral("UPDATE outbox SET state = 'rejected' WHERE seq = ?"),
              {seqs().first()});
    QCOMPARE(outbox::countInState(m_f->db(), QStringLiteral("rejected")).value(), 1);
    QCOMPARE(outbox::countInState(m_f->db(), QStringLiteral("pending")).value(), 1);
    QCOMPARE(outbox::countInState(m_f->db(), QStringLiteral("conflict")).value(), 0);
    const auto some = outbox::entries(m_f->db(), {seqs().last()});
    QCOMPARE(some->size(), 1);
    QCOMPARE(some->first().seq, seqs().last());
}

void TestOutboxActions::retryMakesEntriesPendingAgain()
{
    const Instrument i = m_f->create(QStringLiteral("SN1"));
    m_f->exec(QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = 3, "
                             "next_try_at = '2026-11-28T00:00:00Z', last_error = '序列号重复'"));
    QVERIFY(outbox::retry(m_f->db(), seqs(), QStringLiteral("测试员")).ok());
    const auto entries = outbox::entries(m_f->db());
    QCOMPARE(entries->first().state, QStringLiteral("pending"));
    QCOMPARE(entries->first().attempts, 3);
    QVERIFY(m_f->scalar(QStringLiteral("SELECT next_try_at FROM outbox")).isNull());
    const auto trail = audit::entries(m_f->db(), i.id);
    QCOMPARE(trail->last().action, QStringLiteral("outboxRetry"));
    QVERIFY(trail->last().changes.contains(QStringLiteral("rejected")));
}

void TestOutboxActions::discardCreateRemovesRecord()
{
    const Instrument i = m_f->create(QStringLiteral("SN1"));
    QVERIFY(outbox::discard(m_f->db(), m_f->collections(), seqs(), QStringLiteral("测试员")).ok());
    QCOMPARE(m_f->count(QStringLiteral("instrument")), 0);
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 0);
    const auto trail = audit::entries(m_f->db(), i.id);
    QCOMPARE(trail->last().action, QStringLiteral("discardRevert"));
}

void TestOutboxActions::discardOnlyChangeRevertsToBase()
{
    Instrument i = m_f->synced(QStringLiteral("SN1"), 4, QStringLiteral("原名"));
    i.name = QStringLiteral("新名");
    QVERIFY(m_f->store().update(i).ok());
    QVERIFY(outbox::discard(m_f->db(), m_f->collections(), seqs(), QStringLiteral("测试员")).ok());
    const Instrument now = stored(i.id);
    QCOMPARE(now.name, QStringLiteral("原名"));
    QCOMPARE(now.rev, 4);
    QVERIFY(!now.deleted);
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 0);
}

void TestOutboxActions::discardNewestOfTwoRevertsToItsBase()
{
    Instrument i = m_f->synced(QStringLiteral("SN1"), 4, QStringLiteral("原名"));
    i.name = QStringLiteral("第一次");
    QVERIFY(m_f->store().update(i).ok());
    i.name = QStringLiteral("第二次");
    QVERIFY(m_f->store().update(i).ok());
    QVERIFY(
        outbox::discard(m_f->db(), m_f->collections(), {seqs().last()}, QStringLiteral("测试员"))
            .ok());
    QCOMPARE(stored(i.id).name, QStringLiteral("第一次"));
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 1);
}

void TestOutboxActions::discardOlderOfTwoKeepsRecord()
{
    Instrument i = m_f->synced(QStringLiteral("SN1"), 4, QStringLiteral("原名"));
    i.name = QStringLiteral("第一次");
    QVERIFY(m_f->store().update(i).ok());
    i.name = QStringLiteral("第二次");
    QVERIFY(m_f->store().update(i).ok());
    // The later entry carries the whole record: nothing to put back.
    QVERIFY(
        outbox::discard(m_f->db(), m_f->collections(), {seqs().first()}, QStringLiteral("测试员"))
            .ok());
    QCOMPARE(stored(i.id).name, QStringLiteral("第二次"));
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 1);
}

void TestOutboxActions::discardDeleteBringsRecordBack()
{
    const Instrument i = m_f->synced(QStringLiteral("SN1"), 4);
    QVERIFY(m_f->store().moveToHistory({i.id}).ok());
    QVERIFY(m_f->store().purge({i.id}).ok());
    QVERIFY(stored(i.id).deleted);
    // Both changes given up: the record is back in the active library as the server has it.
    QVERIFY(outbox::discard(m_f->db(), m_f->collections(), seqs(), QStringLiteral("测试员")).ok());
    const Instrument now = stored(i.id);
    QVERIFY(!now.deleted);
    QCOMPARE(now.lifecycle, Lifecycle::Active);
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 0);
}

void TestOutboxActions::discardConflictEntryTakesServerVersion()
{
    const Instrument base = m_f->synced(QStringLiteral("SN1"), 3, QStringLiteral("原名"));
    Instrument mine = base;
    mine.name = QStringLiteral("我的");
    QVERIFY(m_f->store().update(mine).ok());
    Instrument theirs = base;
    theirs.name = QStringLiteral("服务器的");
    m_f->conflict(base.id, {QStringLiteral("name")}, toJson(mine), toJson(theirs), toJson(base), 6);
    QVERIFY(outbox::discard(m_f->db(), m_f->collections(), seqs(), QStringLiteral("测试员")).ok());
    const Instrument now = stored(base.id);
    QCOMPARE(now.name, QStringLiteral("服务器的"));
    QCOMPARE(now.rev, 6);
    QCOMPARE(m_f->count(QStringLiteral("conflict")), 0);
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 0);
}

void TestOutboxActions::failpointLeavesNothingHalfDone_data()
{
    QTest::addColumn<bool>("retry");
    QTest::addColumn<QString>("failpoint");
    for (const char *point :
         {"store.outbox.read", "store.outbox.update", "store.audit.insert", "store.commit"})
        QTest::addRow("retry %s", point) << true << QString::fromLatin1(point);
    for (const char *point :
         {"store.outbox.read", "store.outbox.delete", "store.audit.insert", "store.instrument.read",
          "store.instrument.write", "store.conflict.read", "store.commit"})
        QTest::addRow("discard %s", point) << false << QString::fromLatin1(point);
}

void TestOutboxActions::failpointLeavesNothingHalfDone()
{
    QFETCH(bool, retry);
    QFETCH(QString, failpoint);
    // A create, an edit of a synced record, and a record in conflict: every path of discard.
    m_f->create(QStringLiteral("SN1"));
    Instrument edited = m_f->synced(QStringLiteral("SN2"), 4);
    edited.name = QStringLiteral("新名");
    QVERIFY(m_f->store().update(edited).ok());
    const Instrument base = m_f->synced(QStringLiteral("SN3"), 3);
    Instrument mine = base;
    mine.model = QStringLiteral("MINE");
    QVERIFY(m_f->store().update(mine).ok());
    Instrument theirs = base;
    theirs.model = QStringLiteral("THEIRS");
    m_f->conflict(base.id, {QStringLiteral("model")}, toJson(mine), toJson(theirs), toJson(base),
                  6);
    m_f->exec(QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = 2 WHERE "
                             "state = 'pending'"));

    const QList<qint64> all = seqs();
    QCOMPARE(all.size(), 3);
    const QString before = m_f->snapshot();
    failpoints::arm(failpoint);
    const Status s =
        retry ? outbox::retry(m_f->db(), all, QStringLiteral("测试员"))
              : outbox::discard(m_f->db(), m_f->collections(), all, QStringLiteral("测试员"));
    QVERIFY(!s.ok());
    failpoints::disarmAll();
    QCOMPARE(m_f->snapshot(), before);
}

QTEST_GUILESS_MAIN(TestOutboxActions)
#include "tst_outboxactions.moc"
