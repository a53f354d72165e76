// The lazy instrument table under QAbstractItemModelTester on a real SQLite file: counts and
// page boundaries, every filter, every column sorted both ways, the display roles, refresh
// after a write (with the unsynced marker), and SQL failures reported, never crashing.
#include "models/demo/demodata.h"
#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/instrumentcolumns.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentrow.h"
#include "models/store/instrumentstore.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QColor>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;
using M = InstrumentTableModel;

namespace {

const QDate Today(2026, 11, 27);

// SQLite's BINARY order is code-point order; QString::compare agrees on this data.
bool ordered(const QVariant &a, const QVariant &b, Qt::SortOrder order)
{
    const int c = a.typeId() == QMetaType::Int
                      ? (a.toInt() < b.toInt() ? -1 : a.toInt() > b.toInt())
                      : QString::compare(a.toString(), b.toString(), Qt::CaseSensitive);
    return order == Qt::AscendingOrder ? c <= 0 : c >= 0;
}

} // namespace

class TestInstrumentTableModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void countsAndPageBoundaries();
    void everyFilter();
    void sortsEveryColumnBothWays_data();
    void sortsEveryColumnBothWays();
    void orderMatchesPlainSql();
    void displayRoles();
    void headers();
    void refreshAfterWriteShowsPendingMarker();
    void idsOfLargeSelection();
    void failedCountIsReported();
    void failedPageIsReportedOnce();
    void missingTableIsReported();

private:
    void insertSerials(int count);
    std::unique_ptr<M> makeModel();
    QString cell(const M &model, int row, int column, int role = Qt::DisplayRole);
    int sqlCount(const QString &where);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestInstrumentTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("table.db")));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(db).value();
}

void TestInstrumentTableModel::cleanup()
{
    failpoints::disarmAll();
    m_tester.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<M> TestInstrumentTableModel::makeModel()
{
    auto model = std::make_unique<M>(*m_db);
    model->setToday(Today);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    return model;
}

QString TestInstrumentTableModel::cell(const M &model, int row, int column, int role)
{
    return model.data(model.index(row, column), role).toString();
}

int TestInstrumentTableModel::sqlCount(const QString &where)
{
    auto q = m_db->exec(QStringLiteral("test"),
                        QStringLiteral("SELECT COUNT(*) FROM instrument WHERE ") + where);
    return q && q.value().next() ? q.value().value(0).toInt() : -1;
}

void TestInstrumentTableModel::insertSerials(int count)
{
    // Serials S0000 … in one transaction, inserted in reverse so that the sort, not the
    // insertion order, has to put them in place.
    Status s = m_db->transaction([&]() -> Status {
        for (int n = count - 1; n >= 0; --n) {
            Instrument i;
            i.id = QStringLiteral("id-%1").arg(n, 4, 10, QLatin1Char('0'));
            i.rev = 1;
            i.updatedAt = QDateTime(Today, QTime(8, 0), Qt::UTC);
            i.serialNo = QStringLiteral("S%1").arg(n, 4, 10, QLatin1Char('0'));
            i.name = QStringLiteral("燃油加油机");
            i.validUntil = Today.addDays(n % 60);
            i.verificationResult = VerificationResult::Pass;
            QVariantList values = instrumentrow::values(i);
            for (QVariant &v : values) {
                if (v.typeId() == QMetaType::QString && v.toString().isNull())
                    v = QStringLiteral("");
            }
            auto r = m_db->exec(
                QStringLiteral("test"),
                QStringLiteral("INSERT INTO instrument (") + instrumentrow::columns() +
                    QStringLiteral(") VALUES (") +
                    QStringList(values.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                    QLatin1Char(')'),
                values);
            if (!r)
                return r.error();
        }
        return {};
    });
    QVERIFY2(s.ok(), qPrintable(s.error().detail));
}

void TestInstrumentTableModel::countsAndPageBoundaries()
{
    insertSerials(1000);
    auto model = makeModel();
    QCOMPARE(model->rowCount(), 1000);
    QCOMPARE(model->totalCount(), 1000);
    for (int row : {0, 199, 200, 201, 399, 400, 999, 500, 0})
        QCOMPARE(cell(*model, row, M::SerialNo),
                 QStringLiteral("S%1").arg(row, 4, 10, QLatin1Char('0')));
    QCOMPARE(model->idAt(200), QStringLiteral("id-0200"));
    QVERIFY(!model->index(1000, 0).isValid());
    QVERIFY(model->idAt(1000).isEmpty());

    model->sort(M::SerialNo, Qt::DescendingOrder);
    for (int row : {0, 199, 200, 999})
        QCOMPARE(cell(*model, row, M::SerialNo),
                 QStringLiteral("S%1").arg(999 - row, 4, 10, QLatin1Char('0')));

    // Reading everything touches every page; all rows come back once each.
    QSet<QString> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->idAt(row));
    QCOMPARE(ids.size(), 1000);
}

void TestInstrumentTableModel::everyFilter()
{
    QVERIFY(generateDemo(*m_db, {600, 0, 3, Today}).ok());
    auto model = makeModel();
    QSignalSpy counted(model.get(), &M::countChanged);
    const int active = sqlCount(QStringLiteral("lifecycle = 'active' AND deleted = 0"));
    QCOMPARE(model->rowCount(), active);

    auto check = [&](const InstrumentFilter &f, const std::function<bool(const M &, int)> &ok) {
        model->setFilter(f);
        QCOMPARE(counted.constLast().constFirst().toInt(), model->rowCount());
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY2(ok(*model, row), qPrintable(cell(*model, row, M::SerialNo)));
    };
    InstrumentFilter f;
    f.name = QStringLiteral("直流");
    check(f,
          [&](const M &m, int r) { return cell(m, r, M::Name).contains(QStringLiteral("直流")); });
    f = {};
    f.serialNo = QStringLiteral("0");
    check(f,
          [&](const M &m, int r) { return cell(m, r, M::SerialNo).startsWith(QLatin1Char('0')); });
    f = {};
    f.status = InstrumentStatus::Suspended;
    check(f, [&](const M &m, int r) {
        return cell(m, r, M::Status) == displayName(InstrumentStatus::Suspended);
    });
    f = {};
    f.verificationResult = VerificationResult::Fail;
    check(f, [&](const M &m, int r) {
        return cell(m, r, M::VerificationResult) == displayName(VerificationResult::Fail);
    });
    for (WarningLevel level :
         {WarningLevel::None, WarningLevel::Notice, WarningLevel::Warning, WarningLevel::Alert}) {
        f = {};
        f.warningLevel = level;
        check(f, [&](const M &m, int r) {
            return m.data(m.index(r, 0), M::WarningLevelRole).toInt() == int(level);
        });
    }
    for (bool complete : {true, false}) {
        f = {};
        f.complete = complete;
        check(f, [&](const M &m, int r) {
            return cell(m, r, M::Completeness) ==
                   (complete ? QStringLiteral("Complete") : QStringLiteral("Incomplete"));
        });
    }
    f = {};
    f.lifecycle = Lifecycle::History;
    check(f, [&](const M &m, int r) { return !cell(m, r, M::RemovedAt).isEmpty(); });
    QCOMPARE(model->rowCount(), sqlCount(QStringLiteral("lifecycle = 'history'")));

    f = {};
    model->setFilter(f);
    auto site = m_db->exec(QStringLiteral("test"),
                           QStringLiteral("SELECT site_id FROM instrument LIMIT 1"));
    QVERIFY(site && site.value().next());
    f.siteId = site.value().value(0).toString();
    model->setFilter(f);
    QCOMPARE(model->rowCount(),
             sqlCount(QStringLiteral("lifecycle = 'active' AND site_id = '%1'").arg(f.siteId)));

    f = {};
    f.inAppointment = true;
    model->setFilter(f);
    QCOMPARE(model->rowCount(), 0);
    f.inAppointment = false;
    model->setFilter(f);
    QCOMPARE(model->rowCount(), active);
}

void TestInstrumentTableModel::sortsEveryColumnBothWays_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("history");
    for (int c = 0; c < M::ColumnCount; ++c) {
        const QByteArray name = QByteArray::number(c);
        QTest::newRow(name.constData()) << c << (c == M::RemovedAt);
    }
}

void TestInstrumentTableModel::sortsEveryColumnBothWays()
{
    QFETCH(int, column);
    QFETCH(bool, history);
    QVERIFY(generateDemo(*m_db, {history ? 9000 : 450, 0, 8, Today}).ok());
    auto model = makeModel();
    InstrumentFilter f;
    f.lifecycle = history ? Lifecycle::History : Lifecycle::Active;
    model->setFilter(f);
    QVERIFY(model->rowCount() > 200); // more than one page
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        model->sort(column, order);
        QCOMPARE(model->sortColumn(), column);
        QVariant previous;
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QVariant key = model->data(model->index(row, column), M::SortKeyRole);
            if (row > 0)
                QVERIFY2(ordered(previous, key, order),
                         qPrintable(QStringLiteral("row %1: %2 then %3")
                                        .arg(row)
                                        .arg(previous.toString(), key.toString())));
            previous = key;
            ids.insert(model->idAt(row));
        }
        QCOMPARE(ids.size(), model->rowCount());
    }
}

void TestInstrumentTableModel::orderMatchesPlainSql()
{
    // The model picks access paths by hand (index hints, reading from the end, sorting rowids
    // only): whatever it picks, the rows must come in the order of the plain query.
    QVERIFY(generateDemo(*m_db, {5000, 0, 21, Today}).ok());
    auto site = m_db->exec(QStringLiteral("test"),
                           QStringLiteral("SELECT site_id FROM instrument GROUP BY site_id "
                                          "ORDER BY COUNT(*) DESC LIMIT 1"));
    QVERIFY(site && site.value().next());
    const QString siteId = site.value().value(0).toString();
    auto model = makeModel();
    auto filter = [](auto change) {
        InstrumentFilter f;
        change(f);
        return f;
    };
    const QList<InstrumentFilter> filters = {
        {},
        filter([](auto &f) { f.name = QStringLiteral("血压"); }),
        filter([](auto &f) { f.name = QStringLiteral("电能表"); }),
        filter([&](auto &f) { f.siteId = siteId; }),
        filter([](auto &f) { f.status = InstrumentStatus::Suspended; }),
        filter([](auto &f) { f.warningLevel = WarningLevel::Warning; }),
        filter([](auto &f) { f.warningLevel = WarningLevel::Alert; }),
        filter([](auto &f) { f.complete = true; }),
        filter([](auto &f) { f.serialNo = QStringLiteral("0"); }),
        filter([](auto &f) { f.lifecycle = Lifecycle::History; }),
    };
    for (const InstrumentFilter &f : filters) {
        model->setFilter(f);
        const SqlWhere where = toSql(f, Today);
        for (int column : {M::SerialNo, M::ValidUntil, M::Name, M::Warning, M::Manufacturer}) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model->sort(column, order);
                const QString dir =
                    order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
                QVariantMap binds = where.binds;
                binds.insert(warningSqlBinds(Today));
                auto q = m_db->exec(QStringLiteral("test"),
                                    QStringLiteral("SELECT id FROM instrument WHERE ") +
                                        where.clause + QStringLiteral(" ORDER BY ") +
                                        InstrumentColumns::sortSql(column) + dir +
                                        QStringLiteral(", rowid") + dir,
                                    binds);
                QVERIFY(q.ok());
                QStringList expected;
                while (q.value().next())
                    expected.append(q.value().value(0).toString());
                QCOMPARE(model->rowCount(), int(expected.size()));
                QVERIFY(!expected.isEmpty());
                QList<int> rows;
                if (expected.size() <= 1500) {
                    for (int row = 0; row < expected.size(); ++row)
                        rows.append(row);
                } else {
                    const int n = int(expected.size());
                    rows = {0, 199, 200, n / 2 - 1, n / 2, n / 2 + 1, n - 201, n - 200, n - 1};
                }
                for (int row : rows)
                    QVERIFY2(model->idAt(row) == expected.at(row),
                             qPrintable(QStringLiteral("column %1, row %2").arg(column).arg(row)));
            }
        }
    }
}

void TestInstrumentTableModel::displayRoles()
{
    InstrumentStore store(*m_db, QStringLiteral("test"));
    Instrument due;
    due.serialNo = QStringLiteral("A-DUE");
    due.name = QStringLiteral("燃油加油机");
    due.productionDate = QDate(2020, 3, 4);
    due.verificationResult = VerificationResult::Pass;
    due.validUntil = Today.addDays(10);
    due.verificationPeriodMonths = 6;
    QVERIFY(store.create(due).ok());
    Instrument fine = due;
    fine.serialNo = QStringLiteral("B-FINE");
    fine.validUntil = Today.addDays(100);
    fine.category = QStringLiteral("燃油加油机");
    fine.model = QStringLiteral("ZXJ-2242");
    fine.measuringRange = QStringLiteral("(5-50)L/min");
    fine.manufacturer = QStringLiteral("正星科技股份有限公司");
    fine.installLocation = QStringLiteral("浙江省杭州市西湖区文三路1号");
    fine.divisionCode = QStringLiteral("330106005");
    fine.installDate = QDate(2021, 1, 2);
    QVERIFY(store.create(fine).ok());
    Instrument expired = due;
    expired.serialNo = QStringLiteral("C-EXPIRED");
    expired.validUntil = Today.addDays(-3);
    QVERIFY(store.create(expired).ok());

    auto model = makeModel();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(cell(*model, 0, M::ProductionDate), QStringLiteral("2020-03-04"));
    QCOMPARE(cell(*model, 0, M::ValidUntil),
             Today.addDays(10).toString(QStringLiteral("yyyy-MM-dd")));
    QCOMPARE(cell(*model, 0, M::Status), displayName(InstrumentStatus::InUse));
    QCOMPARE(cell(*model, 0, M::VerificationResult), displayName(VerificationResult::Pass));
    QCOMPARE(cell(*model, 0, M::VerificationPeriod), QStringLiteral("6"));
    QCOMPARE(cell(*model, 0, M::Warning), displayName(WarningLevel::Warning));
    QCOMPARE(cell(*model, 0, M::Completeness), QStringLiteral("Incomplete"));
    QVERIFY(!cell(*model, 0, M::Completeness, Qt::ToolTipRole).isEmpty());
    QVERIFY(cell(*model, 0, M::Warning, Qt::ToolTipRole).contains(QLatin1String("10")));
    QCOMPARE(model->data(model->index(0, M::Warning), Qt::ForegroundRole).value<QBrush>().color(),
             QColor(colorName(WarningLevel::Warning)));
    // The tint covers the whole row, lighter than the label colour.
    const QColor tint =
        model->data(model->index(0, M::SerialNo), Qt::BackgroundRole).value<QBrush>().color();
    QVERIFY(tint.isValid());
    QVERIFY(tint.lightness() > QColor(colorName(WarningLevel::Warning)).lightness());
    QCOMPARE(model->data(model->index(0, M::Name), Qt::BackgroundRole).value<QBrush>().color(),
             tint);
    QCOMPARE(model->data(model->index(0, 0), M::WarningLevelRole).toInt(),
             int(WarningLevel::Warning));
    QVERIFY(!model->data(model->index(0, 0), M::IdRole).toString().isEmpty());

    QCOMPARE(cell(*model, 1, M::Warning), QString());
    QVERIFY(!model->data(model->index(1, 0), Qt::BackgroundRole).isValid());
    QVERIFY(!model->data(model->index(1, M::Warning), Qt::ForegroundRole).isValid());
    QCOMPARE(cell(*model, 1, M::Completeness), QStringLiteral("Complete"));

    QCOMPARE(cell(*model, 2, M::Warning), displayName(WarningLevel::Alert));
    QVERIFY(cell(*model, 2, M::Warning, Qt::ToolTipRole).contains(QLatin1String("3")));

    // Another day, another level: the pinned date drives the rule.
    model->setToday(Today.addDays(-60));
    QCOMPARE(cell(*model, 0, M::Warning), QString());
}

void TestInstrumentTableModel::headers()
{
    auto model = makeModel();
    QSet<QString> seen;
    for (int c = 0; c < M::ColumnCount; ++c) {
        const QString h = model->headerData(c, Qt::Horizontal).toString();
        QVERIFY(!h.isEmpty());
        seen.insert(h);
    }
    QCOMPARE(seen.size(), int(M::ColumnCount));
}

void TestInstrumentTableModel::refreshAfterWriteShowsPendingMarker()
{
    QVERIFY(generateDemo(*m_db, {50, 0, 5, Today}).ok());
    auto model = makeModel();
    const int before = model->rowCount();
    for (int row = 0; row < before; ++row)
        QVERIFY(!model->data(model->index(row, 0), M::PendingSyncRole).toBool());

    InstrumentStore store(*m_db, QStringLiteral("test"));
    Instrument i;
    i.serialNo = QStringLiteral("0000");
    i.name = QStringLiteral("电子计价秤");
    auto created = store.create(i);
    QVERIFY(created.ok());
    QCOMPARE(model->rowCount(), before); // a snapshot until refreshed
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    model->refresh();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model->rowCount(), before + 1);
    QCOMPARE(model->idAt(0), created->id); // "0000" sorts first
    QVERIFY(model->data(model->index(0, 0), M::PendingSyncRole).toBool());
    QVERIFY(!model->data(model->index(1, 0), M::PendingSyncRole).toBool());
}

void TestInstrumentTableModel::idsOfLargeSelection()
{
    insertSerials(1000);
    auto model = makeModel();
    model->sort(M::ValidUntil, Qt::DescendingOrder);
    QList<int> rows;
    for (int row = 999; row >= 0; row -= 1)
        rows.append(row);
    const QStringList bulk = model->idsAt(rows);
    QCOMPARE(bulk.size(), 1000);
    QStringList one;
    for (int row : {999, 500, 0})
        one.append(model->idAt(row));
    QCOMPARE((QStringList{bulk.at(0), bulk.at(499), bulk.at(999)}), one);
    QCOMPARE(model->allIds().size(), 1000);
    QCOMPARE(model->allIds().constFirst(), model->idAt(0));
}

void TestInstrumentTableModel::failedCountIsReported()
{
    insertSerials(10);
    auto model = makeModel();
    QSignalSpy failed(model.get(), &M::loadFailed);
    failpoints::arm(QStringLiteral("model.instrument.count"));
    model->refresh();
    QCOMPARE(failed.count(), 1);
    QVERIFY(!failed.constFirst().constFirst().toString().isEmpty());
    QCOMPARE(model->rowCount(), 0);
    model->refresh(); // the failpoint fired once: the next try works
    QCOMPARE(model->rowCount(), 10);
}

void TestInstrumentTableModel::failedPageIsReportedOnce()
{
    insertSerials(10);
    auto model = makeModel();
    QSignalSpy failed(model.get(), &M::loadFailed);
    failpoints::arm(QStringLiteral("model.instrument.page"));
    model->refresh(); // drops the page the tester already read
    QVERIFY(!model->data(model->index(0, 0)).isValid());
    QVERIFY(!model->data(model->index(1, 0)).isValid()); // no retry storm while painting
    QTRY_COMPARE(failed.count(), 1);
    QTest::qWait(20);
    QCOMPARE(failed.count(), 1);
    model->refresh();
    QCOMPARE(cell(*model, 0, M::SerialNo), QStringLiteral("S0000"));
}

void TestInstrumentTableModel::missingTableIsReported()
{
    insertSerials(10);
    auto model = makeModel();
    QCOMPARE(model->rowCount(), 10);
    QSignalSpy failed(model.get(), &M::loadFailed);
    QVERIFY(m_db->exec(QStringLiteral("test"), QStringLiteral("DROP TABLE instrument")).ok());
    model->refresh();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!model->data(model->index(0, 0)).isValid());
    model->sort(M::Warning, Qt::DescendingOrder);
    QVERIFY(model->allIds().isEmpty());
    QVERIFY(failed.count() >= 2);
}

QTEST_GUILESS_MAIN(TestInstrumentTableModel)
#include "tst_instrumenttablemodel.moc"
