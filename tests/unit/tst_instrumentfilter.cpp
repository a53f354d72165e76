// The SQL of the instrument filters against the C++ rules: the warning-level expression
// against warningLevel(), the *complete* expression against InstrumentValidator, and every
// filter against a plain C++ predicate, on generated data plus the edge cases; LIKE escaping
// of % and _, the index-friendly serial prefix range, and user text never in the SQL.
#include "models/demo/demodata.h"
#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/instrumentfilter.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace jl::models;

namespace {

const QDate Today(2026, 11, 27);

} // namespace

class TestInstrumentFilter final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void prefixUpperBound_data();
    void prefixUpperBound();
    void warningSqlAgreesWithRule_data();
    void warningSqlAgreesWithRule();
    void completeSqlAgreesWithValidator();
    void filtersAgreeWithPredicates();
    void likeEscapesWildcards_data();
    void likeEscapesWildcards();
    void serialPrefixIsARange();
    void serialPrefixUsesAnIndex();
    void userTextIsBoundNeverInlined();

private:
    void insertRaw(Instrument i);
    QList<Instrument> all();
    QSet<QString> idsMatching(const InstrumentFilter &f, QDate today = Today,
                              WarningThresholds t = {});

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_next = 0;
};

void TestInstrumentFilter::insertRaw(Instrument i)
{
    // Straight into the table, bypassing the store's normalisation: data from a sync or an
    // older version may be untrimmed, and the SQL must judge it as the validator does.
    i.id = QStringLiteral("edge-%1").arg(++m_next);
    i.rev = 1;
    i.updatedAt = QDateTime(Today, QTime(8, 0), Qt::UTC);
    if (i.serialNo.isEmpty())
        i.serialNo = QStringLiteral("EDGE%1").arg(m_next);
    if (i.name.isEmpty())
        i.name = QStringLiteral("燃油加油机");
    QVariantList values = instrumentrow::values(i);
    for (QVariant &v : values) {
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            v = QStringLiteral("");
    }
    QStringList marks;
    for (int n = 0; n < values.size(); ++n)
        marks.append(QStringLiteral("?"));
    auto r = m_db->exec(QStringLiteral("test"),
                        QStringLiteral("INSERT INTO instrument (%1) VALUES (%2)")
                            .arg(instrumentrow::columns(), marks.join(QLatin1Char(','))),
                        values);
    QVERIFY2(r.ok(), qPrintable(r.error().detail));
}

QList<Instrument> TestInstrumentFilter::all()
{
    QList<Instrument> list;
    auto q =
        m_db->exec(QStringLiteral("test"), QStringLiteral("SELECT ") + instrumentrow::columns() +
                                               QStringLiteral(" FROM instrument"));
    while (q && q.value().next())
        list.append(instrumentrow::fromQuery(q.value()));
    return list;
}

QSet<QString> TestInstrumentFilter::idsMatching(const InstrumentFilter &f, QDate today,
                                                WarningThresholds t)
{
    const SqlWhere where = toSql(f, today, t);
    auto q =
        m_db->exec(QStringLiteral("test"),
                   QStringLiteral("SELECT id FROM instrument WHERE ") + where.clause, where.binds);
    if (!q) {
        qWarning() << q.error().detail << where.clause;
        return {QStringLiteral("<error>")};
    }
    QSet<QString> ids;
    while (q.value().next())
        ids.insert(q.value().value(0).toString());
    return ids;
}

void TestInstrumentFilter::initTestCase()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("filter.db")));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(db).value();
    auto demo = generateDemo(*m_db, {3000, 0, 42, Today});
    QVERIFY2(demo.ok(), qPrintable(demo.error().detail));

    // Edge cases the generator does not make.
    Instrument base;
    base.category = QStringLiteral("燃油加油机");
    base.model = QStringLiteral("ZXJ-2242");
    base.measuringRange = QStringLiteral("(5-50)L/min");
    base.manufacturer = QStringLiteral("正星科技股份有限公司");
    base.installLocation = QStringLiteral("杭州市西湖区文三路1号");
    base.divisionCode = QStringLiteral("330106005");
    base.installDate = QDate(2020, 1, 1);
    base.verificationPeriodMonths = 6;
    base.verificationResult = VerificationResult::Pass;
    for (int days : {-1, 0, 20, 21, 40, 41}) {
        Instrument i = base;
        i.validUntil = Today.addDays(days);
        insertRaw(i);
    }
    auto with = [&](const std::function<void(Instrument &)> &change) {
        Instrument i = base;
        i.validUntil = Today.addDays(100);
        change(i);
        insertRaw(i);
    };
    with([](Instrument &i) { i.model = QStringLiteral("   "); });
    with([](Instrument &i) { i.manufacturer = QString(QChar(0x3000)) + QChar(0x00A0); });
    with([](Instrument &i) { i.measuringRange = QStringLiteral("\t\r\n"); });
    with([](Instrument &i) { i.category.clear(); });
    with([](Instrument &i) { i.installLocation.clear(); });
    with([](Instrument &i) { i.divisionCode = QStringLiteral("330106"); });
    with([](Instrument &i) { i.divisionCode = QStringLiteral("330106005001"); });
    with([](Instrument &i) { i.installDate = QDate(); });
    with([](Instrument &i) { i.verificationPeriodMonths = 0; });
    with([](Instrument &i) { i.model = QStringLiteral(" 内有空格 "); });
    with([](Instrument &i) { i.verificationResult = VerificationResult::Fail; });
    with([](Instrument &i) { i.verificationResult = VerificationResult::None; });
    with([](Instrument &i) { i.validUntil = QDate(); });
    with([](Instrument &i) {
        i.verificationResult = VerificationResult::None;
        i.validUntil = Today;
    });
    with([](Instrument &i) {
        i.status = InstrumentStatus::Suspended;
        i.validUntil = Today.addDays(-5);
    });
    with([](Instrument &i) {
        i.lifecycle = Lifecycle::History;
        i.validUntil = Today.addDays(-5);
        i.removedAt = QDateTime(Today, QTime(9, 0), Qt::UTC);
    });
    with([](Instrument &i) {
        i.deleted = true;
        i.validUntil = Today.addDays(-5);
    });
    // An empty date, as a hand-edited or very old record may have: no certificate.
    with([](Instrument &i) { i.serialNo = QStringLiteral("EMPTY-DATE"); });
    QVERIFY(
        m_db->exec(QStringLiteral("test"), QStringLiteral("UPDATE instrument SET valid_until = '' "
                                                          "WHERE serial_no = 'EMPTY-DATE'"))
            .ok());
    for (const char *name :
         {"50%阀门", "50X阀门", "A_1计价秤", "A11计价秤", "back\\slash", "Ab_Cd"})
        with([name](Instrument &i) { i.name = QString::fromUtf8(name); });
    for (const char *serial : {"0012", "0013", "001", "00129", "002", "ABC", "ABD", "AB", "ab1"})
        with([serial](Instrument &i) { i.serialNo = QLatin1String(serial); });
}

void TestInstrumentFilter::cleanupTestCase()
{
    m_db.reset();
}

void TestInstrumentFilter::prefixUpperBound_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("bound");
    QTest::newRow("ascii") << QStringLiteral("abc") << QStringLiteral("abd");
    QTest::newRow("digits") << QStringLiteral("0019") << QStringLiteral("001:");
    QTest::newRow("chinese") << QStringLiteral("燃油") << QStringLiteral("燃沺");
    QTest::newRow("before surrogates") << QString(QChar(0xD7FF)) << QString(QChar(0xE000));
    QTest::newRow("bmp end") << QStringLiteral("a") + QChar(0xFFFF)
                             << QStringLiteral("a") + QString::fromUcs4(U"\U00010000", 1);
    QTest::newRow("carry") << QStringLiteral("a") + QString::fromUcs4(U"\U0010FFFF", 1)
                           << QStringLiteral("b");
    QTest::newRow("no bound") << QString::fromUcs4(U"\U0010FFFF", 1) << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestInstrumentFilter::prefixUpperBound()
{
    QFETCH(QString, prefix);
    QFETCH(QString, bound);
    QCOMPARE(jl::models::prefixUpperBound(prefix), bound);
}

void TestInstrumentFilter::warningSqlAgreesWithRule_data()
{
    QTest::addColumn<int>("shift");
    QTest::addColumn<int>("notice");
    QTest::addColumn<int>("warning");
    QTest::newRow("today, defaults") << 0 << 40 << 20;
    QTest::newRow("in 15 days") << 15 << 40 << 20;
    QTest::newRow("30 days ago") << -30 << 40 << 20;
    QTest::newRow("other thresholds") << 0 << 30 << 10;
}

void TestInstrumentFilter::warningSqlAgreesWithRule()
{
    QFETCH(int, shift);
    QFETCH(int, notice);
    QFETCH(int, warning);
    const QDate today = Today.addDays(shift);
    const WarningThresholds t{notice, warning};
    // The rule's SQL form, used for sorting, against the rule itself.
    auto q = m_db->exec(QStringLiteral("test"),
                        QStringLiteral("SELECT id, %1 FROM instrument").arg(warningLevelSql()),
                        warningSqlBinds(today, t));
    QVERIFY2(q.ok(), qPrintable(q.error().detail));
    QHash<QString, int> sqlLevel;
    while (q.value().next())
        sqlLevel.insert(q.value().value(0).toString(), q.value().value(1).toInt());
    QSet<int> seen;
    const QList<Instrument> instruments = all();
    for (const Instrument &i : instruments) {
        const int expected = int(warningLevel(i, today, t));
        seen.insert(expected);
        QVERIFY2(sqlLevel.value(i.id, -1) == expected, qPrintable(i.id));
    }
    QCOMPARE(seen.size(), 4);

    // And through the filter, level by level.
    for (int level = 0; level < 4; ++level) {
        InstrumentFilter f;
        f.warningLevel = WarningLevel(level);
        QSet<QString> expected;
        for (const Instrument &i : instruments) {
            if (!i.deleted && i.lifecycle == Lifecycle::Active &&
                int(warningLevel(i, today, t)) == level)
                expected.insert(i.id);
        }
        QCOMPARE(idsMatching(f, today, t), expected);
    }
}

void TestInstrumentFilter::completeSqlAgreesWithValidator()
{
    auto q =
        m_db->exec(QStringLiteral("test"),
                   QStringLiteral("SELECT id, %1 FROM instrument").arg(instrumentCompleteSql()));
    QVERIFY2(q.ok(), qPrintable(q.error().detail));
    QHash<QString, bool> sqlComplete;
    while (q.value().next())
        sqlComplete.insert(q.value().value(0).toString(), q.value().value(1).toInt() == 1);
    int incomplete = 0;
    const QList<Instrument> instruments = all();
    for (const Instrument &i : instruments) {
        const bool complete = InstrumentValidator::isComplete(i);
        incomplete += !complete;
        QVERIFY2(sqlComplete.value(i.id) == complete,
                 qPrintable(i.id + QLatin1Char(' ') +
                            InstrumentValidator::missingForComplete(i).join(QLatin1Char(','))));
    }
    QVERIFY(incomplete > 20);
}

void TestInstrumentFilter::filtersAgreeWithPredicates()
{
    const QList<Instrument> instruments = all();
    const QString someSite = instruments.at(17).siteId;
    struct Case {
        const char *what;
        InstrumentFilter filter;
        std::function<bool(const Instrument &)> matches;
    };
    auto f = [](auto change) {
        InstrumentFilter filter;
        change(filter);
        return filter;
    };
    const QList<Case> cases = {
        {"none",
         {},
         [](const Instrument &) {
             return true;
         }},
        {"history", f([](auto &x) { x.lifecycle = Lifecycle::History; }),
         [](const Instrument &) {
             return true;
         }},
        {"name", f([](auto &x) { x.name = QStringLiteral("电能表"); }),
         [](const Instrument &i) {
             return i.name.contains(QStringLiteral("电能表"));
         }},
        {"name, ASCII case", f([](auto &x) { x.name = QStringLiteral("ab_cd"); }),
         [](const Instrument &i) {
             return i.name == QLatin1String("Ab_Cd");
         }},
        {"serial", f([](auto &x) { x.serialNo = QStringLiteral("00"); }),
         [](const Instrument &i) {
             return i.serialNo.startsWith(QLatin1String("00"));
         }},
        {"serial full-width", f([](auto &x) { x.serialNo = QStringLiteral("　ＡＢ"); }),
         [](const Instrument &i) {
             return i.serialNo.startsWith(QLatin1String("AB"));
         }},
        {"suspended", f([](auto &x) { x.status = InstrumentStatus::Suspended; }),
         [](const Instrument &i) {
             return i.status == InstrumentStatus::Suspended;
         }},
        {"scrapped", f([](auto &x) { x.status = InstrumentStatus::Scrapped; }),
         [](const Instrument &i) {
             return i.status == InstrumentStatus::Scrapped;
         }},
        {"failed", f([](auto &x) { x.verificationResult = VerificationResult::Fail; }),
         [](const Instrument &i) {
             return i.verificationResult == VerificationResult::Fail;
         }},
        {"no result", f([](auto &x) { x.verificationResult = VerificationResult::None; }),
         [](const Instrument &i) {
             return i.verificationResult == VerificationResult::None;
         }},
        {"complete", f([](auto &x) { x.complete = true; }),
         [](const Instrument &i) {
             return InstrumentValidator::isComplete(i);
         }},
        {"incomplete", f([](auto &x) { x.complete = false; }),
         [](const Instrument &i) {
             return !InstrumentValidator::isComplete(i);
         }},
        {"site", f([&](auto &x) { x.siteId = someSite; }),
         [&](const Instrument &i) {
             return i.siteId == someSite;
         }},
        {"in appointment", f([](auto &x) { x.inAppointment = true; }),
         [](const Instrument &) {
             return false;
         }},
        {"not in appointment", f([](auto &x) { x.inAppointment = false; }),
         [](const Instrument &) {
             return true;
         }},
        {"combined", f([](auto &x) {
             x.name = QStringLiteral("加油机");
             x.warningLevel = WarningLevel::Alert;
             x.complete = true;
             x.status = InstrumentStatus::InUse;
         }),
         [](const Instrument &i) {
             return i.name.contains(QStringLiteral("加油机")) &&
                    warningLevel(i, Today) == WarningLevel::Alert &&
                    InstrumentValidator::isComplete(i) && i.status == InstrumentStatus::InUse;
         }},
    };
    for (const Case &c : cases) {
        QSet<QString> expected;
        for (const Instrument &i : instruments) {
            if (!i.deleted && i.lifecycle == c.filter.lifecycle && c.matches(i))
                expected.insert(i.id);
        }
        const QSet<QString> got = idsMatching(c.filter);
        QVERIFY2(got == expected, qPrintable(QStringLiteral("%1: %2 rows, expected %3")
                                                 .arg(QLatin1String(c.what))
                                                 .arg(got.size())
                                                 .arg(expected.size())));
        QVERIFY2(!expected.isEmpty() || QByteArrayView(c.what) == "in appointment", c.what);
    }
}

void TestInstrumentFilter::likeEscapesWildcards_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("percent") << QStringLiteral("50%") << QStringList{QStringLiteral("50%阀门")};
    QTest::newRow("underscore") << QStringLiteral("A_1")
                                << QStringList{QStringLiteral("A_1计价秤")};
    QTest::newRow("backslash") << QStringLiteral("\\")
                               << QStringList{QStringLiteral("back\\slash")};
    QTest::newRow("trimmed") << QStringLiteral("  50X ") << QStringList{QStringLiteral("50X阀门")};
}

void TestInstrumentFilter::likeEscapesWildcards()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, names);
    InstrumentFilter f;
    f.name = typed;
    const SqlWhere where = toSql(f, Today);
    auto q = m_db->exec(QStringLiteral("test"),
                        QStringLiteral("SELECT name FROM instrument WHERE ") + where.clause,
                        where.binds);
    QVERIFY(q.ok());
    QStringList got;
    while (q.value().next())
        got.append(q.value().value(0).toString());
    QCOMPARE(got, names);
}

void TestInstrumentFilter::serialPrefixIsARange()
{
    InstrumentFilter f;
    f.serialNo = QStringLiteral("0012");
    const SqlWhere where = toSql(f, Today);
    QCOMPARE(where.binds.value(QStringLiteral(":f_serial")).toString(), QStringLiteral("0012"));
    QCOMPARE(where.binds.value(QStringLiteral(":f_serial_next")).toString(),
             QStringLiteral("0013"));
    QVERIFY(!where.clause.contains(QLatin1String("LIKE")));
    const QList<Instrument> instruments = all();
    QSet<QString> expected;
    for (const Instrument &i : instruments) {
        if (!i.deleted && i.lifecycle == Lifecycle::Active &&
            i.serialNo.startsWith(QLatin1String("0012")))
            expected.insert(i.id);
    }
    QVERIFY(expected.size() >= 2); // 0012 and 00129, not 0013
    QCOMPARE(idsMatching(f), expected);
}

void TestInstrumentFilter::serialPrefixUsesAnIndex()
{
    InstrumentFilter f;
    f.serialNo = QStringLiteral("0012");
    const SqlWhere where = toSql(f, Today);
    auto q = m_db->exec(QStringLiteral("test"),
                        QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM instrument WHERE ") +
                            where.clause,
                        where.binds);
    QVERIFY(q.ok());
    QString plan;
    while (q.value().next())
        plan += q.value().value(3).toString() + QLatin1Char('\n');
    QVERIFY2(plan.contains(QLatin1String("USING INDEX")) &&
                 plan.contains(QLatin1String("serial_no>")),
             qPrintable(plan));
}

void TestInstrumentFilter::userTextIsBoundNeverInlined()
{
    InstrumentFilter f;
    f.name = QStringLiteral("x' OR 1=1 --");
    f.serialNo = QStringLiteral("'; DROP TABLE instrument; --");
    f.siteId = QStringLiteral("' OR ''='");
    const SqlWhere where = toSql(f, Today);
    for (const QString &text : {f.name, f.serialNo, f.siteId})
        QVERIFY(!where.clause.contains(text));
    QVERIFY(idsMatching(f).isEmpty());
    QVERIFY(!all().isEmpty());
}

QTEST_GUILESS_MAIN(TestInstrumentFilter)
#include "tst_instrumentfilter.moc"
