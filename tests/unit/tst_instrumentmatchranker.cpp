// The candidates of an unmatched verification record: the scoring of one pair (typos,
// swapped neighbours, leading zeros, separators, name and model ties, location) and the
// ranking over a real store (kept serials and the name index, only active instruments,
// best first, nothing when nothing is alike).
#include "models/domain/verificationrecord.h"
#include "models/rules/instrumentmatchranker.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace jl::models;
using K = MatchReason::Kind;

namespace {

VerificationRecord record(const QString &serial, const QString &name = {},
                          const QString &model = {})
{
    VerificationRecord r;
    r.serialNo = serial;
    r.instrumentName = name;
    r.model = model;
    return r;
}

Instrument instrument(const QString &serial, const QString &name = QStringLiteral("电子计价秤"),
                      const QString &model = {})
{
    Instrument i;
    i.serialNo = serial;
    i.name = name;
    i.model = model;
    return i;
}

QStringList serials(const QList<MatchCandidate> &candidates)
{
    QStringList list;
    for (const MatchCandidate &c : candidates)
        list.append(c.instrument.serialNo);
    return list;
}

} // namespace

class TestInstrumentMatchRanker final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void editDistance_data();
    void editDistance();
    void serialKeyDropsSeparatorsAndCase();
    void scoreKinds_data();
    void scoreKinds();
    void sameSerialIsCertain();
    void nameAloneIsNoCandidate();
    void nameWithModelOrLocationIsACandidate();
    void confidenceNeverExceedsBounds();

    void typoOfTheSerialRanksFirst();
    void transpositionRanksAboveTwoTypos();
    void nameAndModelBreakTies();
    void equalCandidatesOrderedBySerial();
    void noCandidates();
    void onlyActiveInstruments();
    void sameNameFoundWhenSerialIsWhollyWrong();
    void limitIsKept();
    void keptSerialsUntilInvalidated();

private:
    Instrument add(const Instrument &i);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<InstrumentStore> m_store;
};

void TestInstrumentMatchRanker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("local.db")));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(db.value());
    m_store = std::make_unique<InstrumentStore>(*m_db, QStringLiteral("test"));
}

void TestInstrumentMatchRanker::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

Instrument TestInstrumentMatchRanker::add(const Instrument &i)
{
    auto created = m_store->create(i);
    if (!created) {
        qWarning() << created.error().message;
        return {};
    }
    return created.value();
}

void TestInstrumentMatchRanker::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("cap");
    QTest::addColumn<int>("distance");
    QTest::newRow("equal") << "ABC123"
                           << "ABC123" << 64 << 0;
    QTest::newRow("one replaced") << "ABC123"
                                  << "ABC124" << 64 << 1;
    QTest::newRow("one inserted") << "ABC123"
                                  << "ABC1234" << 64 << 1;
    QTest::newRow("one deleted") << "ABC123"
                                 << "AB123" << 64 << 1;
    QTest::newRow("neighbours swapped") << "ABC123"
                                        << "ABC213" << 64 << 1;
    QTest::newRow("kitten") << "kitten"
                            << "sitting" << 64 << 3;
    QTest::newRow("empty") << ""
                           << "ABC" << 64 << 3;
    QTest::newRow("capped") << "12345678"
                            << "87654321" << 3 << 4;
    QTest::newRow("lengths beyond cap") << "1"
                                        << "123456" << 2 << 3;
}

void TestInstrumentMatchRanker::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, cap);
    QFETCH(int, distance);
    QCOMPARE(InstrumentMatchRanker::editDistance(a, b, cap), distance);
    QCOMPARE(InstrumentMatchRanker::editDistance(b, a, cap), distance);
}

void TestInstrumentMatchRanker::serialKeyDropsSeparatorsAndCase()
{
    QCOMPARE(InstrumentMatchRanker::serialKey(QStringLiteral(" ab-12/34 ")),
             QStringLiteral("AB1234"));
    QCOMPARE(InstrumentMatchRanker::serialKey(QStringLiteral("ＡＢ１２３")),
             QStringLiteral("AB123"));
}

void TestInstrumentMatchRanker::scoreKinds_data()
{
    QTest::addColumn<QString>("recordSerial");
    QTest::addColumn<QString>("instrumentSerial");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::newRow("one typo") << "ZJ2026001235"
                              << "ZJ2026001234" << int(K::SerialDiffers) << 1;
    QTest::newRow("one missing") << "ZJ202600123"
                                 << "ZJ2026001234" << int(K::SerialDiffers) << 1;
    QTest::newRow("swap") << "330120210012"
                          << "330120210021" << int(K::SerialTransposed) << 0;
    QTest::newRow("two typos") << "ZJ2026001299"
                               << "ZJ2026001234" << int(K::SerialDiffers) << 2;
    QTest::newRow("three typos") << "ZJ2026009994"
                                 << "ZJ2026001234" << int(K::SerialDiffers) << 3;
    QTest::newRow("case and dashes") << "zj-2026-001234"
                                     << "ZJ2026001234" << int(K::SerialCaseOrSeparators) << 0;
    QTest::newRow("leading zeros") << "000123456"
                                   << "123456" << int(K::SerialLeadingZeros) << 0;
    QTest::newRow("contained") << "3301202100001234"
                               << "00001234" << int(K::SerialContains) << 0;
    QTest::newRow("long run") << "AB1234567890XY"
                              << "QQ1234567890ZZ" << int(K::SerialSharesPart) << 10;
}

void TestInstrumentMatchRanker::scoreKinds()
{
    QFETCH(QString, recordSerial);
    QFETCH(QString, instrumentSerial);
    QFETCH(int, kind);
    QFETCH(int, count);
    const auto c = InstrumentMatchRanker::score(record(recordSerial, QStringLiteral("电子计价秤")),
                                                instrument(instrumentSerial));
    QVERIFY(c.has_value());
    QCOMPARE(int(c->reasons.constFirst().kind), kind);
    QCOMPARE(c->reasons.constFirst().count, count);
    QVERIFY(c->has(K::SameName));
    QVERIFY(c->confidence > 0 && c->confidence < 100);
    QVERIFY(!c->reasons.constFirst().text().isEmpty());
    QVERIFY(c->reasonText().contains(MatchReason{K::SameName}.text()));
}

void TestInstrumentMatchRanker::sameSerialIsCertain()
{
    const auto c = InstrumentMatchRanker::score(
        record(QStringLiteral(" ZJ2026001234 "), QStringLiteral("燃油加油机")),
        instrument(QStringLiteral("ZJ2026001234")));
    QVERIFY(c.has_value());
    QCOMPARE(c->confidence, 100);
    QVERIFY(c->has(K::SameSerial));
    QVERIFY(!c->has(K::SameName));
}

void TestInstrumentMatchRanker::nameAloneIsNoCandidate()
{
    QVERIFY(!InstrumentMatchRanker::score(
                 record(QStringLiteral("AA11"), QStringLiteral("电子计价秤"), QStringLiteral("X1")),
                 instrument(QStringLiteral("ZJ9999"), QStringLiteral("电子计价秤"),
                            QStringLiteral("Y2")))
                 .has_value());
    // A shared year is no likeness of the serial.
    QVERIFY(!InstrumentMatchRanker::score(record(QStringLiteral("ZJ2026001234")),
                                          instrument(QStringLiteral("HZ2026987654")))
                 .has_value());
}

void TestInstrumentMatchRanker::nameWithModelOrLocationIsACandidate()
{
    auto c = InstrumentMatchRanker::score(
        record(QStringLiteral("AA11"), QStringLiteral("电子计价秤"), QStringLiteral("acs-30")),
        instrument(QStringLiteral("ZJ9999"), QStringLiteral("电子计价秤"),
                   QStringLiteral("ACS30")));
    QVERIFY(c.has_value());
    QVERIFY(c->has(K::SameName));
    QVERIFY(c->has(K::SameModel));
    QCOMPARE(c->reasons.size(), 2);

    VerificationRecord r = record(QStringLiteral("AA11"), QStringLiteral("电子计价秤"));
    r.location = QStringLiteral("杭州市西湖区文三路1号");
    Instrument i = instrument(QStringLiteral("ZJ9999"));
    i.installLocation = QStringLiteral("杭州市西湖区文三路1号");
    c = InstrumentMatchRanker::score(r, i);
    QVERIFY(c.has_value());
    QVERIFY(c->has(K::SameLocation));
}

void TestInstrumentMatchRanker::confidenceNeverExceedsBounds()
{
    VerificationRecord r = record(QStringLiteral("zj-2026-001234"), QStringLiteral("电子计价秤"),
                                  QStringLiteral("A1"));
    r.location = QStringLiteral("一号站");
    Instrument i = instrument(QStringLiteral("ZJ2026001234"), QStringLiteral("电子计价秤"),
                              QStringLiteral("A1"));
    i.installLocation = QStringLiteral("一号站");
    const auto c = InstrumentMatchRanker::score(r, i);
    QVERIFY(c.has_value());
    QCOMPARE(c->confidence, 99); // only the very serial is certain
}

void TestInstrumentMatchRanker::typoOfTheSerialRanksFirst()
{
    add(instrument(QStringLiteral("ZJ2026009999"), QStringLiteral("电子计价秤"),
                   QStringLiteral("ACS-30")));
    add(instrument(QStringLiteral("ZJ2026001234"), QStringLiteral("电子计价秤"),
                   QStringLiteral("ACS-30")));
    add(instrument(QStringLiteral("ZJ2026001299"), QStringLiteral("电子计价秤"),
                   QStringLiteral("ACS-30")));
    add(instrument(QStringLiteral("HZ0000000001"), QStringLiteral("燃油加油机")));
    const InstrumentMatchRanker ranker(*m_db);
    const auto ranked = ranker.rank(record(QStringLiteral("ZJ2026001235"),
                                           QStringLiteral("电子计价秤"), QStringLiteral("ACS-30")));
    QVERIFY2(ranked.ok(), qPrintable(ranked.error().message));
    QCOMPARE(serials(ranked.value()),
             (QStringList{QStringLiteral("ZJ2026001234"), QStringLiteral("ZJ2026001299"),
                          QStringLiteral("ZJ2026009999")}));
    const MatchCandidate &best = ranked->constFirst();
    QCOMPARE(best.reasons,
             (QList<MatchReason>{{K::SerialDiffers, 1}, {K::SameName}, {K::SameModel}}));
    QVERIFY(best.confidence > ranked->at(1).confidence);
    QVERIFY(ranked->at(1).confidence > ranked->at(2).confidence);
}

void TestInstrumentMatchRanker::transpositionRanksAboveTwoTypos()
{
    add(instrument(QStringLiteral("330120210099")));
    add(instrument(QStringLiteral("330120210021")));
    const InstrumentMatchRanker ranker(*m_db);
    const auto ranked =
        ranker.rank(record(QStringLiteral("330120210012"), QStringLiteral("电子计价秤")));
    QVERIFY(ranked.ok());
    QCOMPARE(serials(ranked.value()),
             (QStringList{QStringLiteral("330120210021"), QStringLiteral("330120210099")}));
    QVERIFY(ranked->constFirst().has(K::SerialTransposed));
}

void TestInstrumentMatchRanker::nameAndModelBreakTies()
{
    // Each one typo away from the record: the name, then the model decide.
    add(instrument(QStringLiteral("SN-000101"), QStringLiteral("燃油加油机"),
                   QStringLiteral("M1")));
    add(instrument(QStringLiteral("SN-000102"), QStringLiteral("电子计价秤"),
                   QStringLiteral("M9")));
    add(instrument(QStringLiteral("SN-000103"), QStringLiteral("电子计价秤"),
                   QStringLiteral("M1")));
    const InstrumentMatchRanker ranker(*m_db);
    const auto ranked = ranker.rank(
        record(QStringLiteral("SN-000100"), QStringLiteral("电子计价秤"), QStringLiteral("M1")));
    QVERIFY(ranked.ok());
    QCOMPARE(serials(ranked.value()),
             (QStringList{QStringLiteral("SN-000103"), QStringLiteral("SN-000102"),
                          QStringLiteral("SN-000101")}));
}

void TestInstrumentMatchRanker::equalCandidatesOrderedBySerial()
{
    add(instrument(QStringLiteral("AB1239")));
    add(instrument(QStringLiteral("AB1231")));
    const InstrumentMatchRanker ranker(*m_db);
    const auto ranked = ranker.rank(record(QStringLiteral("AB1230"), QStringLiteral("电子计价秤")));
    QVERIFY(ranked.ok());
    QCOMPARE(serials(ranked.value()),
             (QStringList{QStringLiteral("AB1231"), QStringLiteral("AB1239")}));
    QCOMPARE(ranked->at(0).confidence, ranked->at(1).confidence);
}

void TestInstrumentMatchRanker::noCandidates()
{
    const InstrumentMatchRanker ranker(*m_db);
    auto ranked = ranker.rank(record(QStringLiteral("ZJ2026001235"), QStringLiteral("电子计价秤")));
    QVERIFY(ranked.ok());
    QVERIFY(ranked->isEmpty()); // an empty library

    add(instrument(QStringLiteral("HZ7777777777"), QStringLiteral("燃油加油机")));
    add(instrument(QStringLiteral("QQ55555"), QStringLiteral("电子计价秤")));
    ranked = ranker.rank(record(QStringLiteral("ZJ2026001235"), QStringLiteral("电子计价秤"),
                                QStringLiteral("ACS-30")));
    QVERIFY(ranked.ok());
    QVERIFY(ranked->isEmpty());
    ranked = ranker.rank(record(QString()));
    QVERIFY(ranked.ok());
    QVERIFY(ranked->isEmpty());
}

void TestInstrumentMatchRanker::onlyActiveInstruments()
{
    const Instrument gone = add(instrument(QStringLiteral("ZJ2026001234")));
    QVERIFY(m_store->moveToHistory({gone.id}).ok());
    add(instrument(QStringLiteral("ZJ2026001299")));
    const InstrumentMatchRanker ranker(*m_db);
    const auto ranked =
        ranker.rank(record(QStringLiteral("ZJ2026001235"), QStringLiteral("电子计价秤")));
    QVERIFY(ranked.ok());
    QCOMPARE(serials(ranked.value()), QStringList{QStringLiteral("ZJ2026001299")});
}

void TestInstrumentMatchRanker::sameNameFoundWhenSerialIsWhollyWrong()
{
    add(instrument(QStringLiteral("QX-77"), QStringLiteral("燃油加油机"), QStringLiteral("JY-80")));
    add(instrument(QStringLiteral("QX-78"), QStringLiteral("燃油加油机"), QStringLiteral("ZZ-1")));
    const InstrumentMatchRanker ranker(*m_db);
    const auto ranked = ranker.rank(
        record(QStringLiteral("20260001"), QStringLiteral("燃油加油机"), QStringLiteral("JY80")));
    QVERIFY(ranked.ok());
    QCOMPARE(serials(ranked.value()), QStringList{QStringLiteral("QX-77")});
    QVERIFY(ranked->constFirst().confidence >= InstrumentMatchRanker::MinConfidence);
}

void TestInstrumentMatchRanker::limitIsKept()
{
    for (int n = 0; n < 10; ++n)
        add(instrument(QStringLiteral("LM55500%1").arg(n)));
    const InstrumentMatchRanker ranker(*m_db);
    const auto ranked =
        ranker.rank(record(QStringLiteral("LM555000"), QStringLiteral("电子计价秤")), 3);
    QVERIFY(ranked.ok());
    QCOMPARE(ranked->size(), 3);
    QCOMPARE(ranked->constFirst().instrument.serialNo, QStringLiteral("LM555000"));
    QCOMPARE(ranked->constFirst().confidence, 100);
}

void TestInstrumentMatchRanker::keptSerialsUntilInvalidated()
{
    InstrumentMatchRanker ranker(*m_db);
    const VerificationRecord r =
        record(QStringLiteral("ZJ2026001235"), QStringLiteral("燃油加油机"));
    QVERIFY(ranker.rank(r)->isEmpty());
    add(instrument(QStringLiteral("ZJ2026001234")));
    QVERIFY(ranker.rank(r)->isEmpty()); // the serials read before
    ranker.invalidate();
    QCOMPARE(serials(ranker.rank(r).value()), QStringList{QStringLiteral("ZJ2026001234")});
}

QTEST_GUILESS_MAIN(TestInstrumentMatchRanker)
#include "tst_instrumentmatchranker.moc"
