// The instrument libraries in the real main window, offscreen: what is done to a selection
// (批量修改 and its undo, 信息完善, Ctrl+C, 移入曾用库, 恢复, 彻底删除), with the
// confirmations answered through the scripted dialog seam.
#include "mainwindowfixture.h"

#include "models/domain/instrumentvalidator.h"
#include "ui/instruments/batcheditdialog.h"
#include "ui/mainwindow/screentabs.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QUndoStack>

using namespace jl;
using test::MainWindowFixture;
using ui::ScriptedDialogs;

class TestInstrumentLibrary final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_fixture.close(); }

    void batchEditChangesOnlyTickedFieldsAndUndoes();
    void undoOfABatchEditKeepsLaterEdits();
    void ctrlCCopiesTheSelectedRows();
    void completeDetailsShowsOnlyTheMissingFields();
    void moveToHistoryAsksThenRestoreBringsBack();
    void undoOfAMoveToHistory();
    void restoreIsRefusedWhenTheSerialIsActiveAgain();

private:
    ui::ListScreen *activeList() const { return m_fixture.active()->list(); }
    int row(ui::ListScreen *list, const QString &serial) const
    {
        return MainWindowFixture::rowOfSerial(list, serial);
    }
    ScriptedDialogs &dialogs() { return m_fixture.dialogs(); }

    MainWindowFixture m_fixture;
};

void TestInstrumentLibrary::initTestCase()
{
    QVERIFY(m_fixture.open());
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("SN0001"), QStringLiteral("燃油加油机")));
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("SN0002"), QStringLiteral("电子计价秤")));
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("AB0003"), QStringLiteral("电子计价秤")));
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("AB0004"), QStringLiteral("燃油加油机")));
    QCOMPARE(activeList()->rowCount(), 4);
}

void TestInstrumentLibrary::batchEditChangesOnlyTickedFieldsAndUndoes()
{
    ui::ActiveInstrumentsScreen *screen = m_fixture.active();
    ui::ListScreen *list = screen->list();
    const int a = row(list, QStringLiteral("AB0003"));
    const int b = row(list, QStringLiteral("AB0004"));
    MainWindowFixture::selectRows(list, {a, b});
    QVERIFY(screen->batchEditAction()->isEnabled());
    const QStringList ids = screen->model()->idsAt({a, b});
    const auto before = m_fixture.store().get(ids);
    QVERIFY(before.ok());

    screen->batchEditAction()->trigger();
    auto *dialog = m_fixture.waitForDialog<ui::BatchEditDialog>();
    QVERIFY(dialog);
    test::type(dialog->editor(QStringLiteral("model"))->widget(), QStringLiteral("XYZ-9"));
    QVERIFY(dialog->checkBox(QStringLiteral("model"))->isChecked()); // typing ticks it
    QVERIFY(!dialog->checkBox(QStringLiteral("name"))->isChecked());
    QCOMPARE(dialog->changes().keys(), QStringList{QStringLiteral("model")});
    QTest::keyClick(dialog, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(m_fixture.dialogGone());

    auto after = m_fixture.store().get(ids);
    QVERIFY(after.ok());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QCOMPARE(after->at(i).model, QStringLiteral("XYZ-9"));
        QCOMPARE(after->at(i).name, before->at(i).name); // not ticked, not touched
    }

    QVERIFY(m_fixture.activate(&m_fixture.window()));
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Z, Qt::ControlModifier);
    after = m_fixture.store().get(ids);
    QVERIFY(after.ok());
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(after->at(i).model, before->at(i).model);

    // And again, with redo.
    QUndoStack *stack = m_fixture.session().context().undoStack();
    stack->redo();
    QCOMPARE(m_fixture.store().get(ids.constFirst())->model, QStringLiteral("XYZ-9"));
    stack->undo();
    QCOMPARE(m_fixture.store().get(ids.constFirst())->model, before->constFirst().model);
}

void TestInstrumentLibrary::undoOfABatchEditKeepsLaterEdits()
{
    ui::ActiveInstrumentsScreen *screen = m_fixture.active();
    ui::ListScreen *list = screen->list();
    MainWindowFixture::selectRows(list, {row(list, QStringLiteral("AB0003"))});
    const QString id = screen->model()->idsAt(list->selectedRows()).constFirst();
    const QString model = m_fixture.store().get(id)->model;

    screen->batchEditAction()->trigger();
    auto *dialog = m_fixture.waitForDialog<ui::BatchEditDialog>();
    QVERIFY(dialog);
    test::type(dialog->editor(QStringLiteral("model"))->widget(), QStringLiteral("XYZ-8"));
    QTest::keyClick(dialog, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(m_fixture.dialogGone());

    // Then the record is edited in its form: not a step of the undo history.
    models::Instrument edited = m_fixture.store().get(id).value();
    edited.remarks = QStringLiteral("表头已更换");
    QVERIFY(m_fixture.store().update(edited).ok());

    QVERIFY(m_fixture.activate(&m_fixture.window()));
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Z, Qt::ControlModifier);
    const models::Instrument now = m_fixture.store().get(id).value();
    QCOMPARE(now.model, model);
    QCOMPARE(now.remarks, QStringLiteral("表头已更换"));
}

void TestInstrumentLibrary::ctrlCCopiesTheSelectedRows()
{
    ui::ListScreen *list = activeList();
    MainWindowFixture::selectRows(
        list, {row(list, QStringLiteral("SN0001")), row(list, QStringLiteral("SN0002"))});
    QGuiApplication::clipboard()->clear();
    QVERIFY(m_fixture.activate(&m_fixture.window()));
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("SN0001\t燃油加油机\t")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("SN0002\t电子计价秤\t")));
}

void TestInstrumentLibrary::completeDetailsShowsOnlyTheMissingFields()
{
    ui::ActiveInstrumentsScreen *screen = m_fixture.active();
    const int r = row(screen->list(), QStringLiteral("SN0001"));
    MainWindowFixture::selectRows(screen->list(), {r});
    screen->completeAction()->trigger();
    auto *form = m_fixture.waitForDialog<ui::InstrumentForm>();
    QVERIFY(form);
    QCOMPARE(form->mode(), ui::InstrumentForm::Mode::Complete);
    const auto record = m_fixture.store().get(screen->model()->idAt(r));
    QVERIFY(record.ok());
    QCOMPARE(form->fields(), models::InstrumentValidator::missingForComplete(record.value()));
    QVERIFY(!form->fields().contains(QStringLiteral("serialNo")));
    // Every field shown here is required.
    form->save();
    QVERIFY(!form->errorText(form->fields().constFirst()).isEmpty());
    QVERIFY(form->isVisible());
    QTest::keyClick(form, Qt::Key_Escape);
    QVERIFY(m_fixture.dialogGone());
}

void TestInstrumentLibrary::moveToHistoryAsksThenRestoreBringsBack()
{
    ui::ListScreen *list = activeList();
    MainWindowFixture::selectRows(list, {row(list, QStringLiteral("SN0002"))});

    // Declined: nothing moves.
    dialogs().clear();
    dialogs().answerQuestion(QMessageBox::No);
    QVERIFY(m_fixture.activate(&m_fixture.window()));
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_Delete);
    QCOMPARE(dialogs().count(ScriptedDialogs::Kind::Question), 1);
    QCOMPARE(list->rowCount(), 4);

    dialogs().answerQuestion(QMessageBox::Yes);
    QTest::keyClick(list->table(), Qt::Key_Delete);
    QCOMPARE(dialogs().count(ScriptedDialogs::Kind::Question), 2);
    QTRY_COMPARE(list->rowCount(), 3);
    QCOMPARE(row(list, QStringLiteral("SN0002")), -1);
    // The status bar follows every write.
    const auto pending = models::pendingOutboxCount(m_fixture.session().database());
    QVERIFY(pending.ok() && pending.value() > 4);
    QCOMPARE(m_fixture.window().pendingText(),
             ui::MainWindow::tr("%n change(s) not yet synced", nullptr, pending.value()));

    ui::HistoryInstrumentsScreen *old = m_fixture.history();
    QTRY_COMPARE(old->list()->rowCount(), 1);
    MainWindowFixture::selectRows(old->list(), {0});
    QVERIFY(old->restoreAction()->isEnabled());
    old->restoreAction()->trigger();
    QTRY_COMPARE(old->list()->rowCount(), 0);
    QTRY_COMPARE(activeList()->rowCount(), 4);
    QVERIFY(row(activeList(), QStringLiteral("SN0002")) >= 0);
}

void TestInstrumentLibrary::undoOfAMoveToHistory()
{
    ui::ListScreen *list = activeList();
    MainWindowFixture::selectRows(list, {row(list, QStringLiteral("AB0004"))});
    dialogs().answerQuestion(QMessageBox::Yes);
    m_fixture.active()->moveToHistoryAction()->trigger();
    QTRY_COMPARE(list->rowCount(), 3);
    QCOMPARE(m_fixture.history()->list()->rowCount(), 1);

    QVERIFY(m_fixture.activate(&m_fixture.window()));
    m_fixture.window().tabs()->setFocus();
    QTest::keyClick(&m_fixture.window(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(activeList()->rowCount(), 4);
    QCOMPARE(m_fixture.history()->list()->rowCount(), 0);
}

void TestInstrumentLibrary::restoreIsRefusedWhenTheSerialIsActiveAgain()
{
    ui::ListScreen *list = activeList();
    MainWindowFixture::selectRows(list, {row(list, QStringLiteral("AB0003"))});
    dialogs().answerQuestion(QMessageBox::Yes);
    m_fixture.active()->moveToHistoryAction()->trigger();
    QTRY_COMPARE(list->rowCount(), 3);

    // A new instrument with the same serial takes its place in the active library.
    QVERIFY(m_fixture.addThroughForm(QStringLiteral("AB0003"), QStringLiteral("电子计价秤")));
    QTRY_COMPARE(activeList()->rowCount(), 4);

    ui::HistoryInstrumentsScreen *old = m_fixture.history();
    QTRY_COMPARE(old->list()->rowCount(), 1);
    MainWindowFixture::selectRows(old->list(), {0});
    dialogs().clear();
    old->restoreAction()->trigger();
    QCOMPARE(dialogs().count(ScriptedDialogs::Kind::Warning), 1);
    QVERIFY(dialogs().lastRequest().text.contains(QLatin1String("AB0003")));
    QCOMPARE(old->list()->rowCount(), 1);

    // 彻底删除: declined, then confirmed.
    MainWindowFixture::selectRows(old->list(), {0});
    dialogs().answerQuestion(QMessageBox::No);
    old->purgeAction()->trigger();
    QCOMPARE(old->list()->rowCount(), 1);
    dialogs().answerQuestion(QMessageBox::Yes);
    old->purgeAction()->trigger();
    QTRY_COMPARE(old->list()->rowCount(), 0);
    QCOMPARE(old->list()->table()->emptyText(),
             ui::HistoryInstrumentsScreen::tr(
                 "The history library is empty. Instruments moved out of use appear here."));
}

QTEST_MAIN(TestInstrumentLibrary)
#include "tst_instrumentlibrary.moc"
