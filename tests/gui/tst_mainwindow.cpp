// The real main window, offscreen, over a database in a temporary folder: the frame
// (navigation, tabs, status bar, help, restore at start), the home page, and adding and
// finding instruments through the keyboard. The library actions on a selection are in
// tst_instrumentlibrary.
#include "mainwindowfixture.h"

#include "models/domain/instrumentvalidator.h"
#include "ui/common/filterbar.h"
#include "ui/common/listfooter.h"
#include "ui/home/homescreen.h"
#include "ui/home/statcard.h"
#include "ui/instruments/instrumentscreens.h"
#include "ui/mainwindow/navigationtree.h"
#include "ui/mainwindow/screentabs.h"

#include <QApplication>
#include <QLineEdit>
#include <QTabBar>

using namespace jl;
using test::type;
using ui::ScriptedDialogs;

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.open()); }
    void cleanupTestCase() { m_fixture.close(); }

    void startsWithThePinnedHome();
    void navigationOpensTheLibrary();
    void formShowsErrorsInlineAndAddsWithCtrlS();
    void addedInstrumentsAppearInTheListAndStatusBar();
    void filtersByNameAndSerial();
    void ctrlFFocusesTheFirstFilterFromAnywhere();
    void homeCardsOpenTheFilteredList();
    void tabsOpenSwitchAndClose();
    void f1ShowsHelpForTheScreen();
    void openTabsAreRestoredAtStart();

private:
    ui::MainWindow &window() const { return m_fixture.window(); }

    test::MainWindowFixture m_fixture;
};

void TestMainWindow::startsWithThePinnedHome()
{
    ui::ScreenTabs *tabs = window().tabs();
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(window().currentScreenId(), QLatin1String(ui::ScreenIds::Home));
    QVERIFY(tabs->isPinned(0));
    QVERIFY(!tabs->tabBar()->tabButton(0, QTabBar::RightSide));
    QCOMPARE(window().pendingText(), ui::MainWindow::tr("%n change(s) not yet synced", nullptr, 0));
    QVERIFY(!window().connectionText().isEmpty());
    auto *home = qobject_cast<ui::HomeScreen *>(window().currentScreen());
    QVERIFY(home);
    QCOMPARE(home->activeCard()->valueText(), QStringLiteral("0"));
}

void TestMainWindow::navigationOpensTheLibrary()
{
    ui::NavigationTree *navigation = window().navigation();
    QTreeWidgetItem *item = navigation->itemFor(QLatin1String(ui::ScreenIds::ActiveInstruments));
    QVERIFY(item);
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                      navigation->visualItemRect(item).center());
    QCOMPARE(window().currentScreenId(), QLatin1String(ui::ScreenIds::ActiveInstruments));
    QCOMPARE(window().tabs()->count(), 2);
    auto *screen = m_fixture.active();
    QCOMPARE(screen->list()->rowCount(), 0);
    QCOMPARE(screen->list()->table()->emptyText(),
             ui::ActiveInstrumentsScreen::tr("No instruments yet. Add one with New (Ctrl+N)."));
    QVERIFY(!screen->editAction()->isEnabled());
    QVERIFY(!screen->moveToHistoryAction()->isEnabled());
}

void TestMainWindow::formShowsErrorsInlineAndAddsWithCtrlS()
{
    ui::ActiveInstrumentsScreen *screen = m_fixture.active();
    QVERIFY(m_fixture.activate(&window()));
    screen->list()->table()->setFocus();
    QTest::keyClick(screen->list()->table(), Qt::Key_N, Qt::ControlModifier);
    auto *form = m_fixture.waitForDialog<ui::InstrumentForm>();
    QVERIFY(form);
    QWidget *serial = form->editor(QStringLiteral("serialNo"))->widget();
    QWidget *name = form->editor(QStringLiteral("name"))->widget();

    // Leaving an empty required field says so under it; the others stay quiet until visited.
    name->setFocus();
    QTRY_VERIFY(name->hasFocus());
    serial->setFocus();
    QTRY_VERIFY(!form->errorText(QStringLiteral("name")).isEmpty());
    QVERIFY(form->errorText(QStringLiteral("serialNo")).isEmpty());

    // Save with errors: every one shown, nothing written.
    QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!form->errorText(QStringLiteral("serialNo")).isEmpty());
    QVERIFY(form->isVisible());
    QCOMPARE(screen->list()->rowCount(), 0);

    type(serial, QStringLiteral("ＳＮ0001")); // full width, as a Chinese IME types
    type(name, QStringLiteral("燃油加油机"));
    QVERIFY(form->errorText(QStringLiteral("name")).isEmpty()); // cleared while typing
    // The category follows the name until the user picks one.
    QCOMPARE(form->editor(QStringLiteral("category"))->value().toString(),
             QStringLiteral("燃油加油机"));
    QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(m_fixture.dialogGone());
    QTRY_COMPARE(screen->list()->rowCount(), 1);
    QCOMPARE(test::MainWindowFixture::rowOfSerial(screen->list(), QStringLiteral("SN0001")), 0);
}

void TestMainWindow::addedInstrumentsAppearInTheListAndStatusBar()
{
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("SN0002"), QStringLiteral("电子计价秤")));
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("AB0003"), QStringLiteral("电子计价秤")));
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("AB0004"), QStringLiteral("燃油加油机")));
    ui::ListScreen *list = m_fixture.active()->list();
    QCOMPARE(list->rowCount(), 4);
    QCOMPARE(list->footer()->countText(), ui::ListFooter::tr("%n record(s) in total", nullptr, 4));
    QCOMPARE(window().pendingText(), ui::MainWindow::tr("%n change(s) not yet synced", nullptr, 4));
    // None has a verification record yet: all four are 警示, counted in the navigation.
    QTreeWidgetItem *entry =
        window().navigation()->itemFor(QLatin1String(ui::ScreenIds::ActiveInstruments));
    QCOMPARE(entry->text(0), ui::NavigationTree::tr("%1 (%2)")
                                 .arg(ui::InstrumentScreens::tr("Active instruments"))
                                 .arg(4));
    // Unsynced rows carry the marker role.
    QVERIFY(list->table()
                ->model()
                ->index(0, 0)
                .data(models::InstrumentTableModel::PendingSyncRole)
                .toBool());

    // The same serial again: the store refuses, the form says why and stays open.
    QVERIFY(m_fixture.activate(&window()));
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_N, Qt::ControlModifier);
    auto *form = m_fixture.waitForDialog<ui::InstrumentForm>();
    QVERIFY(form);
    type(form->editor(QStringLiteral("serialNo"))->widget(), QStringLiteral("SN0001"));
    type(form->editor(QStringLiteral("name"))->widget(), QStringLiteral("x"));
    m_fixture.dialogs().clear();
    QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Critical), 1);
    QVERIFY(m_fixture.dialogs().lastRequest().text.contains(QLatin1String("SN0001")));
    QVERIFY(form->isVisible());
    QTest::keyClick(form, Qt::Key_Escape);
    QVERIFY(m_fixture.dialogGone());
    QCOMPARE(list->rowCount(), 4);
}

void TestMainWindow::filtersByNameAndSerial()
{
    ui::ListScreen *list = m_fixture.active()->list();
    const QString nameLabel = models::InstrumentValidator::fieldLabel(QStringLiteral("name"));
    const QString serialLabel = models::InstrumentValidator::fieldLabel(QStringLiteral("serialNo"));
    QLineEdit *name = nullptr;
    QLineEdit *serial = nullptr;
    for (QLineEdit *edit : list->filterBar()->findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == nameLabel)
            name = edit;
        else if (edit->accessibleName() == serialLabel)
            serial = edit;
    }
    QVERIFY(name && serial);

    type(name, QStringLiteral("计价秤")); // applies after the typing pause
    QTRY_COMPARE(list->rowCount(), 2);
    list->filterBar()->reset();
    QCOMPARE(list->rowCount(), 4);

    type(serial, QStringLiteral("AB"));
    QTest::keyClick(serial, Qt::Key_Return);
    QCOMPARE(list->rowCount(), 2);
    type(serial, QStringLiteral("99"));
    QTest::keyClick(serial, Qt::Key_Return);
    QCOMPARE(list->rowCount(), 0);
    QCOMPARE(list->table()->emptyText(),
             ui::ActiveInstrumentsScreen::tr(
                 "No instruments match the filter. Press Reset to see them all."));
    list->filterBar()->reset();
    QCOMPARE(list->rowCount(), 4);
}

void TestMainWindow::ctrlFFocusesTheFirstFilterFromAnywhere()
{
    ui::ActiveInstrumentsScreen *screen = m_fixture.active();
    QVERIFY(m_fixture.activate(&window()));
    window().navigation()->setFocus();
    QTRY_VERIFY(window().navigation()->hasFocus());
    QTest::keyClick(window().navigation(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), screen->list()->filterBar()->firstField());
    QCOMPARE(screen->list()->table()->accessibleName(),
             ui::ListScreen::tr("%1 list").arg(ui::InstrumentScreens::tr("Active instruments")));
}

void TestMainWindow::homeCardsOpenTheFilteredList()
{
    auto *home =
        qobject_cast<ui::HomeScreen *>(window().openScreen(QLatin1String(ui::ScreenIds::Home)));
    QVERIFY(home);
    QCOMPARE(home->activeCard()->valueText(), QStringLiteral("4"));
    QCOMPARE(home->historyCard()->valueText(), QStringLiteral("0"));
    // Never verified: every new instrument is 警示.
    QCOMPARE(home->alertCard()->valueText(), QStringLiteral("4"));
    QTest::mouseClick(home->alertCard(), Qt::LeftButton);
    QCOMPARE(window().currentScreenId(), QLatin1String(ui::ScreenIds::ActiveInstruments));
    ui::ListScreen *list = m_fixture.active()->list();
    QCOMPARE(list->filterBar()->value(QStringLiteral("warningLevel")).toString(),
             QStringLiteral("alert"));
    QVERIFY(list->filterBar()->isExpanded()); // the filter is shown, not hidden
    QCOMPARE(list->rowCount(), 4);

    window().openScreen(QLatin1String(ui::ScreenIds::Home));
    QTest::mouseClick(home->noticeCard(), Qt::LeftButton);
    QCOMPARE(list->rowCount(), 0);
    window().openScreen(QLatin1String(ui::ScreenIds::Home));
    QTest::mouseClick(home->activeCard(), Qt::LeftButton);
    QVERIFY(!list->filterBar()->isFiltering());
    QCOMPARE(list->rowCount(), 4);
}

void TestMainWindow::tabsOpenSwitchAndClose()
{
    ui::ScreenTabs *tabs = window().tabs();
    window().openScreen(QLatin1String(ui::ScreenIds::ActiveInstruments));
    window().openScreen(QLatin1String(ui::ScreenIds::HistoryInstruments));
    QCOMPARE(tabs->count(), 3);
    // Opening an open screen switches to it.
    window().openScreen(QLatin1String(ui::ScreenIds::ActiveInstruments));
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(window().currentScreenId(), QLatin1String(ui::ScreenIds::ActiveInstruments));

    QVERIFY(m_fixture.activate(&window()));
    tabs->currentWidget()->setFocus();
    const int start = tabs->currentIndex();
    QTest::keyClick(&window(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), (start + 1) % 3);
    QTest::keyClick(&window(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), (start + 2) % 3);

    window().openScreen(QLatin1String(ui::ScreenIds::HistoryInstruments));
    QTest::keyClick(&window(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->indexOfScreen(QLatin1String(ui::ScreenIds::HistoryInstruments)), -1);

    // The pinned home stays.
    window().openScreen(QLatin1String(ui::ScreenIds::Home));
    QTest::keyClick(&window(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 2);

    // Middle click closes.
    window().openScreen(QLatin1String(ui::ScreenIds::HistoryInstruments));
    const int index = tabs->indexOfScreen(QLatin1String(ui::ScreenIds::HistoryInstruments));
    QTest::mouseClick(tabs->tabBar(), Qt::MiddleButton, {},
                      tabs->tabBar()->tabRect(index).center());
    QCOMPARE(tabs->count(), 2);

    window().openScreen(QLatin1String(ui::ScreenIds::HistoryInstruments));
    QCOMPARE(tabs->count(), 3);
}

void TestMainWindow::f1ShowsHelpForTheScreen()
{
    window().openScreen(QLatin1String(ui::ScreenIds::HistoryInstruments));
    m_fixture.dialogs().clear();
    QVERIFY(m_fixture.activate(&window()));
    QTest::keyClick(&window(), Qt::Key_F1);
    QCOMPARE(m_fixture.dialogs().count(ScriptedDialogs::Kind::Information), 1);
    QVERIFY(m_fixture.dialogs().lastRequest().title.contains(
        window().tabs()->tabText(window().tabs()->currentIndex())));
}

void TestMainWindow::openTabsAreRestoredAtStart()
{
    const QStringList open = window().tabs()->openScreenIds();
    const QString current = window().currentScreenId();
    QCOMPARE(open.size(), 3);
    QVERIFY(m_fixture.reopen());
    QCOMPARE(window().tabs()->openScreenIds(), open);
    QCOMPARE(window().currentScreenId(), current);
    QCOMPARE(m_fixture.active()->list()->rowCount(), 4);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
