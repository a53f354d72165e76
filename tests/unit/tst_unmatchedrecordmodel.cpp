// 未匹配检定记录处理's data: the store reads a record (with the wire's extras), counts the
// unmatched ones; the list model shows only unmatched, live records, filters by serial
// prefix, name, institution and verification dates (LIKE wildcards taken literally), sorts,
// and marks a record "linked, waiting for sync" once an active instrument has its serial.
#include "models/domain/verificationrecord.h"
#include "models/itemmodels/unmatchedrecordmodel.h"
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentstore.h"
#include "models/store/verificationrecordstore.h"
#include "unit/verificationrecordrows.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace jl::models;
using jl::test::RecordRow;
using M = UnmatchedRecordModel;

class TestUnmatchedRecordModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void storeReadsARecord();
    void storeCountsUnmatched();
    void storeRefusesAMissingRecord();
    void listsOnlyUnmatchedLiveRecordsNewestFirst();
    void filters_data();
    void filters();
    void linkedPendingOnceAnInstrumentHasTheSerial();
    void sortsByColumn();
    void displayRoles();
    void recordBecomesAnInstrument();
    void failedLoadIsReported();

private:
    QStringList serials(const M &model) const;
    QString add(const RecordRow &row);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestUnmatchedRecordModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("local.db")));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(db.value());
    using jl::test::recordRow;
    const QString hz = QStringLiteral("杭州市质量技术监督检测院");
    QVERIFY(!add(recordRow(QStringLiteral("C-001"), QStringLiteral("ZJ1001"),
                           QStringLiteral("电子计价秤"), QStringLiteral("ACS-30"), hz,
                           QStringLiteral("2026-03-01"), QStringLiteral("2027-02-28")))
                 .isEmpty());
    QVERIFY(!add(recordRow(QStringLiteral("C-002"), QStringLiteral("ZJ1002"),
                           QStringLiteral("燃油加油机"), QStringLiteral("JY-80"),
                           QStringLiteral("宁波市计量测试研究院"), QStringLiteral("2026-05-10"),
                           QStringLiteral("2026-11-09"), QStringLiteral("fail")))
                 .isEmpty());
    QVERIFY(!add(recordRow(QStringLiteral("C-003"), QStringLiteral("HZ2001"),
                           QStringLiteral("电子计价秤50%"), QString(), hz,
                           QStringLiteral("2025-12-31"), QStringLiteral("2026-12-30")))
                 .isEmpty());
    // Matched, and deleted: never listed.
    RecordRow matched =
        recordRow(QStringLiteral("C-004"), QStringLiteral("ZJ1003"), QStringLiteral("电子计价秤"),
                  QString(), hz, QStringLiteral("2026-06-01"), QStringLiteral("2027-05-31"));
    matched.matchedInstrumentId = QStringLiteral("some-instrument");
    QVERIFY(!add(matched).isEmpty());
    RecordRow gone =
        recordRow(QStringLiteral("C-005"), QStringLiteral("ZJ1004"), QStringLiteral("电子计价秤"),
                  QString(), hz, QStringLiteral("2026-06-02"), QStringLiteral("2027-06-01"));
    gone.deleted = true;
    QVERIFY(!add(gone).isEmpty());
}

void TestUnmatchedRecordModel::cleanup()
{
    jl::models::failpoints::disarmAll();
    m_db.reset();
    m_dir.reset();
}

QString TestUnmatchedRecordModel::add(const RecordRow &row)
{
    return jl::test::insertRecord(*m_db, row);
}

QStringList TestUnmatchedRecordModel::serials(const M &model) const
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, M::SerialNo).data().toString());
    return list;
}

void TestUnmatchedRecordModel::storeReadsARecord()
{
    RecordRow row = jl::test::recordRow(QStringLiteral("C-100"), QStringLiteral("AB-77"),
                                        QStringLiteral("血压计"), QStringLiteral("BP1"),
                                        QStringLiteral("温州"), QStringLiteral("2026-01-02"),
                                        QStringLiteral("2027-01-01"), QStringLiteral("fail"));
    row.location = QStringLiteral("温州市鹿城区人民路8号");
    const QString id = add(row);
    const VerificationRecordStore store(*m_db);
    const auto r = store.get(id);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r->id, id);
    QCOMPARE(r->certificateNo, QStringLiteral("C-100"));
    QCOMPARE(r->serialNo, QStringLiteral("AB-77"));
    QCOMPARE(r->instrumentName, QStringLiteral("血压计"));
    QCOMPARE(r->model, QStringLiteral("BP1"));
    QCOMPARE(r->institution, QStringLiteral("温州"));
    QCOMPARE(r->verifiedAt, QDate(2026, 1, 2));
    QCOMPARE(r->validUntil, QDate(2027, 1, 1));
    QCOMPARE(r->result, VerificationResult::Fail);
    QCOMPARE(r->matchedInstrumentId, QString());
    QCOMPARE(r->location, QStringLiteral("温州市鹿城区人民路8号"));
}

void TestUnmatchedRecordModel::storeCountsUnmatched()
{
    const VerificationRecordStore store(*m_db);
    const auto count = store.countUnmatched();
    QVERIFY(count.ok());
    QCOMPARE(count.value(), 3);
}

void TestUnmatchedRecordModel::storeRefusesAMissingRecord()
{
    const VerificationRecordStore store(*m_db);
    const auto r = store.get(QStringLiteral("no-such-id"));
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.isEmpty());
}

void TestUnmatchedRecordModel::listsOnlyUnmatchedLiveRecordsNewestFirst()
{
    M model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(serials(model), (QStringList{QStringLiteral("ZJ1002"), QStringLiteral("ZJ1001"),
                                          QStringLiteral("HZ2001")}));
    QCOMPARE(model.columnCount(), int(M::ColumnCount));
}

void TestUnmatchedRecordModel::filters_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("institution");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QStringList>("expected");
    const QStringList none;
    QTest::newRow("serial prefix")
        << "ZJ"
        << ""
        << "" << QDate() << QDate()
        << QStringList{QStringLiteral("ZJ1002"), QStringLiteral("ZJ1001")};
    QTest::newRow("full-width prefix")
        << "ＨＺ"
        << ""
        << "" << QDate() << QDate() << QStringList{QStringLiteral("HZ2001")};
    QTest::newRow("serial is a prefix, not a substring") << "1001"
                                                         << ""
                                                         << "" << QDate() << QDate() << none;
    QTest::newRow("name substring")
        << ""
        << "计价"
        << "" << QDate() << QDate()
        << QStringList{QStringLiteral("ZJ1001"), QStringLiteral("HZ2001")};
    QTest::newRow("percent is literal")
        << ""
        << "50%"
        << "" << QDate() << QDate() << QStringList{QStringLiteral("HZ2001")};
    QTest::newRow("underscore is literal") << ""
                                           << "_"
                                           << "" << QDate() << QDate() << none;
    QTest::newRow("institution") << ""
                                 << ""
                                 << "宁波" << QDate() << QDate()
                                 << QStringList{QStringLiteral("ZJ1002")};
    QTest::newRow("from") << ""
                          << ""
                          << "" << QDate(2026, 3, 1) << QDate()
                          << QStringList{QStringLiteral("ZJ1002"), QStringLiteral("ZJ1001")};
    QTest::newRow("to") << ""
                        << ""
                        << "" << QDate() << QDate(2026, 3, 1)
                        << QStringList{QStringLiteral("ZJ1001"), QStringLiteral("HZ2001")};
    QTest::newRow("range") << ""
                           << ""
                           << "" << QDate(2026, 1, 1) << QDate(2026, 4, 30)
                           << QStringList{QStringLiteral("ZJ1001")};
    QTest::newRow("all together") << "ZJ"
                                  << "计价秤"
                                  << "杭州" << QDate(2026, 1, 1) << QDate(2026, 12, 31)
                                  << QStringList{QStringLiteral("ZJ1001")};
}

void TestUnmatchedRecordModel::filters()
{
    QFETCH(QString, serial);
    QFETCH(QString, name);
    QFETCH(QString, institution);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QStringList, expected);
    M model(*m_db);
    QSignalSpy counts(&model, &M::countChanged);
    model.setFilter({serial, name, institution, from, to});
    QCOMPARE(serials(model), expected);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.constFirst().constFirst().toInt(), int(expected.size()));
}

void TestUnmatchedRecordModel::linkedPendingOnceAnInstrumentHasTheSerial()
{
    M model(*m_db);
    const int row = serials(model).indexOf(QStringLiteral("ZJ1001"));
    QVERIFY(!model.linkedPendingAt(row));
    const QString unmatched = model.index(row, M::State).data().toString();

    InstrumentStore store(*m_db, QStringLiteral("test"));
    Instrument i;
    i.serialNo = QStringLiteral("ZJ1001");
    i.name = QStringLiteral("电子计价秤");
    const auto created = store.create(i);
    QVERIFY(created.ok());
    model.refresh();
    const int after = serials(model).indexOf(QStringLiteral("ZJ1001"));
    QVERIFY(after >= 0); // still listed until the server matches it
    QVERIFY(model.linkedPendingAt(after));
    QVERIFY(model.index(after, M::State).data(M::LinkedPendingRole).toBool());
    QVERIFY(model.index(after, M::State).data().toString() != unmatched);
    QVERIFY(!model.index(after, M::State).data(Qt::ToolTipRole).toString().isEmpty());

    // In history the serial is no longer an active instrument's.
    QVERIFY(store.moveToHistory({created->id}).ok());
    model.refresh();
    QVERIFY(!model.linkedPendingAt(serials(model).indexOf(QStringLiteral("ZJ1001"))));
}

void TestUnmatchedRecordModel::sortsByColumn()
{
    M model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(M::SerialNo, Qt::AscendingOrder);
    QCOMPARE(serials(model), (QStringList{QStringLiteral("HZ2001"), QStringLiteral("ZJ1001"),
                                          QStringLiteral("ZJ1002")}));
    model.sort(M::SerialNo, Qt::DescendingOrder);
    QCOMPARE(serials(model), (QStringList{QStringLiteral("ZJ1002"), QStringLiteral("ZJ1001"),
                                          QStringLiteral("HZ2001")}));
    model.sort(M::ValidUntil, Qt::AscendingOrder);
    QCOMPARE(serials(model), (QStringList{QStringLiteral("ZJ1002"), QStringLiteral("HZ2001"),
                                          QStringLiteral("ZJ1001")}));
    // A filter keeps the order chosen.
    model.setFilter({QStringLiteral("ZJ"), {}, {}, {}, {}});
    QCOMPARE(serials(model), (QStringList{QStringLiteral("ZJ1002"), QStringLiteral("ZJ1001")}));
}

void TestUnmatchedRecordModel::displayRoles()
{
    M model(*m_db);
    const int row = serials(model).indexOf(QStringLiteral("ZJ1002"));
    QCOMPARE(model.index(row, M::CertificateNo).data().toString(), QStringLiteral("C-002"));
    QCOMPARE(model.index(row, M::InstrumentName).data().toString(), QStringLiteral("燃油加油机"));
    QCOMPARE(model.index(row, M::Model).data().toString(), QStringLiteral("JY-80"));
    QCOMPARE(model.index(row, M::Institution).data().toString(),
             QStringLiteral("宁波市计量测试研究院"));
    QCOMPARE(model.index(row, M::VerifiedAt).data().toString(), QStringLiteral("2026-05-10"));
    QCOMPARE(model.index(row, M::ValidUntil).data().toString(), QStringLiteral("2026-11-09"));
    QCOMPARE(model.index(row, M::Result).data().toString(), displayName(VerificationResult::Fail));
    QCOMPARE(model.index(row, 0).data(M::IdRole).toString(), model.idAt(row));
    QCOMPARE(model.rowOfId(model.idAt(row)), row);
    QCOMPARE(model.recordAt(row).certificateNo, QStringLiteral("C-002"));
    for (int column = 0; column < M::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestUnmatchedRecordModel::recordBecomesAnInstrument()
{
    VerificationRecord r;
    r.serialNo = QStringLiteral(" ＺＪ１００１ ");
    r.instrumentName = QStringLiteral(" 电子计价秤 ");
    r.model = QStringLiteral("ACS-30");
    r.institution = QStringLiteral("杭州市质量技术监督检测院");
    r.verifiedAt = QDate(2026, 3, 1);
    r.validUntil = QDate(2027, 2, 28);
    r.result = VerificationResult::Pass;
    r.location = QStringLiteral("一号站");
    const Instrument i = instrumentFromRecord(r);
    QCOMPARE(i.serialNo, QStringLiteral("ZJ1001"));
    QCOMPARE(i.name, QStringLiteral("电子计价秤"));
    QCOMPARE(i.model, QStringLiteral("ACS-30"));
    QCOMPARE(i.lastInstitution, r.institution);
    QCOMPARE(i.lastVerificationDate, r.verifiedAt);
    QCOMPARE(i.validUntil, r.validUntil);
    QCOMPARE(i.verificationResult, VerificationResult::Pass);
    QCOMPARE(i.installLocation, QStringLiteral("一号站"));
    QVERIFY(i.id.isEmpty());
}

void TestUnmatchedRecordModel::failedLoadIsReported()
{
    M model(*m_db);
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy failed(&model, &M::loadFailed);
    jl::models::failpoints::arm(QStringLiteral("model.verification_record.list"));
    model.refresh();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestUnmatchedRecordModel)
#include "tst_unmatchedrecordmodel.moc"
