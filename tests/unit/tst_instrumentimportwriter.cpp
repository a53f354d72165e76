// The import's bulk writer stores what the generic write stores: the same payload and audit
// texts byte for byte (also for text JSON must escape), ids that are UUIDs and increase, rows
// past one multi-row INSERT, and a failpoint at any record leaves nothing.
#include "models/store/audit.h"
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentimportwriter.h"
#include "models/store/instrumentrow.h"
#include "models/store/instrumentstore.h"
#include "models/store/outbox.h"
#include "models/store/sqlitedirect.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace jl::models;

class TestInstrumentImportWriter final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void textsEqualTheGenericOnes_data();
    void textsEqualTheGenericOnes();
    void datesAsQtWritesThem();
    void storesWhatTheGenericWriteStores_data();
    void storesWhatTheGenericWriteStores();
    void idsAreIncreasingVersion7Uuids();
    void writesRecordsOutboxAndAudit_data();
    void writesRecordsOutboxAndAudit();
    void oneWriterKeepsItsStatementsAcrossCalls_data();
    void oneWriterKeepsItsStatementsAcrossCalls();
    void payloadsAreTheirAuditLinesRecords_data();
    void payloadsAreTheirAuditLinesRecords();
    void bindsStraightIntoSqliteWhereBuiltSo();
    void failpointAtAnyRecordLeavesNothing_data();
    void failpointAtAnyRecordLeavesNothing();
    void constraintBrokenMidStatementLeavesNothing_data();
    void constraintBrokenMidStatementLeavesNothing();
    void invalidRecordIsNotPrepared();
    void cleanup()
    {
        failpoints::disarmAll();
        sqlitedirect::setEnabled(true);
    }

private:
    static Instrument make(int n);
    static void expectNothingStored(Database &db);
};

// No instrument row, outbox entry or audit line.
void TestInstrumentImportWriter::expectNothingStored(Database &db)
{
    for (const char *table : {"instrument", "outbox", "audit"}) {
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
}

Instrument TestInstrumentImportWriter::make(int n)
{
    Instrument i;
    i.id = InstrumentImportWriter::newId();
    i.serialNo = QStringLiteral("S-%1").arg(n, 6, 10, QLatin1Char('0'));
    i.name = QStringLiteral("电子计价秤");
    i.model = QStringLiteral("JL-%1").arg(n % 7);
    i.productionDate = QDate(2020, 1, 1).addDays(n);
    i.verificationPeriodMonths = n % 2 ? 6 : 12;
    i.status = n % 3 ? InstrumentStatus::InUse : InstrumentStatus::Suspended;
    return i;
}

void TestInstrumentImportWriter::textsEqualTheGenericOnes_data()
{
    QTest::addColumn<Instrument>("instrument");
    QTest::newRow("plain") << make(1);
    Instrument full = make(2);
    full.category = QStringLiteral("衡器");
    full.measuringRange = QStringLiteral("(0~30)kg");
    full.accuracyClass = QStringLiteral("Ⅲ级");
    full.manufacturer = QStringLiteral("某某 公司\u3000");
    full.userUnit = QStringLiteral("单位/部门");
    full.installLocation = QStringLiteral("杭州 😀 西湖"); // a surrogate pair
    full.divisionCode = QStringLiteral("330106001");
    full.installDate = QDate(2021, 2, 3);
    full.verificationResult = VerificationResult::Pass;
    full.lastVerificationDate = QDate(2024, 5, 6);
    full.validUntil = QDate(2025, 5, 5);
    full.lastInstitution = QStringLiteral("浙江省计量院");
    full.siteId = QStringLiteral("site-1");
    full.remarks = QStringLiteral("a\u007Fb<&>'");
    full.verificationPeriodMonths = 0;
    QTest::newRow("every field") << full;
    Instrument escaped = make(3);
    escaped.remarks = QStringLiteral("line\none \"quoted\" back\\slash\ttab\u0001");
    QTest::newRow("escaped") << escaped;
    Instrument history = make(4);
    history.lifecycle = Lifecycle::History;
    history.removedAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    history.verificationPeriodMonths = -3;
    QTest::newRow("history") << history;
}

void TestInstrumentImportWriter::textsEqualTheGenericOnes()
{
    QFETCH(Instrument, instrument);
    const QJsonObject snapshot = toJson(instrument);
    const auto texts = InstrumentImportWriter::createTexts(instrument);
    QCOMPARE(texts.payload,
             QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
    QCOMPARE(
        texts.changes,
        QString::fromUtf8(QJsonDocument(audit::created(snapshot)).toJson(QJsonDocument::Compact)));
    // Read back as pairs, a create's line says what a diff from nothing would.
    QCOMPARE(audit::fieldChanges(texts.changes), audit::diff(QJsonObject(), snapshot));
}

// The texts write dates themselves (QDate::toString was the slowest part of a field): the same
// text as Qt's for every year, also where they hand over to Qt.
void TestInstrumentImportWriter::datesAsQtWritesThem()
{
    for (const QDate date :
         {QDate(1, 1, 1), QDate(999, 12, 31), QDate(2024, 2, 29), QDate(2026, 11, 27),
          QDate(9999, 12, 31), QDate(10000, 1, 1), QDate(-5, 3, 4), QDate()}) {
        Instrument i = make(1);
        i.productionDate = date;
        i.validUntil = date;
        QCOMPARE(InstrumentImportWriter::createTexts(i).payload,
                 QString::fromUtf8(QJsonDocument(toJson(i)).toJson(QJsonDocument::Compact)));
    }
}

// Each kind of record through each path: the row read back, the outbox payload and the audit
// changes are what the generic write stores. Straight into SQLite a record's values are made
// in UTF-8 by their own code (fillDirect), and text JSON escapes takes another way there.
void TestInstrumentImportWriter::storesWhatTheGenericWriteStores_data()
{
    textsEqualTheGenericOnes_data();
}

void TestInstrumentImportWriter::storesWhatTheGenericWriteStores()
{
    QFETCH(Instrument, instrument);
    // An import makes active records with a valid period (the history row tests -3 as text).
    instrument.verificationPeriodMonths = std::max(0, instrument.verificationPeriodMonths);
    // Prepared for direct binding or not, and stored straight into SQLite or through Qt; the
    // third way is a record prepared for direct binding on a connection that cannot take it.
    const std::pair<bool, bool> ways[] = {{true, true}, {false, false}, {true, false}};
    for (const auto &[preparedDirect, storedDirect] : ways) {
        sqlitedirect::setEnabled(preparedDirect);
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
        QVERIFY(db.ok());
        QList<InstrumentImportWriter::PreparedCreate> created{
            InstrumentImportWriter::prepareCreate(instrument)};
        QVERIFY(created.constFirst().valid);
        QCOMPARE(created.constFirst().utf8.isEmpty(),
                 !preparedDirect || !sqlitedirect::compiledIn());
        sqlitedirect::setEnabled(storedDirect);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Status s = (*db)->transaction([&]() -> Status {
            return InstrumentImportWriter(**db, QStringLiteral("x")).insertCreated(created, now);
        });
        QVERIFY2(s.ok(), qPrintable(s.error().detail));
        Instrument record = created.constFirst().record;
        record.updatedAt = now; // stored with the time of the write
        auto stored = InstrumentStore(**db, QStringLiteral("x")).get(record.id);
        QVERIFY(stored.ok());
        QCOMPARE(*stored, record);
        // Column by column as the generic write binds them: a missing date is NULL, not ''
        // (reading back cannot tell those apart), the period an integer.
        const QStringList columns = instrumentrow::columns().split(QStringLiteral(", "));
        const QVariantList expected = instrumentrow::values(record);
        QSqlQuery row((*db)->connection());
        QStringList select;
        for (const QString &c : columns)
            select << QStringLiteral("typeof(%1), %1").arg(c);
        QVERIFY(row.exec(QStringLiteral("SELECT %1 FROM instrument").arg(select.join(u','))));
        QVERIFY(row.next());
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QVariant &want = expected.at(c);
            const QString type = row.value(int(2 * c)).toString();
            const QString wantType = !want.isValid() ? QStringLiteral("null")
                                     : want.typeId() == QMetaType::QString
                                         ? QStringLiteral("text")
                                         : QStringLiteral("integer");
            QCOMPARE(columns.at(c) + QLatin1Char(' ') + type,
                     columns.at(c) + QLatin1Char(' ') + wantType);
            QCOMPARE(row.value(int(2 * c + 1)).toString(), want.toString());
        }
        const QJsonObject snapshot = toJson(record);
        auto entries = outbox::entries(**db);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->constFirst().payload,
                 QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
        auto lines = audit::entries(**db);
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 1);
        QCOMPARE(lines->constFirst().changes,
                 QString::fromUtf8(
                     QJsonDocument(audit::created(snapshot)).toJson(QJsonDocument::Compact)));
    }
}

void TestInstrumentImportWriter::idsAreIncreasingVersion7Uuids()
{
    QString last;
    for (int n = 0; n < 5000; ++n) {
        const QString id = InstrumentImportWriter::newId();
        const QUuid uuid(id);
        QVERIFY2(!uuid.isNull(), qPrintable(id));
        // Qt 6.4 does not know version 7 (version() says unknown): read the nibbles.
        QCOMPARE(id.at(14), QLatin1Char('7'));
        QVERIFY(QStringLiteral("89ab").contains(id.at(19)));
        QCOMPARE(id, id.toLower());
        QVERIFY2(id > last, qPrintable(id + QLatin1String(" after ") + last));
        last = id;
    }
}

// Both ways of binding: straight into SQLite (this build on Linux) and through Qt (elsewhere).
void TestInstrumentImportWriter::writesRecordsOutboxAndAudit_data()
{
    QTest::addColumn<bool>("direct");
    QTest::newRow("straight into SQLite") << true;
    QTest::newRow("through Qt") << false;
}

void TestInstrumentImportWriter::writesRecordsOutboxAndAudit()
{
    QFETCH(bool, direct);
    sqlitedirect::setEnabled(direct);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    // Two full statements and a partial one, on either path.
    const int count = 2 * InstrumentImportWriter::DirectRowsPerInsert + 5;
    QList<InstrumentImportWriter::PreparedCreate> created;
    for (int n = 0; n < count; ++n)
        created.append(InstrumentImportWriter::prepareCreate(make(n)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Status s = (*db)->transaction([&]() -> Status {
        return InstrumentImportWriter(**db, QStringLiteral("导入员")).insertCreated(created, now);
    });
    QVERIFY2(s.ok(), qPrintable(s.error().detail));
    InstrumentStore store(**db, QStringLiteral("x"));
    for (const InstrumentImportWriter::PreparedCreate &c : std::as_const(created)) {
        auto stored = store.get(c.record.id);
        QVERIFY(stored.ok());
        Instrument expected = c.record;
        expected.updatedAt = now;
        QCOMPARE(*stored, expected);
    }
    auto entries = outbox::entries(**db);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), count);
    for (int n = 0; n < count; ++n) {
        const OutboxEntry &e = entries->at(n);
        QCOMPARE(e.recordId, created.at(n).record.id);
        QCOMPARE(e.opId, created.at(n).opId);
        QCOMPARE(e.kind, QStringLiteral("upsert"));
        QCOMPARE(e.base, QStringLiteral("{}"));
        QCOMPARE(e.payload,
                 QString::fromUtf8(
                     QJsonDocument(toJson(created.at(n).record)).toJson(QJsonDocument::Compact)));
        QVERIFY(!QUuid(e.opId).isNull());
    }
    auto audit = audit::entries(**db);
    QVERIFY(audit.ok());
    QCOMPARE(audit->size(), count);
    QCOMPARE(audit->constLast().recordId, created.constLast().record.id);
    QCOMPARE(audit->constLast().action, QStringLiteral("import"));
    QCOMPARE(audit->constLast().actor, QStringLiteral("导入员"));
    QCOMPARE(audit::fieldChanges(audit->constLast().changes),
             audit::diff(QJsonObject(), toJson(created.constLast().record)));
}

// An import keeps one writer for its transaction: calls after the first reuse its prepared
// statements (the same moment, full and partial groups) or prepare new ones (another moment),
// and every record, entry and audit line is still the call's own.
void TestInstrumentImportWriter::oneWriterKeepsItsStatementsAcrossCalls_data()
{
    writesRecordsOutboxAndAudit_data();
}

void TestInstrumentImportWriter::oneWriterKeepsItsStatementsAcrossCalls()
{
    QFETCH(bool, direct);
    sqlitedirect::setEnabled(direct);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    const QDateTime first = QDateTime::currentDateTimeUtc();
    const QDateTime second = first.addSecs(7);
    const int full = InstrumentImportWriter::DirectRowsPerInsert;
    const QList<std::pair<int, QDateTime>> calls{
        {full + 5, first}, {full + 5, first}, {3, second}, {full, second}, {full + 5, first}};
    QList<QList<InstrumentImportWriter::PreparedCreate>> created;
    int made = 0;
    for (const auto &[count, now] : calls) {
        created.append(QList<InstrumentImportWriter::PreparedCreate>());
        for (int n = 0; n < count; ++n)
            created.last().append(InstrumentImportWriter::prepareCreate(make(made++)));
    }
    const Status s = (*db)->transaction([&]() -> Status {
        InstrumentImportWriter writer(**db, QStringLiteral("导入员"));
        for (qsizetype c = 0; c < calls.size(); ++c) {
            if (Status r = writer.insertCreated(created.at(c), calls.at(c).second); !r)
                return r;
        }
        return {};
    });
    QVERIFY2(s.ok(), qPrintable(s.error().detail));

    InstrumentStore store(**db, QStringLiteral("x"));
    auto entries = outbox::entries(**db);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), made);
    auto audit = audit::entries(**db);
    QVERIFY(audit.ok());
    QCOMPARE(audit->size(), made);
    int n = 0;
    for (qsizetype c = 0; c < calls.size(); ++c) {
        for (const InstrumentImportWriter::PreparedCreate &p : created.at(c)) {
            auto stored = store.get(p.record.id);
            QVERIFY(stored.ok());
            Instrument expected = p.record;
            expected.updatedAt = calls.at(c).second;
            QCOMPARE(*stored, expected);
            QCOMPARE(entries->at(n).recordId, p.record.id);
            QCOMPARE(entries->at(n).createdAt, calls.at(c).second.toString(Qt::ISODateWithMs));
            QCOMPARE(
                entries->at(n).payload,
                QString::fromUtf8(QJsonDocument(toJson(p.record)).toJson(QJsonDocument::Compact)));
            QCOMPARE(audit->at(n).recordId, p.record.id);
            ++n;
        }
    }
}

// An imported entry's payload is not stored twice: it names its record's audit line, whose ids
// the writer gives, also after lines written before and an id AUTOINCREMENT will not give again.
// Entries written one at a time still hold their payload.
void TestInstrumentImportWriter::payloadsAreTheirAuditLinesRecords_data()
{
    writesRecordsOutboxAndAudit_data();
}

void TestInstrumentImportWriter::payloadsAreTheirAuditLinesRecords()
{
    QFETCH(bool, direct);
    sqlitedirect::setEnabled(direct);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    InstrumentStore store(**db, QStringLiteral("x"));
    auto before = store.create(make(1000));
    QVERIFY(before.ok());
    for (int n = 0; n < 2; ++n)
        QVERIFY((*db)->transaction([&] {
            return audit::append(**db, QStringLiteral("x"), QStringLiteral("instrument"),
                                 before->id, QStringLiteral("update"), QJsonObject());
        }));
    QSqlQuery q((*db)->connection());
    // Lines 1-3 written, the last one gone: the next id is 4, not MAX(id) + 1.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE id = 3")));

    const int count = InstrumentImportWriter::DirectRowsPerInsert + 3;
    QList<InstrumentImportWriter::PreparedCreate> created;
    for (int n = 0; n < count; ++n)
        created.append(InstrumentImportWriter::prepareCreate(make(n)));
    QVERIFY((*db)->transaction([&]() -> Status {
        return InstrumentImportWriter(**db, QStringLiteral("导入员"))
            .insertCreated(created, QDateTime::currentDateTimeUtc());
    }));
    auto after = store.create(make(1001));
    QVERIFY(after.ok());

    QVERIFY(q.exec(QStringLiteral("SELECT o.record_id, o.payload, o.payload_audit, a.record_id "
                                  "FROM outbox o LEFT JOIN audit a ON a.id = o.payload_audit "
                                  "ORDER BY o.seq")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), before->id);
    QVERIFY(q.value(2).isNull());
    QVERIFY(!q.value(1).toString().isEmpty());
    for (int n = 0; n < count; ++n) {
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), created.at(n).record.id);
        QCOMPARE(q.value(1).toString(), QString());
        QCOMPARE(q.value(2).toLongLong(), 4 + n);
        QCOMPARE(q.value(3).toString(), created.at(n).record.id);
    }
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), after->id);
    QVERIFY(q.value(2).isNull());

    auto entries = outbox::entries(**db);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), count + 2);
    const auto payloadOf = [](const Instrument &i) {
        return QString::fromUtf8(QJsonDocument(toJson(i)).toJson(QJsonDocument::Compact));
    };
    QCOMPARE(entries->constFirst().payload, payloadOf(*before));
    for (int n = 0; n < count; ++n)
        QCOMPARE(entries->at(n + 1).payload, payloadOf(created.at(n).record));
    QCOMPARE(entries->constLast().payload, payloadOf(*after));
}

void TestInstrumentImportWriter::bindsStraightIntoSqliteWhereBuiltSo()
{
    if (!sqlitedirect::compiledIn())
        QSKIP("built without JILIANG_SQLITE_DIRECT: Qt's binding is the only path");
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    // Qt's driver here runs on the same libsqlite3: the handle must be taken (a check that
    // wrongly refused it would silently lose the speed).
    QVERIFY(sqlitedirect::handle((*db)->connection()) != nullptr);
    sqlitedirect::setEnabled(false);
    QVERIFY(sqlitedirect::handle((*db)->connection()) == nullptr);
}

void TestInstrumentImportWriter::failpointAtAnyRecordLeavesNothing_data()
{
    QTest::addColumn<bool>("direct");
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("hit");
    for (const bool direct : {true, false}) {
        const char *path = direct ? "direct" : "Qt";
        const int perInsert = direct ? InstrumentImportWriter::DirectRowsPerInsert
                                     : InstrumentImportWriter::RowsPerInsert;
        QTest::addRow("%s: first record", path)
            << direct << QStringLiteral("store.instrument.write") << 1;
        QTest::addRow("%s: record in the second statement", path)
            << direct << QStringLiteral("store.instrument.write") << perInsert + 3;
        QTest::addRow("%s: outbox of the last record", path)
            << direct << QStringLiteral("store.outbox.insert") << 150;
        QTest::addRow("%s: audit", path) << direct << QStringLiteral("store.audit.insert") << 50;
        QTest::addRow("%s: second statement", path)
            << direct << QStringLiteral("store.import.insert") << 2;
        QTest::addRow("%s: last statement", path) << direct << QStringLiteral("store.import.insert")
                                                  << 3 * ((150 + perInsert - 1) / perInsert);
    }
}

void TestInstrumentImportWriter::failpointAtAnyRecordLeavesNothing()
{
    QFETCH(bool, direct);
    QFETCH(QString, point);
    QFETCH(int, hit);
    sqlitedirect::setEnabled(direct);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    QList<InstrumentImportWriter::PreparedCreate> created;
    for (int n = 0; n < 150; ++n) // several statements per table on either path
        created.append(InstrumentImportWriter::prepareCreate(make(n)));
    failpoints::arm(point, hit);
    const Status s = (*db)->transaction([&]() -> Status {
        return InstrumentImportWriter(**db, QStringLiteral("x"))
            .insertCreated(created, QDateTime::currentDateTimeUtc());
    });
    QVERIFY(!s.ok());
    expectNothingStored(**db);
}

void TestInstrumentImportWriter::constraintBrokenMidStatementLeavesNothing_data()
{
    writesRecordsOutboxAndAudit_data(); // both ways of binding
}

// The inserts run OR FAIL (no statement journal): a constraint broken in the middle of a
// multi-row statement keeps that statement's earlier rows until the caller's transaction rolls
// back, which it does, so nothing of the call stays.
void TestInstrumentImportWriter::constraintBrokenMidStatementLeavesNothing()
{
    QFETCH(bool, direct);
    sqlitedirect::setEnabled(direct);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    QList<InstrumentImportWriter::PreparedCreate> created;
    for (int n = 0; n < 150; ++n)
        created.append(InstrumentImportWriter::prepareCreate(make(n)));
    // Record 100 takes record 90's id: in the second statement of 64 straight into SQLite, in
    // a later statement of 16 than record 90's through Qt.
    InstrumentImportWriter::PreparedCreate &copy = created[100];
    const QString id = created.at(90).record.id;
    copy.record.id = id;
    if (!copy.utf8.isEmpty())
        copy.utf8.replace(0, id.size(), id.toLatin1()); // the id is the first value
    else
        copy.row[0] = id; // this build or run binds through Qt only
    const Status s = (*db)->transaction([&]() -> Status {
        return InstrumentImportWriter(**db, QStringLiteral("x"))
            .insertCreated(created, QDateTime::currentDateTimeUtc());
    });
    QVERIFY(!s.ok());
    QVERIFY(!s.error().message.isEmpty());
    expectNothingStored(**db);
}

void TestInstrumentImportWriter::invalidRecordIsNotPrepared()
{
    Instrument bad = make(1);
    bad.divisionCode = QStringLiteral("123"); // not an area code
    const auto p = InstrumentImportWriter::prepareCreate(bad);
    QVERIFY(!p.valid);
    QCOMPARE(p.invalidField, QLatin1String(InstrumentField::DivisionCode));
    QVERIFY(!p.invalidMessage.isEmpty());
    const auto good = InstrumentImportWriter::prepareCreate(make(2));
    QVERIFY(good.valid);
    QCOMPARE(good.record.lifecycle, Lifecycle::Active);
    QVERIFY(!good.record.id.isEmpty());
    QVERIFY(good.opId != good.record.id);
}

QTEST_GUILESS_MAIN(TestInstrumentImportWriter)
#include "tst_instrumentimportwriter.moc"
