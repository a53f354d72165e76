// A large import drops instrument_lifecycle_serial and builds it again before it commits:
// afterwards the schema is exactly what it was, a failed import leaves the index (and no rows),
// an import into a larger library keeps it, records an import updates are found by serial
// while it is gone, and the look-up by serial keeps to its own index meanwhile.
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentbulkload.h"
#include "models/store/instrumentrow.h"
#include "models/store/instrumentstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;

class TestInstrumentBulkLoad final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { failpoints::disarmAll(); }
    void largeImportRebuildsTheSameIndexes();
    void failedImportKeepsIndexesAndNothingElse();
    void smallImportIntoLargerLibraryKeepsIndexes();
    void updatesFindTheirRecordWhileIndexesAreDropped();
    void onlyTheSerialIndexIsDroppedAndLookUpsKeepTheirIndex();
    void lookUpJsonReadsBackAsTheSerials();
    void serialsJsonMustEscapeAreFound();

private:
    static QList<IncomingInstrument> batch(int from, int count, const QString &prefix);
    QStringList schema() const;
    qint64 rows(const char *table) const;
    // Imports `total` new records in chunks of 500 inside one import transaction.
    Status import(InstrumentStore &store, int from, int total, const QString &prefix,
                  bool *dropped = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestInstrumentBulkLoad::init()
{
    QVERIFY(m_dir.isValid());
    const QString path =
        m_dir.filePath(QLatin1String(QTest::currentTestFunction()) + QLatin1String(".db"));
    auto db = Database::open(path);
    QVERIFY(db.ok());
    m_db = std::move(db).value();
}

QList<IncomingInstrument> TestInstrumentBulkLoad::batch(int from, int count, const QString &prefix)
{
    QList<IncomingInstrument> records;
    for (int n = from; n < from + count; ++n) {
        Instrument i;
        i.serialNo = prefix + QString::number(n);
        i.name = QStringLiteral("加油机 %1").arg(n % 13);
        i.validUntil = QDate(2026, 1, 1).addDays(n % 400);
        records.append(
            {i,
             {QLatin1String(InstrumentField::SerialNo), QLatin1String(InstrumentField::Name),
              QLatin1String(InstrumentField::ValidUntil)}});
    }
    return records;
}

QStringList TestInstrumentBulkLoad::schema() const
{
    QSqlQuery q(m_db->connection());
    QStringList out;
    if (!q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")))
        return {};
    while (q.next())
        out.append(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() +
                   QLatin1Char(' ') + q.value(2).toString());
    return out;
}

qint64 TestInstrumentBulkLoad::rows(const char *table) const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

Status TestInstrumentBulkLoad::import(InstrumentStore &store, int from, int total,
                                      const QString &prefix, bool *dropped)
{
    return store.importTransaction([&]() -> Status {
        for (int n = from; n < from + total; n += 500) {
            auto r = store.importRecords(batch(n, std::min(500, from + total - n), prefix),
                                         OnExisting::Update);
            if (!r)
                return r.error();
            for (const IncomingOutcome &o : *r) {
                if (o.kind == IncomingOutcome::Rejected)
                    return Error{QStringLiteral("rejected"), o.message};
            }
            if (dropped) {
                // What the schema says inside the transaction, after this chunk.
                QSqlQuery q(m_db->connection());
                if (q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                          "'index' AND name = 'instrument_lifecycle_serial'")) &&
                    q.next() && q.value(0).toInt() == 0)
                    *dropped = true;
            }
        }
        return {};
    });
}

void TestInstrumentBulkLoad::largeImportRebuildsTheSameIndexes()
{
    InstrumentStore store(*m_db, QStringLiteral("x"));
    const QStringList before = schema();
    QVERIFY(before.join(QLatin1Char('\n')).contains(QLatin1String("instrument_warning")));
    bool dropped = false;
    const Status s = import(store, 0, int(InstrumentBulkLoad::MinCreated) + 1000,
                            QStringLiteral("A-"), &dropped);
    QVERIFY2(s.ok(), qPrintable(s.error().detail));
    QVERIFY(dropped);           // the bulk path was taken...
    QCOMPARE(schema(), before); // ...and left the schema as it found it
    QCOMPARE(rows("instrument"), InstrumentBulkLoad::MinCreated + 1000);
    QCOMPARE(rows("outbox"), InstrumentBulkLoad::MinCreated + 1000);
    QSqlQuery check(m_db->connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
}

void TestInstrumentBulkLoad::failedImportKeepsIndexesAndNothingElse()
{
    InstrumentStore store(*m_db, QStringLiteral("x"));
    const QStringList before = schema();
    // The last chunk's audit insert fails: long after the indexes were dropped.
    failpoints::arm(QStringLiteral("store.audit.insert"),
                    int(InstrumentBulkLoad::MinCreated) + 900);
    bool dropped = false;
    const Status s = import(store, 0, int(InstrumentBulkLoad::MinCreated) + 1000,
                            QStringLiteral("A-"), &dropped);
    QVERIFY(!s.ok());
    QVERIFY(dropped);
    QCOMPARE(schema(), before);
    QCOMPARE(rows("instrument"), 0);
    QCOMPARE(rows("outbox"), 0);
    QCOMPARE(rows("audit"), 0);
}

void TestInstrumentBulkLoad::smallImportIntoLargerLibraryKeepsIndexes()
{
    InstrumentStore store(*m_db, QStringLiteral("x"));
    const int library = int(InstrumentBulkLoad::MinCreated) + 1000;
    QVERIFY(import(store, 0, library, QStringLiteral("A-")).ok());
    bool dropped = false;
    // More than MinCreated, fewer than the library holds.
    QVERIFY(import(store, 0, library - 500, QStringLiteral("B-"), &dropped).ok());
    QVERIFY(!dropped);
    QCOMPARE(rows("instrument"), 2 * library - 500);
}

void TestInstrumentBulkLoad::updatesFindTheirRecordWhileIndexesAreDropped()
{
    InstrumentStore store(*m_db, QStringLiteral("x"));
    QVERIFY(import(store, 0, 10, QStringLiteral("A-")).ok());
    bool dropped = false;
    // New records first (they drop the indexes), then the same ten serials again: they must
    // update the ten records, not create second ones.
    const Status s = store.importTransaction([&]() -> Status {
        for (int n = 100; n < 100 + int(InstrumentBulkLoad::MinCreated); n += 500) {
            auto r = store.importRecords(batch(n, 500, QStringLiteral("A-")), OnExisting::Update);
            if (!r)
                return r.error();
        }
        QSqlQuery q(m_db->connection());
        dropped = q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                        "'instrument_lifecycle_serial'")) &&
                  q.next() && q.value(0).toInt() == 0;
        auto again = store.importRecords(batch(0, 10, QStringLiteral("A-")), OnExisting::Update);
        if (!again)
            return again.error();
        for (const IncomingOutcome &o : *again) {
            if (o.kind != IncomingOutcome::Updated)
                return Error{QStringLiteral("not updated"), o.message};
        }
        return {};
    });
    QVERIFY2(s.ok(), qPrintable(s.error().message + s.error().detail));
    QVERIFY(dropped);
    QCOMPARE(rows("instrument"), 10 + InstrumentBulkLoad::MinCreated);
}

void TestInstrumentBulkLoad::onlyTheSerialIndexIsDroppedAndLookUpsKeepTheirIndex()
{
    InstrumentStore store(*m_db, QStringLiteral("测试员"));
    const auto indexes = [this] {
        QSqlQuery q(m_db->connection());
        QStringList names;
        if (q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                  "tbl_name = 'instrument' AND sql IS NOT NULL ORDER BY name")))
            while (q.next())
                names.append(q.value(0).toString());
        return names;
    };
    // How SQLite would run the import's look-up by serial now.
    const auto plan = [this] {
        QSqlQuery q(m_db->connection());
        QString out;
        q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + instrumentrow::activeBySerialsSql());
        q.addBindValue(QStringLiteral("[\"S-1\"]"));
        if (q.exec())
            while (q.next())
                out += q.value(3).toString() + QLatin1Char('\n');
        return out;
    };
    const QStringList before = indexes();
    QVERIFY(before.contains(QStringLiteral("instrument_lifecycle_serial")));
    QVERIFY(plan().contains(QStringLiteral("instrument_active_serial")));
    QStringList during;
    QString planDuring;
    const Status s = store.importTransaction([&]() -> Status {
        for (int n = 0; n < InstrumentBulkLoad::MinCreated + 500; n += 500) {
            auto r = store.importRecords(batch(n, 500, QStringLiteral("S-")), OnExisting::Update);
            if (!r)
                return r.error();
        }
        during = indexes();
        planDuring = plan();
        return {};
    });
    QVERIFY2(s.ok(), qPrintable(s.error().detail));
    QStringList expected = before;
    expected.removeOne(QStringLiteral("instrument_lifecycle_serial"));
    QCOMPARE(during, expected);
    // Without the index named, the planner took instrument_lifecycle_name here and read every
    // active row per look-up.
    QVERIFY2(planDuring.contains(QStringLiteral("USING INDEX instrument_active_serial")),
             qPrintable(planDuring));
    QCOMPARE(indexes(), before);
}

// The look-up's bound JSON array is written by hand: it must read back as exactly the serials,
// whatever characters they hold.
void TestInstrumentBulkLoad::lookUpJsonReadsBackAsTheSerials()
{
    const QStringList serials{
        QStringLiteral("A-1"), QString(), QStringLiteral("引号\"反斜杠\\"), QStringLiteral("\\\""),
        QStringLiteral("tab\tline\ncr\r") + QChar(0x01) + QChar(0x1f),
        QStringLiteral("编号 ２０２６ 😀 \u00a0/"),
        // Surrogates without their pair: alone, mid-text, reversed.
        QString(QChar(0xd800)), QStringLiteral("A") + QChar(0xd800) + QStringLiteral("B"),
        QStringLiteral("x") + QChar(0xdc00), QString(QChar(0xdc00)) + QChar(0xd800)};
    const QString json = instrumentrow::jsonArrayOf(serials);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(json.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(parsed.isArray());
    QStringList back;
    for (const QJsonValue &v : parsed.array())
        back.append(v.toString());
    QCOMPARE(back, serials);
    QCOMPARE(instrumentrow::jsonArrayOf({}), QStringLiteral("[]"));

    // SQLite's json_each reads it the same way: one value per serial, each the same text
    // (SQLite hands a surrogate without its pair back as U+FFFD, as it stores it).
    QSqlQuery q(m_db->connection());
    QVERIFY(q.prepare(QStringLiteral("SELECT value FROM json_each(?)")));
    q.addBindValue(json);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    QStringList fromSqlite;
    while (q.next())
        fromSqlite.append(q.value(0).toString());
    QCOMPARE(fromSqlite.size(), serials.size());
    for (qsizetype n = 0; n < serials.size(); ++n) {
        const QString &serial = serials.at(n);
        bool unpaired = false;
        for (qsizetype k = 0; k < serial.size(); ++k) {
            if (serial.at(k).isHighSurrogate() && k + 1 < serial.size() &&
                serial.at(k + 1).isLowSurrogate())
                ++k;
            else if (serial.at(k).isSurrogate())
                unpaired = true;
        }
        if (!unpaired)
            QCOMPARE(fromSqlite.at(n), serial);
        else
            QVERIFY(fromSqlite.at(n).contains(QChar(QChar::ReplacementCharacter)));
    }

    // An import of such a serial is a row like any other, not a failed look-up.
    InstrumentStore store(*m_db, QStringLiteral("x"));
    Instrument odd;
    odd.serialNo = QStringLiteral("Z") + QChar(0xd800);
    odd.name = QStringLiteral("水表");
    auto outcomes = store.importRecords(
        {{odd, {QLatin1String(InstrumentField::SerialNo), QLatin1String(InstrumentField::Name)}}},
        OnExisting::Update);
    QVERIFY2(outcomes.ok(), qPrintable(outcomes.ok() ? QString() : outcomes.error().detail));
}

// A serial holding a quote or a backslash is still found as existing by an import.
void TestInstrumentBulkLoad::serialsJsonMustEscapeAreFound()
{
    InstrumentStore store(*m_db, QStringLiteral("x"));
    Instrument existing;
    existing.serialNo = QStringLiteral("JY\"7\\2");
    existing.name = QStringLiteral("旧名");
    QVERIFY(store.create(existing).ok());
    Instrument incoming = existing;
    incoming.name = QStringLiteral("新名");
    auto outcomes = store.importRecords(
        {{incoming,
          {QLatin1String(InstrumentField::SerialNo), QLatin1String(InstrumentField::Name)}}},
        OnExisting::Update);
    QVERIFY(outcomes.ok());
    QCOMPARE(outcomes->size(), 1);
    QCOMPARE(outcomes->constFirst().kind, IncomingOutcome::Updated);
    QCOMPARE(store.findActiveBySerial(existing.serialNo).value()->name, QStringLiteral("新名"));
}

QTEST_GUILESS_MAIN(TestInstrumentBulkLoad)
#include "tst_instrumentbulkload.moc"
