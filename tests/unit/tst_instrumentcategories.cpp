// The bundled category catalogue and the category implied by an instrument's name.
#include "models/reference/instrumentcategories.h"

#include <QTest>

using namespace jl::models;

class TestInstrumentCategories final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bundledCatalogue();
    void categoryFromName_data();
    void categoryFromName();
    void damagedJsonRefused();
};

void TestInstrumentCategories::bundledCatalogue()
{
    const auto c = InstrumentCategories::bundled();
    QVERIFY(c.all().size() >= 15);
    QVERIFY(c.names().contains(QStringLiteral("燃油加油机")));
    QVERIFY(c.names().contains(QStringLiteral("电子计价秤")));
}

void TestInstrumentCategories::categoryFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("category");
    QTest::newRow("exact") << QStringLiteral("燃油加油机") << QStringLiteral("燃油加油机");
    QTest::newRow("tax-controlled dispenser")
        << QStringLiteral("税控燃油加油机") << QStringLiteral("燃油加油机");
    QTest::newRow("dc charger") << QStringLiteral("直流充电桩电能表")
                                << QStringLiteral("充电桩电能表（直流）");
    QTest::newRow("ac charger") << QStringLiteral("交流充电桩电能表")
                                << QStringLiteral("充电桩电能表（交流）");
    QTest::newRow("plain meter") << QStringLiteral("三相电能表") << QStringLiteral("电能表");
    QTest::newRow("scale") << QStringLiteral("电子计价秤") << QStringLiteral("电子计价秤");
    QTest::newRow("taxi") << QStringLiteral("出租汽车计价器") << QStringLiteral("出租汽车计价器");
    QTest::newRow("unknown") << QStringLiteral("游标卡尺") << QString();
}

void TestInstrumentCategories::categoryFromName()
{
    QFETCH(QString, name);
    QFETCH(QString, category);
    QCOMPARE(InstrumentCategories::bundled().categoryForName(name), category);
}

void TestInstrumentCategories::damagedJsonRefused()
{
    QVERIFY(!InstrumentCategories::fromJson("{").ok());
    QVERIFY(!InstrumentCategories::fromJson(R"({"categories":[{"code":"x"}]})").ok());
    QVERIFY(InstrumentCategories::fromJson(R"({"categories":[]})").ok());
}

QTEST_GUILESS_MAIN(TestInstrumentCategories)
#include "tst_instrumentcategories.moc"
