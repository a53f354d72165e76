// The real main window, offscreen, over a database in a temporary folder: what an operator
// does with the instrument libraries, driven through the keyboard and the mouse, with the
// message boxes answered through the scripted dialog seam.
#include "app/appsession.h"
#include "models/domain/instrument.h"
#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/store/instrumentstore.h"
#include "ui/common/filterbar.h"
#include "ui/common/listfooter.h"
#include "ui/common/listscreen.h"
#include "ui/common/listtableview.h"
#include "ui/common/screencontext.h"
#include "ui/common/screenids.h"
#include "ui/common/scripteddialogs.h"
#include "ui/home/homescreen.h"
#include "ui/home/statcard.h"
#include "ui/instruments/activeinstrumentsscreen.h"
#include "ui/instruments/batcheditdialog.h"
#include "ui/instruments/historyinstrumentsscreen.h"
#include "ui/instruments/instrumentfieldeditor.h"
#include "ui/instruments/instrumentform.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/navigationtree.h"
#include "ui/mainwindow/screentabs.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace jl;
using ui::ScriptedDialogs;

namespace {
// QTest::keyClicks takes ASCII only; Chinese arrives as key events carrying text (what an
// input method's commit amounts to for a line edit).
void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}
} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void startsWithThePinnedHome();
    void navigationOpensTheLibrary();
    void formShowsErrorsInlineAndAddsWithCtrlS();
    void addedInstrumentsAppearInTheListAndStatusBar();
    void filtersByNameAndSerial();
    void batchEditChangesOnlyTickedFieldsAndUndoes();
    void ctrlCCopiesTheSelectedRows();
    void moveToHistoryAsksThenRestoreBringsBack();
    void restoreIsRefusedWhenTheSerialIsActiveAgain();
    void undoOfAMoveToHistory();
    void completeDetailsShowsOnlyTheMissingFields();
    void homeCardsOpenTheFilteredList();
    void tabsOpenSwitchAndClose();
    void f1ShowsHelpForTheScreen();
    void openTabsAreRestoredAtStart();

private:
    ui::MainWindow &window() const { return m_session->window(); }
    models::InstrumentStore &store() const { return m_session->context().instruments(); }
    ui::ActiveInstrumentsScreen *active();
    ui::HistoryInstrumentsScreen *history();
    ui::InstrumentForm *waitForForm();
    void activate(QWidget *widget);
    void addThroughForm(const QString &serial, const QString &name);
    void selectRows(ui::ListScreen *list, const QList<int> &rows);
    int rowOfSerial(ui::ListScreen *list, const QString &serial) const;
    void resetFilters(ui::ListScreen *list);

    std::unique_ptr<QTemporaryDir> m_dir;
    ScriptedDialogs m_dialogs;
    std::unique_ptr<app::AppSession> m_session;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto session = app::AppSession::open({m_dir->path(), false}, m_dialogs);
    QVERIFY2(session.ok(), qPrintable(session.error().message));
    m_session = std::move(session.value());
    window().show();
    QVERIFY(QTest::qWaitForWindowActive(&window()));
}

void TestMainWindow::cleanupTestCase()
{
    m_session.reset();
    m_dir.reset();
}

void TestMainWindow::activate(QWidget *widget)
{
    // Only when needed: a request for a window that is already active stays queued and
    // would take the focus back from a dialog opened afterwards.
    // QWindow::isActive() is true for a dialog while its parent is active, so
    // qWaitForWindowActive() cannot tell; the application's active window can.
    if (QApplication::activeWindow() == widget)
        return;
    widget->activateWindow();
    QTRY_VERIFY(QApplication::activeWindow() == widget);
}

ui::ActiveInstrumentsScreen *TestMainWindow::active()
{
    return qobject_cast<ui::ActiveInstrumentsScreen *>(
        window().openScreen(QLatin1String(ui::ScreenIds::ActiveInstruments)));
}

ui::HistoryInstrumentsScreen *TestMainWindow::history()
{
    return qobject_cast<ui::HistoryInstrumentsScreen *>(
        window().openScreen(QLatin1String(ui::ScreenIds::HistoryInstruments)));
}

ui::InstrumentForm *TestMainWindow::waitForForm()
{
    ui::InstrumentForm *form = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        form = window().findChild<ui::InstrumentForm *>();
        return form && form->isVisible();
    });
    if (!shown)
        return nullptr;
    activate(form);
    return form;
}

void TestMainWindow::addThroughForm(const QString &serial, const QString &name)
{
    ui::ActiveInstrumentsScreen *screen = active();
    activate(&window());
    screen->list()->table()->setFocus();
    QTest::keyClick(screen->list()->table(), Qt::Key_N, Qt::ControlModifier);
    ui::InstrumentForm *form = waitForForm();
    QVERIFY(form);
    QCOMPARE(form->mode(), ui::InstrumentForm::Mode::Create);
    type(form->editor(QStringLiteral("serialNo"))->widget(), serial);
    type(form->editor(QStringLiteral("name"))->widget(), name);
    QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!window().findChild<ui::InstrumentForm *>());
}

void TestMainWindow::selectRows(ui::ListScreen *list, const QList<int> &rows)
{
    ui::ListTableView *table = list->table();
    table->clearSelection();
    for (const int row : rows) {
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    if (!rows.isEmpty())
        table->selectionModel()->setCurrentIndex(table->model()->index(rows.constFirst(), 0),
                                                 QItemSelectionModel::NoUpdate);
}

int TestMainWindow::rowOfSerial(ui::ListScreen *list, const QString &serial) const
{
    const QAbstractItemModel *model = list->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, models::InstrumentTableModel::SerialNo).data().toString() == serial)
            return row;
    }
    return -1;
}

void TestMainWindow::resetFilters(ui::ListScreen *list)
{
    list->filterBar()->reset();
}

void TestMainWindow::startsWithThePinnedHome()
{
    ui::ScreenTabs *tabs = window().tabs();
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(window().currentScreenId(), QLatin1String(ui::ScreenIds::Home));
    QVERIFY(tabs->isPinned(0));
    QVERIFY(!tabs->tabBar()->tabButton(0, QTabBar::RightSide));
    QVERIFY(window().pendingText().contains(QLatin1String("0")));
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
    auto *screen = active();
    QCOMPARE(screen->list()->rowCount(), 0);
    QCOMPARE(screen->list()->table()->emptyText(),
             ui::ActiveInstrumentsScreen::tr("No instruments yet. Add one with New (Ctrl+N)."));
    QVERIFY(!screen->editAction()->isEnabled());
    QVERIFY(!screen->moveToHistoryAction()->isEnabled());
}

void TestMainWindow::formShowsErrorsInlineAndAddsWithCtrlS()
{
    ui::ActiveInstrumentsScreen *screen = active();
    activate(&window());
    screen->list()->table()->setFocus();
    QTest::keyClick(screen->list()->table(), Qt::Key_N, Qt::ControlModifier);
    ui::InstrumentForm *form = waitForForm();
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
    QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!window().findChild<ui::InstrumentForm *>());
    QTRY_COMPARE(screen->list()->rowCount(), 1);
    QCOMPARE(rowOfSerial(screen->list(), QStringLiteral("SN0001")), 0);
}

void TestMainWindow::addedInstrumentsAppearInTheListAndStatusBar()
{
    addThroughForm(QStringLiteral("SN0002"), QStringLiteral("电子计价秤"));
    addThroughForm(QStringLiteral("AB0003"), QStringLiteral("电子计价秤"));
    addThroughForm(QStringLiteral("AB0004"), QStringLiteral("燃油加油机"));
    ui::ListScreen *list = active()->list();
    QCOMPARE(list->rowCount(), 4);
    QVERIFY(list->footer()->countText().contains(QLatin1String("4")));
    QCOMPARE(window().pendingText(), ui::MainWindow::tr("%n change(s) not yet synced", nullptr, 4));
    // Unsynced rows carry the marker role.
    QVERIFY(list->table()
                ->model()
                ->index(0, 0)
                .data(models::InstrumentTableModel::PendingSyncRole)
                .toBool());

    // The same serial again: the store refuses, the form says why and stays open.
    activate(&window());
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_N, Qt::ControlModifier);
    ui::InstrumentForm *form = waitForForm();
    QVERIFY(form);
    type(form->editor(QStringLiteral("serialNo"))->widget(), QStringLiteral("SN0001"));
    type(form->editor(QStringLiteral("name"))->widget(), QStringLiteral("x"));
    m_dialogs.clear();
    QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs.count(ScriptedDialogs::Kind::Critical), 1);
    QVERIFY(m_dialogs.lastRequest().text.contains(QLatin1String("SN0001")));
    QVERIFY(form->isVisible());
    QTest::keyClick(form, Qt::Key_Escape);
    QTRY_VERIFY(!window().findChild<ui::InstrumentForm *>());
    QCOMPARE(list->rowCount(), 4);
}

void TestMainWindow::filtersByNameAndSerial()
{
    ui::ListScreen *list = active()->list();
    auto *name = list->filterBar()->findChild<QLineEdit *>();
    QVERIFY(name);
    type(name, QStringLiteral("计价秤"));
    QTRY_COMPARE(list->rowCount(), 2);
    resetFilters(list);
    QCOMPARE(list->rowCount(), 4);

    const QList<QLineEdit *> edits = list->filterBar()->findChildren<QLineEdit *>();
    QLineEdit *serial = nullptr;
    for (QLineEdit *edit : edits) {
        if (edit->accessibleName() ==
            models::InstrumentValidator::fieldLabel(QStringLiteral("serialNo")))
            serial = edit;
    }
    QVERIFY(serial);
    type(serial, QStringLiteral("AB"));
    QTest::keyClick(serial, Qt::Key_Return);
    QCOMPARE(list->rowCount(), 2);
    type(serial, QStringLiteral("99"));
    QTest::keyClick(serial, Qt::Key_Return);
    QCOMPARE(list->rowCount(), 0);
    QCOMPARE(list->table()->emptyText(),
             ui::ActiveInstrumentsScreen::tr(
                 "No instruments match the filter. Press Reset to see them all."));
    resetFilters(list);
    QCOMPARE(list->rowCount(), 4);
}

void TestMainWindow::batchEditChangesOnlyTickedFieldsAndUndoes()
{
    ui::ActiveInstrumentsScreen *screen = active();
    ui::ListScreen *list = screen->list();
    const int a = rowOfSerial(list, QStringLiteral("AB0003"));
    const int b = rowOfSerial(list, QStringLiteral("AB0004"));
    selectRows(list, {a, b});
    QVERIFY(screen->batchEditAction()->isEnabled());
    const QStringList ids = screen->model()->idsAt({a, b});
    const auto before = store().get(ids);
    QVERIFY(before.ok());

    screen->batchEditAction()->trigger();
    ui::BatchEditDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window().findChild<ui::BatchEditDialog *>()) && dialog->isVisible());
    activate(dialog);
    type(dialog->editor(QStringLiteral("model"))->widget(), QStringLiteral("XYZ-9"));
    QVERIFY(dialog->checkBox(QStringLiteral("model"))->isChecked()); // typing ticks it
    QVERIFY(!dialog->checkBox(QStringLiteral("name"))->isChecked());
    QCOMPARE(dialog->changes().keys(), QStringList{QStringLiteral("model")});
    QTest::keyClick(dialog, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!window().findChild<ui::BatchEditDialog *>());

    auto after = store().get(ids);
    QVERIFY(after.ok());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QCOMPARE(after->at(i).model, QStringLiteral("XYZ-9"));
        QCOMPARE(after->at(i).name, before->at(i).name); // untouched
    }

    activate(&window());
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Z, Qt::ControlModifier);
    after = store().get(ids);
    QVERIFY(after.ok());
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(after->at(i).model, before->at(i).model);

    // And again, with redo.
    m_session->context().undoStack()->redo();
    QCOMPARE(store().get(ids.constFirst())->model, QStringLiteral("XYZ-9"));
    m_session->context().undoStack()->undo();
    QCOMPARE(store().get(ids.constFirst())->model, before->constFirst().model);
}

void TestMainWindow::ctrlCCopiesTheSelectedRows()
{
    ui::ListScreen *list = active()->list();
    const int a = rowOfSerial(list, QStringLiteral("SN0001"));
    const int b = rowOfSerial(list, QStringLiteral("SN0002"));
    selectRows(list, {a, b});
    QGuiApplication::clipboard()->clear();
    activate(&window());
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("SN0001\t燃油加油机\t")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("SN0002\t电子计价秤\t")));
}

void TestMainWindow::moveToHistoryAsksThenRestoreBringsBack()
{
    ui::ActiveInstrumentsScreen *screen = active();
    ui::ListScreen *list = screen->list();
    selectRows(list, {rowOfSerial(list, QStringLiteral("SN0002"))});

    // Declined: nothing moves.
    m_dialogs.clear();
    m_dialogs.answerQuestion(QMessageBox::No);
    activate(&window());
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Delete);
    QCOMPARE(m_dialogs.count(ScriptedDialogs::Kind::Question), 1);
    QCOMPARE(list->rowCount(), 4);

    m_dialogs.answerQuestion(QMessageBox::Yes);
    QTest::keyClick(list->table(), Qt::Key_Delete);
    QCOMPARE(m_dialogs.count(ScriptedDialogs::Kind::Question), 2);
    QTRY_COMPARE(list->rowCount(), 3);
    QCOMPARE(rowOfSerial(list, QStringLiteral("SN0002")), -1);

    ui::HistoryInstrumentsScreen *old = history();
    QTRY_COMPARE(old->list()->rowCount(), 1);
    selectRows(old->list(), {0});
    QVERIFY(old->restoreAction()->isEnabled());
    old->restoreAction()->trigger();
    QTRY_COMPARE(old->list()->rowCount(), 0);
    QTRY_COMPARE(active()->list()->rowCount(), 4);
    QVERIFY(rowOfSerial(active()->list(), QStringLiteral("SN0002")) >= 0);
}

void TestMainWindow::restoreIsRefusedWhenTheSerialIsActiveAgain()
{
    ui::ListScreen *list = active()->list();
    selectRows(list, {rowOfSerial(list, QStringLiteral("AB0003"))});
    m_dialogs.answerQuestion(QMessageBox::Yes);
    active()->moveToHistoryAction()->trigger();
    QTRY_COMPARE(list->rowCount(), 3);

    // A new instrument with the same serial takes the place in the active library.
    addThroughForm(QStringLiteral("AB0003"), QStringLiteral("电子计价秤"));
    QTRY_COMPARE(active()->list()->rowCount(), 4);

    ui::HistoryInstrumentsScreen *old = history();
    QTRY_COMPARE(old->list()->rowCount(), 1);
    selectRows(old->list(), {0});
    m_dialogs.clear();
    old->restoreAction()->trigger();
    QCOMPARE(m_dialogs.count(ScriptedDialogs::Kind::Warning), 1);
    QVERIFY(m_dialogs.lastRequest().text.contains(QLatin1String("AB0003")));
    QCOMPARE(old->list()->rowCount(), 1);

    // 彻底删除, confirmed.
    selectRows(old->list(), {0});
    m_dialogs.answerQuestion(QMessageBox::Yes);
    old->purgeAction()->trigger();
    QTRY_COMPARE(old->list()->rowCount(), 0);
    QCOMPARE(old->list()->table()->emptyText(),
             ui::HistoryInstrumentsScreen::tr(
                 "The history library is empty. Instruments moved out of use appear here."));
}

void TestMainWindow::undoOfAMoveToHistory()
{
    ui::ListScreen *list = active()->list();
    selectRows(list, {rowOfSerial(list, QStringLiteral("AB0004"))});
    m_dialogs.answerQuestion(QMessageBox::Yes);
    active()->moveToHistoryAction()->trigger();
    QTRY_COMPARE(list->rowCount(), 3);
    QCOMPARE(history()->list()->rowCount(), 1);

    activate(&window());
    window().tabs()->setFocus();
    QTest::keyClick(&window(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(active()->list()->rowCount(), 4);
    QCOMPARE(history()->list()->rowCount(), 0);
}

void TestMainWindow::completeDetailsShowsOnlyTheMissingFields()
{
    ui::ActiveInstrumentsScreen *screen = active();
    ui::ListScreen *list = screen->list();
    selectRows(list, {rowOfSerial(list, QStringLiteral("SN0001"))});
    screen->completeAction()->trigger();
    ui::InstrumentForm *form = waitForForm();
    QVERIFY(form);
    QCOMPARE(form->mode(), ui::InstrumentForm::Mode::Complete);
    const auto record =
        store().get(screen->model()->idAt(rowOfSerial(list, QStringLiteral("SN0001"))));
    QCOMPARE(form->fields(), models::InstrumentValidator::missingForComplete(record.value()));
    QVERIFY(!form->fields().contains(QStringLiteral("serialNo")));
    // Every shown field is required here.
    form->save();
    QVERIFY(!form->errorText(form->fields().constFirst()).isEmpty());
    QVERIFY(form->isVisible());
    form->reject();
    QTRY_VERIFY(!window().findChild<ui::InstrumentForm *>());
}

void TestMainWindow::homeCardsOpenTheFilteredList()
{
    auto *home =
        qobject_cast<ui::HomeScreen *>(window().openScreen(QLatin1String(ui::ScreenIds::Home)));
    QVERIFY(home);
    QCOMPARE(home->activeCard()->valueText(), QStringLiteral("4"));
    // Never verified: every new instrument is 警示.
    QCOMPARE(home->alertCard()->valueText(), QStringLiteral("4"));
    QTest::mouseClick(home->alertCard(), Qt::LeftButton);
    QCOMPARE(window().currentScreenId(), QLatin1String(ui::ScreenIds::ActiveInstruments));
    ui::ListScreen *list = active()->list();
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

    activate(&window());
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
    m_dialogs.clear();
    activate(&window());
    QTest::keyClick(&window(), Qt::Key_F1);
    QCOMPARE(m_dialogs.count(ScriptedDialogs::Kind::Information), 1);
    QVERIFY(m_dialogs.lastRequest().title.contains(
        window().tabs()->tabText(window().tabs()->currentIndex())));
}

void TestMainWindow::openTabsAreRestoredAtStart()
{
    const QStringList open = window().tabs()->openScreenIds();
    const QString current = window().currentScreenId();
    QCOMPARE(open.size(), 3);
    window().close();
    m_session.reset();

    auto session = app::AppSession::open({m_dir->path(), false}, m_dialogs);
    QVERIFY2(session.ok(), qPrintable(session.error().message));
    m_session = std::move(session.value());
    QCOMPARE(window().tabs()->openScreenIds(), open);
    QCOMPARE(window().currentScreenId(), current);
    QCOMPARE(active()->list()->rowCount(), 4);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
