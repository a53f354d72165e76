// Conflict resolution (sync.md §15): keep mine queues my values on the server's revision,
// keep theirs takes the server's record; edit-vs-delete both ways; several at once in one
// transaction; a failpoint in every step leaves the database as it was.
#include "models/store/conflicts.h"
#include "models/store/failpoints.h"
#include "models/store/outbox.h"
#include "syncstatefixture.h"

using namespace jl::models;
using jl::test::SyncStateFixture;

class TestConflictStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsConflicts();
    void keepMineQueuesMyValuesOnServerRevision();
    void keepMineRecreatesRecordDeletedOnServer();
    void keepMineDeletesWhatIDeleted();
    void keepTheirsTakesServerRecord();
    void keepTheirsKeepsOtherQueuedChanges();
    void keepTheirsDeletesWhatServerDeleted();
    void bulkIsOneTransaction();
    void unknownCollectionRefused();
    void failpointLeavesNothingHalfDone_data();
    void failpointLeavesNothingHalfDone();

private:
    // A synced record whose name I changed to "mine" while the server changed it to
    // "theirs" (rev 5); returns the conflict id.
    qint64 sameFieldConflict(const QString &serial, Instrument *record = nullptr);
    Instrument stored(const QString &id) const;

    std::unique_ptr<SyncStateFixture> m_f;
};

void TestConflictStore::init()
{
    m_f = std::make_unique<SyncStateFixture>();
    QVERIFY(m_f->open());
}

void TestConflictStore::cleanup()
{
    failpoints::disarmAll();
    m_f.reset();
}

Instrument TestConflictStore::stored(const QString &id) const
{
    const LocalCollection *c = m_f->collections().find(QStringLiteral("instrument"));
    auto r = c->read(m_f->db(), id);
    if (!r || !r->has_value())
        return {};
    Instrument i = instrumentFromJson((*r)->data);
    i.rev = (*r)->rev;
    i.deleted = (*r)->deleted;
    return i;
}

qint64 TestConflictStore::sameFieldConflict(const QString &serial, Instrument *record)
{
    const Instrument base = m_f->synced(serial, 3, QStringLiteral("原名"));
    Instrument mine = base;
    mine.name = QStringLiteral("我的名称");
    mine.remarks = QStringLiteral("only mine");
    if (!m_f->store().update(mine))
        return -1;
    Instrument theirs = base;
    theirs.name = QStringLiteral("服务器名称");
    // The engine merged the one-sided remark and took the server's name.
    m_f->exec(QStringLiteral("UPDATE instrument SET name = ? WHERE id = ?"),
              {theirs.name, base.id});
    if (record)
        *record = base;
    return m_f->conflict(base.id, {QStringLiteral("name")}, toJson(mine), toJson(theirs),
                         toJson(base), 5);
}

void TestConflictStore::listsConflicts()
{
    const qint64 id = sameFieldConflict(QStringLiteral("SN1"));
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    const auto list = store.list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    const Conflict &c = list->first();
    QCOMPARE(c.id, id);
    QCOMPARE(c.collection, QStringLiteral("instrument"));
    QCOMPARE(c.fields, QStringList{QStringLiteral("name")});
    QCOMPARE(c.mine.value(QStringLiteral("name")).toString(), QStringLiteral("我的名称"));
    QCOMPARE(c.theirs.value(QStringLiteral("name")).toString(), QStringLiteral("服务器名称"));
    QCOMPARE(c.serverRev, 5);
    QVERIFY(!c.serverDeleted && !c.localDeleted);
    QCOMPARE(store.count().value(), 1);
    const auto one = store.forRecord(QStringLiteral("instrument"), c.recordId);
    QVERIFY(one.ok() && one->has_value());
    QCOMPARE((*one)->id, id);
}

void TestConflictStore::keepMineQueuesMyValuesOnServerRevision()
{
    Instrument base;
    const qint64 id = sameFieldConflict(QStringLiteral("SN1"), &base);
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    const Status s = store.keepMine({id});
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));

    const Instrument now = stored(base.id);
    QCOMPARE(now.name, QStringLiteral("我的名称"));
    QCOMPARE(now.remarks, QStringLiteral("only mine")); // the merged field stays
    QCOMPARE(now.rev, 5);
    QCOMPARE(m_f->count(QStringLiteral("conflict")), 0);

    const auto entries = outbox::entries(m_f->db());
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 1); // the conflict-state entry replaced by the new one
    const OutboxEntry &e = entries->first();
    QCOMPARE(e.state, QStringLiteral("pending"));
    QCOMPARE(e.kind, QStringLiteral("upsert"));
    QCOMPARE(e.baseRev, 5);
    const QJsonObject payload = QJsonDocument::fromJson(e.payload.toUtf8()).object();
    QCOMPARE(payload.value(QStringLiteral("name")).toString(), QStringLiteral("我的名称"));
    const QJsonObject entryBase = QJsonDocument::fromJson(e.base.toUtf8()).object();
    QCOMPARE(entryBase.value(QStringLiteral("name")).toString(), QStringLiteral("服务器名称"));

    const auto trail = audit::entries(m_f->db(), base.id);
    QVERIFY(trail.ok());
    QCOMPARE(trail->last().action, QStringLiteral("conflictKeepMine"));
    QVERIFY(trail->last().changes.contains(QStringLiteral("我的名称")));
}

void TestConflictStore::keepMineRecreatesRecordDeletedOnServer()
{
    const Instrument base = m_f->synced(QStringLiteral("SN1"), 3);
    Instrument mine = base;
    mine.model = QStringLiteral("NEW-1");
    QVERIFY(m_f->store().update(mine).ok());
    const qint64 id = m_f->conflict(base.id, {QStringLiteral("model")}, toJson(mine), {},
                                    toJson(base), 7, true, false);
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    QVERIFY(store.keepMine({id}).ok());

    // The server refuses to edit its tombstone: mine is a new record, queued as a create.
    QCOMPARE(m_f->count(QStringLiteral("instrument")), 1);
    QVERIFY(stored(base.id).id.isEmpty());
    const auto entries = outbox::entries(m_f->db());
    QCOMPARE(entries->size(), 1);
    const OutboxEntry &e = entries->first();
    QVERIFY(e.recordId != base.id);
    QCOMPARE(e.kind, QStringLiteral("upsert"));
    QCOMPARE(e.baseRev, 0);
    QCOMPARE(e.base, QStringLiteral("{}"));
    const Instrument now = stored(e.recordId);
    QCOMPARE(now.model, QStringLiteral("NEW-1"));
    QCOMPARE(now.serialNo, base.serialNo);
    QCOMPARE(now.rev, 0);
    QVERIFY(!now.deleted);
    QCOMPARE(QJsonDocument::fromJson(e.payload.toUtf8()).object().value(u"id").toString(),
             e.recordId);
    QCOMPARE(m_f->count(QStringLiteral("conflict")), 0);
    QCOMPARE(audit::entries(m_f->db(), e.recordId)->last().action, QStringLiteral("create"));
    QCOMPARE(audit::entries(m_f->db(), base.id)->last().action, QStringLiteral("conflictKeepMine"));
}

void TestConflictStore::keepMineDeletesWhatIDeleted()
{
    const Instrument base = m_f->synced(QStringLiteral("SN1"), 3);
    QVERIFY(m_f->store().moveToHistory({base.id}).ok());
    QVERIFY(m_f->store().purge({base.id}).ok());
    auto tombstone =
        m_f->collections().find(QStringLiteral("instrument"))->read(m_f->db(), base.id);
    const QJsonObject mine = (*tombstone.value()).data; // in history, then deleted
    Instrument theirs = base;
    theirs.model = QStringLiteral("SERVER");
    // The engine kept the server's edit locally while the conflict waits.
    m_f->exec(QStringLiteral("UPDATE instrument SET deleted = 0, lifecycle = 'active', "
                             "removed_at = NULL, model = 'SERVER' WHERE id = ?"),
              {base.id});
    m_f->exec(QStringLiteral("DELETE FROM outbox WHERE state = 'pending'"));
    const qint64 id = m_f->conflict(base.id, {QStringLiteral("model")}, mine, toJson(theirs),
                                    toJson(base), 6, false, true);
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    QVERIFY(store.keepMine({id}).ok());
    const Instrument now = stored(base.id);
    QVERIFY(now.deleted);
    QCOMPARE(now.lifecycle, Lifecycle::History);
    QCOMPARE(now.model, QStringLiteral("SERVER")); // their edit is not undone by my delete
    // Again what the server needs: the move to history, then the delete.
    const auto entries = outbox::entries(m_f->db());
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).kind, QStringLiteral("upsert"));
    QCOMPARE(QJsonDocument::fromJson(entries->at(0).payload.toUtf8())
                 .object()
                 .value(u"lifecycle")
                 .toString(),
             QStringLiteral("history"));
    QCOMPARE(entries->at(1).kind, QStringLiteral("delete"));
    QCOMPARE(entries->at(0).baseRev, 6);
    QCOMPARE(entries->at(1).baseRev, 6);
}

void TestConflictStore::keepTheirsTakesServerRecord()
{
    Instrument base;
    const qint64 id = sameFieldConflict(QStringLiteral("SN1"), &base);
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    QVERIFY(store.keepTheirs({id}).ok());
    const Instrument now = stored(base.id);
    QCOMPARE(now.name, QStringLiteral("服务器名称"));
    QCOMPARE(now.remarks, QString()); // nothing of mine is queued any more: the server's record
    QCOMPARE(now.rev, 5);
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 0);
    QCOMPARE(m_f->count(QStringLiteral("conflict")), 0);
    const auto trail = audit::entries(m_f->db(), base.id);
    QCOMPARE(trail->last().action, QStringLiteral("conflictKeepTheirs"));
}

void TestConflictStore::keepTheirsKeepsOtherQueuedChanges()
{
    Instrument base;
    const qint64 id = sameFieldConflict(QStringLiteral("SN1"), &base);
    // A later edit, queued after the refused one.
    Instrument later = stored(base.id);
    later.installLocation = QStringLiteral("二号岛");
    QVERIFY(m_f->store().update(later).ok());
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    QVERIFY(store.keepTheirs({id}).ok());
    const Instrument now = stored(base.id);
    QCOMPARE(now.name, QStringLiteral("服务器名称"));
    QCOMPARE(now.installLocation, QStringLiteral("二号岛"));
    const auto entries = outbox::entries(m_f->db());
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().state, QStringLiteral("pending"));
}

void TestConflictStore::keepTheirsDeletesWhatServerDeleted()
{
    const Instrument base = m_f->synced(QStringLiteral("SN1"), 3);
    Instrument mine = base;
    mine.model = QStringLiteral("NEW-1");
    QVERIFY(m_f->store().update(mine).ok());
    const qint64 id = m_f->conflict(base.id, {QStringLiteral("model")}, toJson(mine), {},
                                    toJson(base), 7, true, false);
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    QVERIFY(store.keepTheirs({id}).ok());
    QCOMPARE(m_f->count(QStringLiteral("instrument")), 0);
    QCOMPARE(m_f->count(QStringLiteral("outbox")), 0);
    QCOMPARE(m_f->count(QStringLiteral("conflict")), 0);
}

void TestConflictStore::bulkIsOneTransaction()
{
    const qint64 a = sameFieldConflict(QStringLiteral("SN1"));
    const qint64 b = sameFieldConflict(QStringLiteral("SN2"));
    const QString before = m_f->snapshot();
    // The second conflict's row fails to go: the first one's resolution is undone too.
    failpoints::arm(QStringLiteral("store.conflict.delete"), 2);
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    QVERIFY(!store.keepMine({a, b}).ok());
    QCOMPARE(m_f->snapshot(), before);
    failpoints::disarmAll();
    QVERIFY(store.keepMine({a, b}).ok());
    QCOMPARE(m_f->count(QStringLiteral("conflict")), 0);
    QCOMPARE(m_f->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE base_rev = 5")).toInt(),
             2);
}

void TestConflictStore::unknownCollectionRefused()
{
    m_f->exec(QStringLiteral("INSERT INTO conflict (collection, record_id, fields, mine, theirs, "
                             "base, created_at) VALUES ('appointment', 'x', '[]', '{}', '{}', "
                             "'{}', '2026-11-27T08:00:00.000Z')"));
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    const Status s =
        store.keepTheirs({m_f->scalar(QStringLiteral("SELECT id FROM conflict")).toLongLong()});
    QVERIFY(!s.ok());
    QCOMPARE(m_f->count(QStringLiteral("conflict")), 1);
}

void TestConflictStore::failpointLeavesNothingHalfDone_data()
{
    QTest::addColumn<bool>("mine");
    QTest::addColumn<QString>("failpoint");
    for (const bool mine : {true, false}) {
        for (const char *point :
             {"store.conflict.read", "store.instrument.read", "store.instrument.write",
              "store.outbox.delete", "store.outbox.insert", "store.audit.insert",
              "store.conflict.delete", "store.commit"}) {
            if (!mine && QByteArray(point) == "store.outbox.insert")
                continue; // keep theirs queues nothing
            QTest::addRow("%s %s", mine ? "mine" : "theirs", point)
                << mine << QString::fromLatin1(point);
        }
    }
}

void TestConflictStore::failpointLeavesNothingHalfDone()
{
    QFETCH(bool, mine);
    QFETCH(QString, failpoint);
    const qint64 a = sameFieldConflict(QStringLiteral("SN1"));
    const qint64 b = sameFieldConflict(QStringLiteral("SN2"));
    const QString before = m_f->snapshot();
    failpoints::arm(failpoint);
    ConflictStore store(m_f->db(), m_f->collections(), QStringLiteral("测试员"));
    const Status s = mine ? store.keepMine({a, b}) : store.keepTheirs({a, b});
    QVERIFY(!s.ok());
    failpoints::disarmAll();
    QCOMPARE(m_f->snapshot(), before);
}

QTEST_GUILESS_MAIN(TestConflictStore)
#include "tst_conflictstore.moc"
