// The list-screen component over a plain QStandardItemModel: what every list of the program
// gets from it, independent of any screen.
#include "ui/common/actionbar.h"
#include "ui/common/filterbar.h"
#include "ui/common/listfooter.h"
#include "ui/common/listscreen.h"
#include "ui/common/listtableview.h"
#include "ui/common/pendingsyncdelegate.h"
#include "ui/common/scripteddialogs.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace jl::ui;

namespace {
constexpr int PendingRole = Qt::UserRole + 7;
}

class TestListScreen final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void textFilterAppliesAfterAPause();
    void enterAndChoicesApplyAtOnce();
    void resetClearsEverything();
    void advancedFiltersHideBehindMore();
    void emptyStateSaysWhy();
    void actionsNeedingASelectionExplainWhy();
    void footerCountsRowsAndSelection();
    void columnChooserHidesAndRestores();
    void columnStateIsKeptPerScreen();
    void columnStateIsKeptWhenTheModelGoesFirst();
    void ctrlCCopiesTabSeparatedCells();
    void doubleClickAndEnterActivateARow();
    void pendingMarkerDelegate();
    void savesAsPdfThroughTheSeam();
    void aLongListAsksBeforePrinting();
    void choicesCanBeReplaced();

private:
    void fill(int rows);
    // The proxy plays the screen's part: it turns the filter bar into a query.
    void applyFilter();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ScriptedDialogs> m_dialogs;
    std::unique_ptr<QStandardItemModel> m_source;
    std::unique_ptr<QSortFilterProxyModel> m_proxy;
    std::unique_ptr<ListScreen> m_list;
};

void TestListScreen::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_dialogs = std::make_unique<ScriptedDialogs>();
    m_source = std::make_unique<QStandardItemModel>(0, 3);
    m_source->setHorizontalHeaderLabels(
        {QStringLiteral("Serial"), QStringLiteral("Name"), QStringLiteral("Status")});
    m_proxy = std::make_unique<QSortFilterProxyModel>();
    m_proxy->setSourceModel(m_source.get());
    m_proxy->setFilterKeyColumn(1);

    m_list = std::make_unique<ListScreen>(*m_dialogs);
    m_list->setTitle(QStringLiteral("Test list"));
    m_list->setEmptyTexts(QStringLiteral("nothing yet"), QStringLiteral("filter hides all"));
    FilterBar *bar = m_list->filterBar();
    bar->addText(QStringLiteral("name"), QStringLiteral("Name"));
    bar->addChoice(QStringLiteral("status"), QStringLiteral("Status"),
                   {{QStringLiteral("In use"), QStringLiteral("inUse")},
                    {QStringLiteral("Scrapped"), QStringLiteral("scrapped")}});
    bar->addText(QStringLiteral("rare"), QStringLiteral("Rare"), FilterBar::Placement::Advanced);
    connect(bar, &FilterBar::filterChanged, m_list.get(), [this] { applyFilter(); });
    m_list->setModel(m_proxy.get());
    m_list->setStateStore(m_settings.get(), QStringLiteral("screens/test"));
    m_list->resize(800, 500);
    m_list->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_list.get()));
}

void TestListScreen::cleanup()
{
    m_list.reset();
    m_proxy.reset();
    m_source.reset();
    m_dialogs.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestListScreen::fill(int rows)
{
    for (int r = 0; r < rows; ++r) {
        QList<QStandardItem *> items{
            new QStandardItem(QStringLiteral("SN%1").arg(r, 3, 10, QLatin1Char('0'))),
            new QStandardItem(r % 2 ? QStringLiteral("Scale %1").arg(r)
                                    : QStringLiteral("Dispenser %1").arg(r)),
            new QStandardItem(r == 3 ? QStringLiteral("scrapped") : QStringLiteral("inUse"))};
        items[0]->setData(r == 1, PendingRole);
        m_source->appendRow(items);
    }
}

void TestListScreen::applyFilter()
{
    const QVariantMap values = m_list->filterBar()->values();
    m_proxy->setFilterFixedString(values.value(QStringLiteral("name")).toString());
}

void TestListScreen::textFilterAppliesAfterAPause()
{
    fill(6);
    QSignalSpy spy(m_list->filterBar(), &FilterBar::filterChanged);
    auto *edit = m_list->filterBar()->findChildren<QLineEdit *>().constFirst();
    QTest::keyClicks(edit, QStringLiteral("Scale"));
    QCOMPARE(spy.count(), 0); // not on every key
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 2000);
    QCOMPARE(m_list->rowCount(), 3);
    QCOMPARE(m_list->filterBar()->value(QStringLiteral("name")).toString(),
             QStringLiteral("Scale"));
}

void TestListScreen::enterAndChoicesApplyAtOnce()
{
    fill(6);
    QSignalSpy spy(m_list->filterBar(), &FilterBar::filterChanged);
    auto *edit = m_list->filterBar()->findChildren<QLineEdit *>().constFirst();
    QTest::keyClicks(edit, QStringLiteral("Disp"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_list->rowCount(), 3);

    auto *combo = m_list->filterBar()->findChild<QComboBox *>();
    QCOMPARE(combo->itemText(0), FilterBar::tr("All"));
    combo->setCurrentIndex(2);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(m_list->filterBar()->value(QStringLiteral("status")).toString(),
             QStringLiteral("scrapped"));
    // Pressing Enter again does not wait for the typing pause to run the filter a second time.
    QTest::qWait(400);
    QCOMPARE(spy.count(), 2);
}

void TestListScreen::resetClearsEverything()
{
    fill(4);
    FilterBar *bar = m_list->filterBar();
    bar->setValue(QStringLiteral("name"), QStringLiteral("Scale"));
    bar->setValue(QStringLiteral("status"), QStringLiteral("inUse"));
    bar->apply();
    QVERIFY(bar->isFiltering());
    QCOMPARE(m_list->rowCount(), 2);
    QVERIFY(bar->summary().contains(QStringLiteral("Scale")));
    QSignalSpy spy(bar, &FilterBar::filterChanged);
    bar->reset();
    QCOMPARE(spy.count(), 1);
    QVERIFY(!bar->isFiltering());
    QVERIFY(bar->values().isEmpty());
    QCOMPARE(m_list->rowCount(), 4);
}

void TestListScreen::advancedFiltersHideBehindMore()
{
    FilterBar *bar = m_list->filterBar();
    QVERIFY(bar->hasAdvanced());
    auto edits = bar->findChildren<QLineEdit *>();
    QLineEdit *rare = nullptr;
    for (QLineEdit *e : edits) {
        if (e->accessibleName() == QLatin1String("Rare"))
            rare = e;
    }
    QVERIFY(rare);
    QVERIFY(!rare->isVisible());
    bar->setExpanded(true);
    QVERIFY(rare->isVisible());
    bar->setExpanded(false);
    QVERIFY(!rare->isVisible());
    // A value set on a hidden filter shows it, so that nothing filters unseen.
    bar->setValue(QStringLiteral("rare"), QStringLiteral("x"));
    QVERIFY(bar->isExpanded());
    QVERIFY(rare->isVisible());
}

void TestListScreen::emptyStateSaysWhy()
{
    QCOMPARE(m_list->table()->emptyText(), QStringLiteral("nothing yet"));
    fill(3);
    m_list->filterBar()->setValue(QStringLiteral("name"), QStringLiteral("no such thing"));
    m_list->filterBar()->apply();
    QCOMPARE(m_list->rowCount(), 0);
    QCOMPARE(m_list->table()->emptyText(), QStringLiteral("filter hides all"));
    auto *label = m_list->table()->viewport()->findChild<QLabel *>();
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("filter hides all"));
    m_list->filterBar()->reset();
    QCOMPARE(m_list->rowCount(), 3);
    QVERIFY(!label->isVisible());
}

void TestListScreen::actionsNeedingASelectionExplainWhy()
{
    fill(4);
    QAction always(QStringLiteral("New"));
    QAction many(QStringLiteral("Batch"));
    QAction one(QStringLiteral("Edit"));
    m_list->addListAction(&always, ListScreen::Needs::Nothing);
    m_list->addListAction(&many, ListScreen::Needs::Selection);
    m_list->addListAction(&one, ListScreen::Needs::SingleRow);
    QVERIFY(always.isEnabled());
    QVERIFY(!many.isEnabled());
    QVERIFY(!one.isEnabled());
    QCOMPARE(many.toolTip(), ActionBar::tr("Select one or more rows first"));
    QCOMPARE(one.toolTip(), ActionBar::tr("Select a row first"));

    m_list->table()->selectRow(0);
    QVERIFY(many.isEnabled());
    QVERIFY(one.isEnabled());
    m_list->table()->selectionModel()->select(m_proxy->index(2, 0), QItemSelectionModel::Select |
                                                                        QItemSelectionModel::Rows);
    QVERIFY(many.isEnabled());
    QVERIFY(!one.isEnabled());
    QCOMPARE(one.toolTip(), ActionBar::tr("Select exactly one row"));
    m_list->table()->clearSelection();
    QVERIFY(!many.isEnabled());
}

void TestListScreen::footerCountsRowsAndSelection()
{
    fill(5);
    QVERIFY(m_list->footer()->countText().contains(QLatin1String("5")));
    QVERIFY(m_list->footer()->selectionText().isEmpty());
    m_list->table()->selectAll();
    QVERIFY(m_list->footer()->selectionText().contains(QLatin1String("5")));
    QCOMPARE(m_list->selectedRows(), (QList<int>{0, 1, 2, 3, 4}));
    m_list->footer()->setSummary(QStringLiteral("extra"));
    QCOMPARE(m_list->footer()->summaryText(), QStringLiteral("extra"));
}

void TestListScreen::columnChooserHidesAndRestores()
{
    fill(2);
    ListTableView *table = m_list->table();
    std::unique_ptr<QMenu> menu(table->createColumnMenu(nullptr));
    QList<QAction *> columns;
    for (QAction *action : menu->actions()) {
        if (action->isCheckable())
            columns.append(action);
    }
    QCOMPARE(columns.size(), 3);
    QCOMPARE(columns.at(1)->text(), QStringLiteral("Name"));
    columns.at(1)->setChecked(false);
    QVERIFY(table->horizontalHeader()->isSectionHidden(1));
    QCOMPARE(table->visibleColumns(), (QList<int>{0, 2}));
    columns.at(2)->setChecked(false);

    // The last visible column cannot be hidden.
    menu.reset(table->createColumnMenu(nullptr));
    QAction *last = menu->actions().constFirst();
    QVERIFY(last->isChecked());
    QVERIFY(!last->isEnabled());

    table->resetColumns();
    QCOMPARE(table->visibleColumns(), (QList<int>{0, 1, 2}));
}

void TestListScreen::columnStateIsKeptPerScreen()
{
    fill(2);
    m_list->table()->horizontalHeader()->setSectionHidden(2, true);
    m_list->table()->horizontalHeader()->moveSection(1, 0);
    m_list.reset(); // saves

    ListScreen again(*m_dialogs);
    again.setModel(m_proxy.get());
    again.setStateStore(m_settings.get(), QStringLiteral("screens/test"));
    QCOMPARE(again.table()->visibleColumns(), (QList<int>{1, 0}));

    ListScreen other(*m_dialogs);
    other.setModel(m_proxy.get());
    other.setStateStore(m_settings.get(), QStringLiteral("screens/other"));
    QCOMPARE(other.table()->visibleColumns(), (QList<int>{0, 1, 2}));
}

void TestListScreen::columnStateIsKeptWhenTheModelGoesFirst()
{
    // As in the screens: the model is an older sibling of the list, so it is destroyed first,
    // with the change not yet saved (the save waits for the user to finish dragging).
    fill(2);
    m_list->table()->horizontalHeader()->moveSection(1, 0);
    m_list->table()->sortByColumn(2, Qt::DescendingOrder);
    m_proxy.reset();
    m_list.reset();

    m_proxy = std::make_unique<QSortFilterProxyModel>();
    m_proxy->setSourceModel(m_source.get());
    ListScreen again(*m_dialogs);
    again.setModel(m_proxy.get());
    again.setStateStore(m_settings.get(), QStringLiteral("screens/test"));
    QCOMPARE(again.table()->visibleColumns(), (QList<int>{1, 0, 2}));
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorSection(), 2);
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

void TestListScreen::ctrlCCopiesTabSeparatedCells()
{
    fill(4);
    m_source->item(2, 1)->setText(QStringLiteral("Tab\there"));
    ListTableView *table = m_list->table();
    table->selectRow(0);
    table->selectionModel()->select(m_proxy->index(2, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->horizontalHeader()->setSectionHidden(2, true);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("SN000\tDispenser 0\nSN002\tTab here"));
}

void TestListScreen::doubleClickAndEnterActivateARow()
{
    fill(3);
    QSignalSpy spy(m_list.get(), &ListScreen::rowActivated);
    ListTableView *table = m_list->table();
    const QRect cell = table->visualRect(m_proxy->index(1, 0));
    // The view emits doubleClicked only for the index pressed first, as a real user does.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    table->setCurrentIndex(m_proxy->index(2, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 2);
}

void TestListScreen::pendingMarkerDelegate()
{
    fill(3);
    m_list->setPendingSyncRole(PendingRole, 0);
    auto *delegate = qobject_cast<PendingSyncDelegate *>(m_list->table()->itemDelegateForColumn(0));
    QVERIFY(delegate);
    QVERIFY(!m_list->table()->itemDelegateForColumn(1) ||
            !qobject_cast<PendingSyncDelegate *>(m_list->table()->itemDelegateForColumn(1)));
    // Painting a marked row must not fail (the marker is drawn as a decoration).
    m_list->table()->viewport()->repaint();
}

void TestListScreen::savesAsPdfThroughTheSeam()
{
    fill(30);
    const QString path = m_dir->filePath(QStringLiteral("list.pdf"));
    m_dialogs->answerFile(path);
    m_list->saveAsPdf();
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::SaveFile), 1);
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::Critical), 0);
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5).startsWith("%PDF"));
    QVERIFY(pdf.size() > 1000);

    // Cancelled: nothing written, nothing said.
    m_list->saveAsPdf();
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::SaveFile), 2);
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::Critical), 0);

    // A folder that does not exist: a message, no crash.
    m_dialogs->answerFile(m_dir->filePath(QStringLiteral("missing/folder/list.pdf")));
    m_list->saveAsPdf();
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::Critical), 1);
}

void TestListScreen::aLongListAsksBeforePrinting()
{
    fill(2001);
    m_dialogs->answerQuestion(QMessageBox::No);
    m_list->saveAsPdf();
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::Question), 1);
    QVERIFY(m_dialogs->lastRequest().text.contains(QStringLiteral("2001")));
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::SaveFile), 0); // declined: nothing more

    // Short lists are not asked about.
    m_dialogs->clear();
    m_source->removeRows(0, m_source->rowCount());
    fill(20);
    m_list->saveAsPdf();
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::Question), 0);
    QCOMPARE(m_dialogs->count(ScriptedDialogs::Kind::SaveFile), 1);
}

void TestListScreen::choicesCanBeReplaced()
{
    FilterBar *bar = m_list->filterBar();
    bar->setValue(QStringLiteral("status"), QStringLiteral("inUse"));
    bar->apply();
    QSignalSpy spy(bar, &FilterBar::filterChanged);

    // Still offered: kept, and the filter does not run again.
    bar->setChoices(QStringLiteral("status"), {{QStringLiteral("In use"), QStringLiteral("inUse")},
                                               {QStringLiteral("Spare"), QStringLiteral("spare")}});
    QCOMPARE(bar->value(QStringLiteral("status")).toString(), QStringLiteral("inUse"));
    QCOMPARE(spy.count(), 0);

    // Gone: back to 全部, and the list follows.
    bar->setChoices(QStringLiteral("status"), {{QStringLiteral("Spare"), QStringLiteral("spare")}});
    QVERIFY(!bar->value(QStringLiteral("status")).isValid());
    QCOMPARE(spy.count(), 1);
}

QTEST_MAIN(TestListScreen)
#include "tst_listscreen.moc"
