// The demo generator: the same seed gives the same records, every warning level and every
// special case occurs, serials are unique among active instruments, the records look like
// server data (rev >= 1, nothing in the outbox) and use real street-level divisions; the
// sites it makes fill the site filter (SiteListModel).
#include "models/demo/democatalogue.h"
#include "models/demo/demodata.h"
#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/sitelistmodel.h"
#include "models/reference/divisions.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"
#include "models/store/instrumentstore.h"
#include "models/store/outbox.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;

namespace {

const QDate Today(2026, 11, 27);

QStringList dump(Database &db, const QString &table)
{
    QStringList rows;
    auto q = db.exec(QStringLiteral("test.dump"),
                     QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table));
    if (!q)
        return {QStringLiteral("error: ") + q.error().detail};
    while (q.value().next()) {
        QStringList fields;
        for (int c = 0; c < q.value().record().count(); ++c)
            fields.append(q.value().value(c).toString());
        rows.append(fields.join(QLatin1Char('|')));
    }
    return rows;
}

} // namespace

class TestDemoData final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sameSeedSameRecords();
    void differentSeedDifferentRecords();
    void everyCaseOccursInATinyDemo();
    void summaryMatchesTheStore();
    void serialsUniqueAmongActive();
    void recordsAreServerDataAndValid();
    void divisionsAreRealStreets();
    void refusesANonEmptyStore();
    void sitesFillTheSiteFilter();

private:
    std::unique_ptr<Database> open(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

std::unique_ptr<Database> TestDemoData::open(const QString &name)
{
    auto db = Database::open(m_dir->filePath(name));
    if (!db)
        qWarning() << db.error().message << db.error().detail;
    return db ? std::move(db).value() : nullptr;
}

void TestDemoData::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = open(QStringLiteral("a.db"));
    QVERIFY(m_db);
}

void TestDemoData::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestDemoData::sameSeedSameRecords()
{
    auto other = open(QStringLiteral("b.db"));
    QVERIFY(other);
    const DemoOptions options{300, 0, 7, Today};
    QVERIFY(generateDemo(*m_db, options).ok());
    QVERIFY(generateDemo(*other, options).ok());
    for (const QString &table : {QStringLiteral("instrument"), QStringLiteral("site")}) {
        const QStringList a = dump(*m_db, table);
        QVERIFY(!a.isEmpty());
        QCOMPARE(dump(*other, table), a);
    }
}

void TestDemoData::differentSeedDifferentRecords()
{
    auto other = open(QStringLiteral("b.db"));
    QVERIFY(other);
    QVERIFY(generateDemo(*m_db, {50, 0, 1, Today}).ok());
    QVERIFY(generateDemo(*other, {50, 0, 2, Today}).ok());
    QVERIFY(dump(*m_db, QStringLiteral("instrument")) !=
            dump(*other, QStringLiteral("instrument")));
}

void TestDemoData::everyCaseOccursInATinyDemo()
{
    auto made = generateDemo(*m_db, {10, 0, 20261127, Today});
    QVERIFY2(made.ok(), qPrintable(made.error().message + QLatin1Char(' ') + made.error().detail));
    const DemoSummary &s = made.value();
    QCOMPARE(s.instruments, 10);
    QCOMPARE(s.sites, 4);
    QVERIFY(s.alert >= 3); // no record, 不合格, expired
    QVERIFY(s.warning >= 1);
    QVERIFY(s.notice >= 1);
    QVERIFY(s.none >= 1);
    QVERIFY(s.incomplete >= 1);
    QVERIFY(s.suspended >= 1);
    QVERIFY(s.scrapped >= 1);
    QVERIFY(s.history >= 1);

    auto q =
        m_db->exec(QStringLiteral("test"), QStringLiteral("SELECT COUNT(DISTINCT kind) FROM site"));
    QVERIFY(q && q.value().next());
    QCOMPARE(q.value().value(0).toInt(), 4);
}

void TestDemoData::summaryMatchesTheStore()
{
    auto made = generateDemo(*m_db, {2000, 0, 99, Today});
    QVERIFY(made.ok());
    const DemoSummary &s = made.value();
    InstrumentStore store(*m_db, QStringLiteral("test"));
    auto counts = store.countWarnings(Today);
    QVERIFY(counts.ok());
    QCOMPARE(counts->alert, s.alert);
    QCOMPARE(counts->warning, s.warning);
    QCOMPARE(counts->notice, s.notice);
    QCOMPARE(counts->history, s.history);
    QCOMPARE(counts->active + counts->history, 2000);
    // Realistic proportions: most instruments are fine, every level is well represented.
    QVERIFY(s.none > 2000 / 2);
    QVERIFY(s.alert > 50 && s.warning > 50 && s.notice > 50);
    QVERIFY(s.incomplete > 20 && s.history > 20);
    QVERIFY(!DemoData::describe(s).isEmpty());
}

void TestDemoData::serialsUniqueAmongActive()
{
    QVERIFY(generateDemo(*m_db, {3000, 0, 5, Today}).ok());
    auto dupes = m_db->exec(QStringLiteral("test"),
                            QStringLiteral("SELECT serial_no FROM instrument WHERE lifecycle = "
                                           "'active' AND deleted = 0 GROUP BY serial_no "
                                           "HAVING COUNT(*) > 1"));
    QVERIFY(dupes.ok());
    QVERIFY(!dupes.value().next());
    // Shapes seen on nameplates: leading zeros, 12 and 18 digits, letters.
    auto shapes = m_db->exec(
        QStringLiteral("test"),
        QStringLiteral(
            "SELECT SUM(serial_no LIKE '0%'), SUM(length(serial_no) = 18), "
            "SUM(length(serial_no) = 12), SUM(serial_no GLOB '[A-Z]*') FROM instrument"));
    QVERIFY(shapes && shapes.value().next());
    for (int c = 0; c < 4; ++c)
        QVERIFY2(shapes.value().value(c).toInt() > 0, qPrintable(QString::number(c)));
}

void TestDemoData::recordsAreServerDataAndValid()
{
    QVERIFY(generateDemo(*m_db, {500, 0, 11, Today}).ok());
    auto pending = outbox::pendingCount(*m_db);
    QVERIFY(pending.ok());
    QCOMPARE(pending.value(), 0);

    auto q =
        m_db->exec(QStringLiteral("test"), QStringLiteral("SELECT ") + instrumentrow::columns() +
                                               QStringLiteral(" FROM instrument"));
    QVERIFY(q.ok());
    int rows = 0;
    while (q.value().next()) {
        const Instrument i = instrumentrow::fromQuery(q.value());
        ++rows;
        QVERIFY(i.rev >= 1);
        QVERIFY(i.updatedAt.isValid());
        QVERIFY(!i.siteId.isEmpty());
        const auto errors = InstrumentValidator::validate(i);
        QVERIFY2(errors.isEmpty(),
                 qPrintable(i.serialNo + QLatin1Char(' ') +
                            (errors.isEmpty() ? QString() : errors.constFirst().message)));
        QCOMPARE(InstrumentValidator::normalized(i), i);
    }
    QCOMPARE(rows, 500);
    auto sites = m_db->exec(QStringLiteral("test"),
                            QStringLiteral("SELECT COUNT(*) FROM site WHERE rev < 1"));
    QVERIFY(sites && sites.value().next());
    QCOMPARE(sites.value().value(0).toInt(), 0);
}

void TestDemoData::divisionsAreRealStreets()
{
    const Divisions divisions = Divisions::bundled();
    if (divisions.isEmpty())
        QSKIP("the bundled divisions are not available in this build");
    for (const demo::Street &s : demo::streets()) {
        const QString code = QLatin1String(s.code);
        QVERIFY2(divisions.isStreetLevel(code), s.code);
        QCOMPARE(divisions.name(code), QString::fromUtf8(s.street));
        QCOMPARE(divisions.name(code.left(6)), QString::fromUtf8(s.district));
    }
}

void TestDemoData::refusesANonEmptyStore()
{
    QVERIFY(generateDemo(*m_db, {20, 0, 3, Today}).ok());
    const QStringList before = dump(*m_db, QStringLiteral("instrument"));
    auto again = generateDemo(*m_db, {20, 0, 4, Today});
    QVERIFY(!again.ok());
    QVERIFY(!again.error().message.isEmpty());
    QCOMPARE(dump(*m_db, QStringLiteral("instrument")), before);
}

void TestDemoData::sitesFillTheSiteFilter()
{
    SiteListModel empty(*m_db);
    QCOMPARE(empty.rowCount(), 0);
    auto made = generateDemo(*m_db, {400, 0, 12, Today});
    QVERIFY(made.ok());
    SiteListModel sites(*m_db);
    QAbstractItemModelTester tester(&sites, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(sites.rowCount(), made->sites);
    QSet<QString> ids;
    for (int row = 0; row < sites.rowCount(); ++row) {
        const QModelIndex index = sites.index(row);
        QVERIFY(!index.data().toString().isEmpty());
        QCOMPARE(index.data(SiteListModel::IdRole).toString(), sites.idAt(row));
        QCOMPARE(sites.rowOf(sites.idAt(row)), row);
        ids.insert(sites.idAt(row));
    }
    QCOMPARE(ids.size(), made->sites);
    QCOMPARE(sites.rowOf(QStringLiteral("no such site")), -1);

    QSignalSpy failed(&sites, &SiteListModel::loadFailed);
    QVERIFY(m_db->exec(QStringLiteral("test"), QStringLiteral("DROP TABLE site")).ok());
    sites.refresh();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(sites.rowCount(), made->sites); // the combo keeps what it showed
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
