#include "ui/common/divisionselector.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

using jl::models::Divisions;
using jl::ui::DivisionSelector;

class TestDivisionSelector final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startsWithPlaceholders();
    void setCodeCascades();
    void setCodeAtCityLevel();
    void unknownCodeClears();
    void noStreetsOutsideZhejiang();
    void keyboardSelection();
    void tabMovesBetweenLevels();
    void defaultProvinceAndClear();

private:
    QComboBox *combo(const char *name) const
    {
        return m_selector->findChild<QComboBox *>(QLatin1String(name));
    }

    // keyClicks() takes Latin-1 only; a committed input-method character arrives like this.
    static void typeText(QWidget *widget, const QString &text)
    {
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, text, Qt::NoModifier);
    }

    Divisions m_divisions;
    DivisionSelector *m_selector = nullptr;
};

void TestDivisionSelector::initTestCase()
{
    m_divisions = Divisions::bundled();
    QVERIFY(!m_divisions.isEmpty());
}

void TestDivisionSelector::init()
{
    m_selector = new DivisionSelector(m_divisions);
    m_selector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_selector));
}

void TestDivisionSelector::cleanup()
{
    delete m_selector;
    m_selector = nullptr;
}

void TestDivisionSelector::startsWithPlaceholders()
{
    QStringList accessibleNames;
    for (const char *name : {"province", "city", "district", "street"}) {
        QComboBox *c = combo(name);
        QVERIFY2(c, name);
        QCOMPARE(c->currentIndex(), 0);
        QCOMPARE(c->currentText(), QStringLiteral("Please select…"));
        QVERIFY(!c->accessibleName().isEmpty());
        accessibleNames << c->accessibleName();
    }
    accessibleNames.removeDuplicates();
    QCOMPARE(accessibleNames.size(), 4);
    QCOMPARE(combo("province")->count(), 1 + 31);
    QVERIFY(combo("province")->isEnabled());
    QVERIFY(!combo("city")->isEnabled());
    QVERIFY(!combo("street")->isEnabled());
    QVERIFY(m_selector->code().isEmpty());
    QVERIFY(!m_selector->isStreetLevel());
}

void TestDivisionSelector::setCodeCascades()
{
    QSignalSpy changed(m_selector, &DivisionSelector::codeChanged);
    QVERIFY(m_selector->setCode(QStringLiteral("330106002")));
    QCOMPARE(combo("province")->currentText(), QStringLiteral("浙江省"));
    QCOMPARE(combo("city")->currentText(), QStringLiteral("杭州市"));
    QCOMPARE(combo("district")->currentText(), QStringLiteral("西湖区"));
    QCOMPARE(combo("street")->currentText(), QStringLiteral("北山街道"));
    QCOMPARE(combo("city")->count(), 1 + 11);
    QCOMPARE(combo("district")->count(), 1 + 13);
    QCOMPARE(m_selector->code(), QStringLiteral("330106002"));
    QVERIFY(m_selector->isStreetLevel());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("330106002"));

    // The same code again is no change.
    QVERIFY(m_selector->setCode(QStringLiteral("330106002")));
    QCOMPARE(changed.size(), 1);
}

void TestDivisionSelector::setCodeAtCityLevel()
{
    QVERIFY(m_selector->setCode(QStringLiteral("3302")));
    QCOMPARE(m_selector->code(), QStringLiteral("3302"));
    QCOMPARE(combo("city")->currentText(), QStringLiteral("宁波市"));
    QVERIFY(combo("district")->isEnabled());
    QCOMPARE(combo("district")->currentIndex(), 0);
    QVERIFY(!combo("street")->isEnabled());
    QVERIFY(!m_selector->isStreetLevel());
}

void TestDivisionSelector::unknownCodeClears()
{
    QVERIFY(m_selector->setCode(QStringLiteral("330106")));
    QSignalSpy changed(m_selector, &DivisionSelector::codeChanged);
    QVERIFY(!m_selector->setCode(QStringLiteral("339999")));
    QVERIFY(m_selector->code().isEmpty());
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.at(0).at(0).toString().isEmpty());
    QVERIFY(m_selector->setCode(QString()));
}

void TestDivisionSelector::noStreetsOutsideZhejiang()
{
    QVERIFY(m_selector->setCode(QStringLiteral("110101")));
    QCOMPARE(combo("district")->currentText(), QStringLiteral("东城区"));
    QVERIFY(!combo("street")->isEnabled());
    QCOMPARE(m_selector->code(), QStringLiteral("110101"));
}

void TestDivisionSelector::keyboardSelection()
{
    QSignalSpy changed(m_selector, &DivisionSelector::codeChanged);
    QComboBox *province = combo("province");
    // Type-ahead by first character: 浙 picks 浙江省.
    typeText(province, QStringLiteral("浙"));
    QCOMPARE(m_selector->code(), QStringLiteral("33"));
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("33"));

    QTest::keyClick(combo("city"), Qt::Key_Down); // the first city
    QCOMPARE(m_selector->code(), QStringLiteral("3301"));
    typeText(combo("district"), QStringLiteral("西"));
    QCOMPARE(m_selector->code(), QStringLiteral("330106"));
    QTest::keyClick(combo("street"), Qt::Key_Down);
    QCOMPARE(m_selector->code(), QStringLiteral("330106002"));
    QVERIFY(m_selector->isStreetLevel());
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("330106002"));

    // Another district empties the street level.
    QTest::keyClick(combo("district"), Qt::Key_Up);
    QCOMPARE(m_selector->code(), QStringLiteral("330105"));
    QCOMPARE(combo("street")->currentIndex(), 0);

    // Home goes back to the placeholder: the city becomes the value.
    QTest::keyClick(combo("district"), Qt::Key_Home);
    QCOMPARE(m_selector->code(), QStringLiteral("3301"));
    QVERIFY(!combo("street")->isEnabled());
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("3301"));
}

void TestDivisionSelector::tabMovesBetweenLevels()
{
    QVERIFY(m_selector->setCode(QStringLiteral("3301")));
    m_selector->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_selector));
    combo("province")->setFocus();
    QTRY_VERIFY(combo("province")->hasFocus());
    QTest::keyClick(combo("province"), Qt::Key_Tab);
    QTRY_VERIFY(combo("city")->hasFocus());
    QTest::keyClick(combo("city"), Qt::Key_Tab);
    QTRY_VERIFY(combo("district")->hasFocus());
}

void TestDivisionSelector::defaultProvinceAndClear()
{
    QSignalSpy changed(m_selector, &DivisionSelector::codeChanged);
    m_selector->setDefaultProvince(QStringLiteral("33"));
    QCOMPARE(m_selector->code(), QStringLiteral("33"));
    QCOMPARE(combo("province")->currentText(), QStringLiteral("浙江省"));
    QVERIFY(combo("city")->isEnabled());
    QVERIFY(m_selector->setCode(QStringLiteral("330106002")));
    m_selector->clear();
    QCOMPARE(m_selector->code(), QStringLiteral("33"));
    QCOMPARE(changed.size(), 3);

    // A default does not overwrite a choice already made.
    DivisionSelector other(m_divisions);
    QVERIFY(other.setCode(QStringLiteral("11")));
    other.setDefaultProvince(QStringLiteral("33"));
    QCOMPARE(other.code(), QStringLiteral("11"));
}

QTEST_MAIN(TestDivisionSelector)
#include "tst_divisionselector.moc"
