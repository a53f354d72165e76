// The local SQLite store: settings, migrations, refusal of a newer database, a damaged
// database moved aside, transactions and failpoints.
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentstore.h"
#include "models/store/outbox.h"
#include "walprobe.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;

class TestDatabase final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { failpoints::disarmAll(); }
    void createsCurrentSchemaWithSafeSettings();
    void refusesNewerDatabase();
    void movesGarbageAside();
    void movesDamagedPagesAside();
    void lockedDatabaseIsNotMovedAside();
    void migratesOlderDatabase();
    void outboxOfVersion3KeepsItsPayloads();
    void failedMigrationLeavesNothingHalfDone();
    void transactionsAreAllOrNothing();
    void metaValues();
    void failpointsFromEnvironment();
    void backgroundCheckpointCopiesTheWal();
    void backgroundCheckpointNeverCreatesAFile();

private:
    static QVariant scalar(Database &db, const QString &sql)
    {
        auto q = db.exec(QStringLiteral("test"), sql);
        if (!q || !q.value().next())
            return {};
        return q.value().value(0);
    }
    static void setUserVersion(const QString &path, int version)
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(QStringLiteral("test"),
                                 QStringLiteral("PRAGMA user_version = %1").arg(version)));
    }
};

void TestDatabase::createsCurrentSchemaWithSafeSettings()
{
    QTemporaryDir dir;
    OpenReport report;
    auto db = Database::open(dir.filePath(QStringLiteral("a/b/local.db")), &report);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    QCOMPARE(report.migratedFrom, 0);
    QVERIFY(report.movedAsidePath.isEmpty());
    Database &d = *db.value();
    QCOMPARE(scalar(d, QStringLiteral("PRAGMA user_version")).toInt(), Database::SchemaVersion);
    QCOMPARE(scalar(d, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(d, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    QCOMPARE(scalar(d, QStringLiteral("PRAGMA page_size")).toInt(), 8192);
    QVERIFY(scalar(d, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
    for (const char *table : {"instrument", "site", "outbox", "audit", "meta"}) {
        QCOMPARE(scalar(d, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'")
                               .arg(QLatin1String(table)))
                     .toInt(),
                 1);
    }
}

void TestDatabase::refusesNewerDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("local.db"));
    setUserVersion(path, Database::SchemaVersion + 5);
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY(db.error().message.contains(QStringLiteral("newer version")));
    // Untouched: still the newer version, and not moved aside.
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.damaged-*")}).size(), 0);
    failpoints::disarmAll();
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    raw.setDatabaseName(path);
    QVERIFY(raw.open());
    QSqlQuery q(raw);
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), Database::SchemaVersion + 5);
    q = QSqlQuery();
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

void TestDatabase::movesGarbageAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("local.db"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray garbage =
        QByteArray("this is not a database, but it may be precious ").repeated(200);
    f.write(garbage);
    f.close();

    OpenReport report;
    auto db = Database::open(path, &report);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    QVERIFY(!report.movedAsidePath.isEmpty());
    QFile aside(report.movedAsidePath);
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), garbage); // never deleted, byte for byte
    QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT COUNT(*) FROM instrument")).toInt(), 0);
}

void TestDatabase::movesDamagedPagesAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("local.db"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        Status s = db.value()->transaction([&]() -> Status {
            for (int n = 0; n < 2000; ++n) {
                auto q = db.value()->exec(
                    QStringLiteral("test"),
                    QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"),
                    QVariantList{QStringLiteral("k%1").arg(n), QString(100, QLatin1Char('x'))});
                if (!q)
                    return q.error();
            }
            return {};
        });
        QVERIFY(s.ok());
        QVERIFY(db.value()->exec(QStringLiteral("test"),
                                 QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    // Scribble over the middle of the file, leaving the header intact.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.size() > 64 * 1024);
    f.seek(f.size() / 2);
    f.write(QByteArray(8192, char(0x5a)));
    f.close();

    OpenReport report;
    auto db = Database::open(path, &report);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    QVERIFY(!report.movedAsidePath.isEmpty());
    QVERIFY(QFile::exists(report.movedAsidePath));
}

void TestDatabase::lockedDatabaseIsNotMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("local.db"));
    QVERIFY(Database::open(path).ok());
    {
        // Another program holding the file exclusively: busy, not damaged.
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('k', 'v')")));

        OpenReport report;
        auto db = Database::open(path, &report);
        QVERIFY(!db.ok());
        QVERIFY(report.movedAsidePath.isEmpty());
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.damaged-*")}).size(), 0);

        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        q = QSqlQuery();
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    }
    QVERIFY(Database::open(path).ok()); // and once released, it opens as it was
}

void TestDatabase::migratesOlderDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        // Made with SQLite's default 4 KiB pages, as databases of earlier versions were.
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_size=4096")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE unrelated (x)")));
        q = QSqlQuery();
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
    }
    OpenReport report;
    auto db = Database::open(path, &report);
    QVERIFY(db.ok());
    QCOMPARE(report.migratedFrom, 0);
    QCOMPARE(scalar(*db.value(), QStringLiteral("PRAGMA user_version")).toInt(),
             Database::SchemaVersion);
    // An existing file keeps its page size (only a new one takes 8 KiB) and is written as usual.
    QCOMPARE(scalar(*db.value(), QStringLiteral("PRAGMA page_size")).toInt(), 4096);
    QVERIFY(db.value()->exec(QStringLiteral("test"),
                             QStringLiteral("INSERT INTO unrelated (x) VALUES (1)")));
    // Opening again migrates nothing.
    db = Database::open(path, &report);
    OpenReport again;
    auto db2 = Database::open(path, &again);
    QVERIFY(db2.ok());
    QCOMPARE(again.migratedFrom, -1);
}

// Version 4 lets an entry take its payload from an audit line (local_v4.sql); entries queued
// by a version 3 program hold theirs and are read as before.
void TestDatabase::outboxOfVersion3KeepsItsPayloads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("local.db"));
    QString payload;
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        Instrument i;
        i.serialNo = QStringLiteral("V3-1");
        i.name = QStringLiteral("燃油加油机");
        QVERIFY(InstrumentStore(**db, QStringLiteral("x")).create(i).ok());
        auto entries = outbox::entries(**db);
        QVERIFY(entries.ok() && entries->size() == 1);
        payload = entries->constFirst().payload;
        QVERIFY(payload.contains(QStringLiteral("V3-1")));
        // Back to version 3's table, as that program left it.
        QVERIFY(db.value()->exec(QStringLiteral("test"),
                                 QStringLiteral("ALTER TABLE outbox DROP COLUMN payload_audit")));
        QVERIFY(
            db.value()->exec(QStringLiteral("test"), QStringLiteral("PRAGMA user_version = 3")));
    }
    OpenReport report;
    auto db = Database::open(path, &report);
    QVERIFY(db.ok());
    QCOMPARE(report.migratedFrom, 3);
    auto entries = outbox::entries(**db);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->constFirst().payload, payload);
}

void TestDatabase::failedMigrationLeavesNothingHalfDone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("local.db"));
    failpoints::arm(QStringLiteral("store.migrate"), 3); // after two tables were created
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    failpoints::disarmAll();
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("half"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q = QSqlQuery();
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("half"));
    }
    auto retry = Database::open(path);
    QVERIFY2(retry.ok(), qPrintable(retry.error().message));
}

void TestDatabase::transactionsAreAllOrNothing()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    Database &d = *db.value();
    Status s = d.transaction([&]() -> Status {
        if (Status inner = d.setMeta(QStringLiteral("a"), QStringLiteral("1")); !inner)
            return inner;
        // A failing nested step dooms the outer transaction even if the outer ignores it.
        Status nested = d.transaction([]() -> Status { return Error{QStringLiteral("no"), {}}; });
        Q_UNUSED(nested);
        return {};
    });
    QVERIFY(!s.ok());
    QCOMPARE(d.meta(QStringLiteral("a"), QStringLiteral("absent")), QStringLiteral("absent"));

    failpoints::arm(QStringLiteral("store.commit"));
    s = d.transaction([&]() { return d.setMeta(QStringLiteral("b"), QStringLiteral("2")); });
    QVERIFY(!s.ok());
    QCOMPARE(d.meta(QStringLiteral("b"), QStringLiteral("absent")), QStringLiteral("absent"));
    s = d.transaction([&]() { return d.setMeta(QStringLiteral("b"), QStringLiteral("2")); });
    QVERIFY(s.ok());
    QCOMPARE(d.meta(QStringLiteral("b")), QStringLiteral("2"));
}

void TestDatabase::metaValues()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    QVERIFY(db.value()->setMeta(QStringLiteral("cursor"), QStringLiteral("abc")).ok());
    QVERIFY(db.value()->setMeta(QStringLiteral("cursor"), QStringLiteral("def")).ok());
    QCOMPARE(db.value()->meta(QStringLiteral("cursor")), QStringLiteral("def"));
}

void TestDatabase::failpointsFromEnvironment()
{
    qputenv("JILIANG_FAILPOINTS", "x.y=2,z");
    failpoints::loadFromEnvironment();
    QVERIFY(!failpoints::hit(QStringLiteral("x.y")));
    QVERIFY(failpoints::hit(QStringLiteral("x.y")));
    QVERIFY(!failpoints::hit(QStringLiteral("x.y"))); // fires once
    QVERIFY(failpoints::hit(QStringLiteral("z")));
    QVERIFY(!failpoints::hit(QStringLiteral("other")));
    qunsetenv("JILIANG_FAILPOINTS");
    failpoints::loadFromEnvironment();
}

// An import's checkpoint on a thread of its own copies the WAL into the database file, also
// under a Chinese folder name (the connection opens the file by a file: URI).
void TestDatabase::backgroundCheckpointCopiesTheWal()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("账户 数据#1"));
    auto db = Database::open(QDir(folder).filePath(QStringLiteral("本地.db")));
    QVERIFY(db.ok());
    QVERIFY((*db)->exec(QStringLiteral("test"), QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
    QVERIFY((*db)->transaction([&]() -> Status {
        for (int n = 0; n < 40; ++n) {
            if (Status s = (*db)->setMeta(QStringLiteral("big.%1").arg(n),
                                          QString(50000, QLatin1Char('a' + n % 26)));
                !s)
                return s;
        }
        return {};
    }));
    Database::checkpointInBackground((*db)->path());
    Database::waitForBackgroundCheckpoints();
    const int frames = jl::test::walFramesAfterAWrite(**db);
    QVERIFY2(frames >= 0 && frames < 10, qPrintable(QString::number(frames)));
    QCOMPARE((*db)->meta(QStringLiteral("big.39")), QString(50000, QLatin1Char('n')));
}

// A file removed before its checkpoint ran (a forgotten account) is not made again, empty.
void TestDatabase::backgroundCheckpointNeverCreatesAFile()
{
    QTemporaryDir dir;
    const QString gone = dir.filePath(QStringLiteral("已删除.db"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("background checkpoint")));
    Database::checkpointInBackground(gone);
    Database::waitForBackgroundCheckpoints();
    QVERIFY(!QFile::exists(gone));
    QVERIFY(QDir(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
