// Instrument writes: record + outbox + audit in one transaction, the library rules
// (unique active serial, restore refused, purge only from history), undo, and a failpoint
// in every write path leaving the database as it was.
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;

class TestInstrumentStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createWritesRecordOutboxAndAudit();
    void serialUniqueAmongActive();
    void updateAuditsOnlyChangedFields();
    void batchUpdateAndUndo();
    void undoKeepsLaterEdits();
    void batchUpdateRefusesInvalidValues();
    void moveToHistoryAndRestore();
    void restoreRefusedWhenSerialActiveAgain();
    void purgeOnlyFromHistory();
    void countsByWarningLevel();
    void failpointInEveryWritePathLeavesDatabaseConsistent_data();
    void failpointInEveryWritePathLeavesDatabaseConsistent();

private:
    Instrument make(const QString &serial, const QString &name = QStringLiteral("燃油加油机"));
    int count(const QString &table);
    QString snapshot();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<InstrumentStore> m_store;
};

void TestInstrumentStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("local.db")));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(db).value();
    m_store = std::make_unique<InstrumentStore>(*m_db, QStringLiteral("测试员"));
}

void TestInstrumentStore::cleanup()
{
    failpoints::disarmAll();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

Instrument TestInstrumentStore::make(const QString &serial, const QString &name)
{
    Instrument i;
    i.serialNo = serial;
    i.name = name;
    i.model = QStringLiteral("CS46");
    auto created = m_store->create(i);
    if (!created)
        qWarning() << created.error().message;
    return created ? created.value() : Instrument{};
}

int TestInstrumentStore::count(const QString &table)
{
    auto q = m_db->exec(QStringLiteral("test"), QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return q && q.value().next() ? q.value().value(0).toInt() : -1;
}

// Everything a write may touch, as text, to compare before and after a failure.
QString TestInstrumentStore::snapshot()
{
    QString text;
    for (const char *sql :
         {"SELECT * FROM instrument ORDER BY id", "SELECT * FROM outbox ORDER BY seq",
          "SELECT * FROM audit ORDER BY id"}) {
        auto q = m_db->exec(QStringLiteral("test"), QLatin1String(sql));
        if (!q)
            return QStringLiteral("error");
        while (q.value().next()) {
            for (int c = 0; c < q.value().record().count(); ++c)
                text += q.value().value(c).toString() + QLatin1Char('|');
            text += QLatin1Char('\n');
        }
    }
    return text;
}

void TestInstrumentStore::createWritesRecordOutboxAndAudit()
{
    Instrument i;
    i.serialNo = QStringLiteral(" ００１２ ");
    i.name = QStringLiteral("电子计价秤");
    auto created = m_store->create(i);
    QVERIFY2(created.ok(), qPrintable(created.error().message));
    QCOMPARE(created->serialNo, QStringLiteral("0012"));
    QCOMPARE(created->id.size(), 36);
    QCOMPARE(created->rev, 0);

    auto outbox = outboxEntries(*m_db);
    QVERIFY(outbox.ok());
    QCOMPARE(outbox->size(), 1);
    const OutboxEntry &e = outbox->first();
    QCOMPARE(e.collection, QStringLiteral("instrument"));
    QCOMPARE(e.recordId, created->id);
    QCOMPARE(e.kind, QStringLiteral("upsert"));
    QCOMPARE(e.baseRev, 0);
    QCOMPARE(e.state, QStringLiteral("pending"));
    QCOMPARE(e.opId.size(), 36);
    const QJsonObject payload = QJsonDocument::fromJson(e.payload.toUtf8()).object();
    QCOMPARE(payload.value(QStringLiteral("serialNo")).toString(), QStringLiteral("0012"));

    auto audit = auditEntries(*m_db, created->id);
    QVERIFY(audit.ok());
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().actor, QStringLiteral("测试员"));
    QCOMPARE(audit->first().action, QStringLiteral("create"));
    // The record as created, in the outbox payload's own text; read as pairs from nothing.
    QCOMPARE(audit->first().changes,
             QStringLiteral("{\"created\":") + e.payload + QLatin1Char('}'));
    const QJsonObject pairs = audit::fieldChanges(audit->first().changes);
    QCOMPARE(pairs, audit::diff(QJsonObject(), payload));
    QCOMPARE(pairs.value(QStringLiteral("serialNo")).toArray(),
             (QJsonArray{QJsonValue::Null, QStringLiteral("0012")}));
    QCOMPARE(pendingOutboxCount(*m_db).value(), 1);
    QCOMPARE(recordsWithPendingChanges(*m_db, QStringLiteral("instrument")).value(),
             QStringList{created->id});
}

void TestInstrumentStore::serialUniqueAmongActive()
{
    make(QStringLiteral("A001"));
    Instrument dup;
    dup.serialNo = QStringLiteral("Ａ００１"); // the same serial, typed full-width
    dup.name = QStringLiteral("燃油加油机");
    auto r = m_store->create(dup);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("A001")));
    QCOMPARE(count(QStringLiteral("instrument")), 1);
    QCOMPARE(count(QStringLiteral("outbox")), 1);

    Instrument invalid;
    invalid.serialNo = QStringLiteral("B002");
    auto refused = m_store->create(invalid); // no name
    QVERIFY(!refused.ok());
    QVERIFY(!refused.error().message.isEmpty());
}

void TestInstrumentStore::updateAuditsOnlyChangedFields()
{
    Instrument i = make(QStringLiteral("A001"));
    i.model = QStringLiteral("CS48");
    i.installDate = QDate(2024, 3, 1);
    auto updated = m_store->update(i);
    QVERIFY2(updated.ok(), qPrintable(updated.error().message));
    auto audit = auditEntries(*m_db, i.id).value();
    QCOMPARE(audit.size(), 2);
    const QJsonObject changes = QJsonDocument::fromJson(audit.last().changes.toUtf8()).object();
    QCOMPARE(changes.keys(), (QStringList{QStringLiteral("installDate"), QStringLiteral("model")}));
    QCOMPARE(changes.value(QStringLiteral("model")).toArray().at(0).toString(),
             QStringLiteral("CS46"));
    QCOMPARE(changes.value(QStringLiteral("model")).toArray().at(1).toString(),
             QStringLiteral("CS48"));
    QCOMPARE(audit::fieldChanges(audit.last().changes), changes);
    // A create written as pairs (before {"created": …}) reads as it was; so does a diff in
    // which a field named "created" changed; text that is not an object reads as nothing.
    const QString oldCreate = QStringLiteral("{\"name\":[null,\"压力表\"]}");
    QCOMPARE(audit::fieldChanges(oldCreate), QJsonDocument::fromJson(oldCreate.toUtf8()).object());
    const QString fieldNamedCreated = QStringLiteral("{\"created\":[\"a\",\"b\"]}");
    QCOMPARE(audit::fieldChanges(fieldNamedCreated),
             QJsonDocument::fromJson(fieldNamedCreated.toUtf8()).object());
    QVERIFY(audit::fieldChanges(QStringLiteral("[1,2]")).isEmpty());

    // Changing the serial to one that is active elsewhere is refused.
    make(QStringLiteral("B002"));
    i.serialNo = QStringLiteral("B002");
    QVERIFY(!m_store->update(i).ok());
}

void TestInstrumentStore::batchUpdateAndUndo()
{
    const QStringList ids = {make(QStringLiteral("A1")).id, make(QStringLiteral("A2")).id,
                             make(QStringLiteral("A3")).id};
    auto before = m_store->batchUpdate(ids, {{QStringLiteral("model"), QStringLiteral("X9")},
                                             {QStringLiteral("verificationPeriodMonths"), 12}});
    QVERIFY2(before.ok(), qPrintable(before.error().message));
    QCOMPARE(before->size(), 3);
    for (const Instrument &i : m_store->get(ids).value()) {
        QCOMPARE(i.model, QStringLiteral("X9"));
        QCOMPARE(i.verificationPeriodMonths, 12);
    }
    QVERIFY(m_store->replace(before.value(), QStringLiteral("undo")).ok());
    for (const Instrument &i : m_store->get(ids).value()) {
        QCOMPARE(i.model, QStringLiteral("CS46"));
        QCOMPARE(i.verificationPeriodMonths, 0);
    }
    // Undo is a change of its own: it reaches the server like any other edit.
    QCOMPARE(count(QStringLiteral("outbox")), 9);
    QVERIFY(
        !m_store->batchUpdate(ids, {{QStringLiteral("serialNo"), QStringLiteral("same")}}).ok());
}

void TestInstrumentStore::undoKeepsLaterEdits()
{
    const Instrument a = make(QStringLiteral("A1"));
    const auto before =
        m_store->batchUpdate({a.id}, {{QStringLiteral("model"), QStringLiteral("X9")},
                                      {QStringLiteral("remarks"), QStringLiteral("批量")}});
    QVERIFY(before.ok());
    const QList<Instrument> after = m_store->get(QStringList{a.id}).value();
    // Edited since: a field the batch did not touch, and one it did.
    Instrument edited = after.constFirst();
    edited.manufacturer = QStringLiteral("正星");
    edited.remarks = QStringLiteral("后来的备注");
    QVERIFY(m_store->update(edited).ok());

    QVERIFY(m_store->applyChange(after, before.value(), QStringLiteral("undo")).ok());
    Instrument now = m_store->get(a.id).value();
    QCOMPARE(now.model, QStringLiteral("CS46"));         // undone
    QCOMPARE(now.manufacturer, QStringLiteral("正星"));  // not the batch's: kept
    QCOMPARE(now.remarks, QStringLiteral("后来的备注")); // changed since: kept

    QVERIFY(m_store->applyChange(before.value(), after, QStringLiteral("redo")).ok());
    now = m_store->get(a.id).value();
    QCOMPARE(now.model, QStringLiteral("X9"));
    QCOMPARE(now.manufacturer, QStringLiteral("正星"));

    // A move to history, undone after the record was restored and edited elsewhere.
    const auto moved = m_store->moveToHistory({a.id});
    QVERIFY(moved.ok());
    const QList<Instrument> inHistory = m_store->get(QStringList{a.id}).value();
    QVERIFY(m_store->restore({a.id}).ok());
    edited = m_store->get(a.id).value();
    edited.model = QStringLiteral("CS99");
    QVERIFY(m_store->update(edited).ok());
    QVERIFY(m_store->applyChange(inHistory, moved.value(), QStringLiteral("undo")).ok());
    now = m_store->get(a.id).value();
    QCOMPARE(now.lifecycle, Lifecycle::Active);
    QCOMPARE(now.model, QStringLiteral("CS99"));
}

void TestInstrumentStore::batchUpdateRefusesInvalidValues()
{
    const QStringList ids = {make(QStringLiteral("A1")).id, make(QStringLiteral("A2")).id};
    const QString before = snapshot();
    auto r = m_store->batchUpdate(ids, {{QStringLiteral("name"), QStringLiteral("\u3000")}});
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("A1")));
    QCOMPARE(snapshot(), before);
}

void TestInstrumentStore::moveToHistoryAndRestore()
{
    const Instrument a = make(QStringLiteral("A1"));
    auto moved = m_store->moveToHistory({a.id});
    QVERIFY(moved.ok());
    QCOMPARE(moved->size(), 1);
    Instrument h = m_store->get(a.id).value();
    QCOMPARE(h.lifecycle, Lifecycle::History);
    QVERIFY(h.removedAt.isValid());
    // The serial is free again in the active library.
    QVERIFY(!m_store->findActiveBySerial(QStringLiteral("A1")).value().has_value());

    auto restored = m_store->restore({a.id});
    QVERIFY2(restored.ok(), qPrintable(restored.error().message));
    h = m_store->get(a.id).value();
    QCOMPARE(h.lifecycle, Lifecycle::Active);
    QVERIFY(!h.removedAt.isValid());

    // Undo of a move to history puts the records back as they were.
    moved = m_store->moveToHistory({a.id});
    QVERIFY(m_store->replace(moved.value(), QStringLiteral("undo")).ok());
    QCOMPARE(m_store->get(a.id)->lifecycle, Lifecycle::Active);
}

void TestInstrumentStore::restoreRefusedWhenSerialActiveAgain()
{
    const Instrument a = make(QStringLiteral("A1"));
    QVERIFY(m_store->moveToHistory({a.id}).ok());
    make(QStringLiteral("A1")); // a replacement with the same serial
    const QString before = snapshot();
    auto r = m_store->restore({a.id});
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("A1")));
    QCOMPARE(snapshot(), before);
}

void TestInstrumentStore::purgeOnlyFromHistory()
{
    const Instrument a = make(QStringLiteral("A1"));
    QVERIFY(!m_store->purge({a.id}).ok());
    QVERIFY(m_store->moveToHistory({a.id}).ok());
    QVERIFY(m_store->purge({a.id}).ok());
    QVERIFY(!m_store->get(a.id).ok()); // gone from every list
    const auto outbox = outboxEntries(*m_db).value();
    QCOMPARE(outbox.last().kind, QStringLiteral("delete"));
    QCOMPARE(outbox.last().recordId, a.id);
}

void TestInstrumentStore::countsByWarningLevel()
{
    const QDate today(2026, 11, 27);
    auto add = [&](const QString &serial, int daysLeft, VerificationResult result) {
        Instrument i;
        i.serialNo = serial;
        i.name = QStringLiteral("电能表");
        i.verificationResult = result;
        if (daysLeft != INT_MIN)
            i.validUntil = today.addDays(daysLeft);
        return m_store->create(i).value().id;
    };
    add(QStringLiteral("n1"), 100, VerificationResult::Pass);
    add(QStringLiteral("g1"), 40, VerificationResult::Pass);
    add(QStringLiteral("g2"), 21, VerificationResult::Pass);
    add(QStringLiteral("y1"), 20, VerificationResult::Pass);
    add(QStringLiteral("y2"), 0, VerificationResult::Pass);
    add(QStringLiteral("r1"), -1, VerificationResult::Pass);
    add(QStringLiteral("r2"), INT_MIN, VerificationResult::None);
    add(QStringLiteral("r3"), 300, VerificationResult::Fail);
    const QString old = add(QStringLiteral("h1"), -50, VerificationResult::Pass);
    QVERIFY(m_store->moveToHistory({old}).ok());
    const QString suspended = add(QStringLiteral("s1"), -50, VerificationResult::Pass);
    QVERIFY(
        m_store->batchUpdate({suspended}, {{QStringLiteral("status"), QStringLiteral("suspended")}})
            .ok());

    const WarningCounts c = m_store->countWarnings(today).value();
    QCOMPARE(c.none, 2); // n1 and the suspended one
    QCOMPARE(c.notice, 2);
    QCOMPARE(c.warning, 2);
    QCOMPARE(c.alert, 3);
    QCOMPARE(c.active, 9);
    QCOMPARE(c.history, 1);
}

void TestInstrumentStore::failpointInEveryWritePathLeavesDatabaseConsistent_data()
{
    QTest::addColumn<QString>("operation");
    for (const char *op :
         {"create", "update", "batchUpdate", "moveToHistory", "restore", "purge", "undo"})
        QTest::newRow(op) << QString::fromLatin1(op);
}

void TestInstrumentStore::failpointInEveryWritePathLeavesDatabaseConsistent()
{
    QFETCH(QString, operation);
    QStringList ids;
    QList<Instrument> undoable;
    auto setUp = [&]() {
        cleanup();
        init();
        ids = QStringList{make(QStringLiteral("A1")).id, make(QStringLiteral("A2")).id,
                          make(QStringLiteral("A3")).id};
        QVERIFY(m_store->moveToHistory({ids.at(2)}).ok());
        auto r =
            m_store->batchUpdate({ids.at(0)}, {{QStringLiteral("model"), QStringLiteral("Z")}});
        QVERIFY(r.ok());
        undoable = r.value();
    };
    auto run = [&]() -> bool {
        if (operation == QLatin1String("create")) {
            Instrument i;
            i.serialNo = QStringLiteral("NEW");
            i.name = QStringLiteral("水表");
            return m_store->create(i).ok();
        }
        if (operation == QLatin1String("update")) {
            auto i = m_store->get(ids.at(0));
            if (!i)
                return false;
            Instrument changed = i.value();
            changed.model = QStringLiteral("U");
            return m_store->update(changed).ok();
        }
        if (operation == QLatin1String("batchUpdate"))
            return m_store
                ->batchUpdate(ids.mid(0, 2), {{QStringLiteral("model"), QStringLiteral("B")}})
                .ok();
        if (operation == QLatin1String("moveToHistory"))
            return m_store->moveToHistory(ids.mid(0, 2)).ok();
        if (operation == QLatin1String("restore"))
            return m_store->restore({ids.at(2)}).ok();
        if (operation == QLatin1String("purge"))
            return m_store->purge({ids.at(2)}).ok();
        return m_store->replace(undoable, QStringLiteral("undo")).ok();
    };

    // Fail the Nth hit of every operation on the write path, for every N until the operation
    // no longer reaches the point: each failure must leave exactly the state before it, and
    // the same operation must then succeed.
    const QStringList points = {QStringLiteral("store.begin"),
                                QStringLiteral("store.instrument.read"),
                                QStringLiteral("store.instrument.write"),
                                QStringLiteral("store.outbox.insert"),
                                QStringLiteral("store.audit.insert"),
                                QStringLiteral("store.commit")};
    for (const QString &point : points) {
        int failures = 0;
        for (int n = 1; n <= 50; ++n) {
            setUp();
            const QString before = snapshot();
            failpoints::arm(point, n);
            const bool ok = run();
            failpoints::disarmAll();
            if (ok)
                break; // point reached fewer than n times
            ++failures;
            QCOMPARE(snapshot(), before);
            QVERIFY2(run(), qPrintable(point)); // recovers at once
        }
        if (point != QLatin1String("store.instrument.read"))
            QVERIFY2(failures > 0, qPrintable(point));
    }
}

QTEST_GUILESS_MAIN(TestInstrumentStore)
#include "tst_instrumentstore.moc"
