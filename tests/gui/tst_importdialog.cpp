// 导入 and 导出 of the instrument library in the real main window, offscreen: the import dialog
// on real files (preview, header row, a column remapped, the report saved, 更新 / 跳过, a
// cancel that keeps nothing, a dropped file), the export of the filtered list and its
// re-import updating the same records, the template, and the generic export of other lists.
#include "mainwindowfixture.h"
#include "unit/walprobe.h"

#include "io/import/instrumentimport.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "ui/instruments/import/importdialog.h"
#include "ui/instruments/import/instrumenttransfer.h"

#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSemaphore>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUrl>

using namespace jl;
using test::MainWindowFixture;
using ui::ImportDialog;
using ui::ScriptedDialogs;

namespace {

// A title row above the header, an unknown name for the serial column (编号), a date that
// does not exist and a row without a name.
const char *const Remap = "仪器台账 2026,,,\n"
                          "编号,计量器具名称,规格型号,有效日期\n"
                          "A001,燃油加油机,CS46,2027-01-31\n"
                          "A002,电子计价秤,,2027/2/30\n"
                          "A003,,X,\n"
                          "A004,电子计价秤,ACS-30,2027年3月1日\n";

const char *const Renamed = "出厂编号,计量器具名称\n"
                            "A001,燃油加油机二号\n"
                            "B001,压力表\n";

} // namespace

class TestImportDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_fixture.close(); }

    void previewRemapReportAndImport();
    void existingSerialsSkippedThenUpdated();
    void cancelledImportKeepsNothing();
    void droppedFileOpensTheImport();
    void exportOfTheFilteredListReimportsIntoTheSameRecords();
    void exportToAFileThatCannotBeWritten();
    void templateIsReadBackByImport();
    void otherListsExportTheirVisibleColumns();
    void importIsCheckpointedInTheBackground();

private:
    QString write(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir.path() + QLatin1Char('/') + name;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    ImportDialog *openImport(const QString &path)
    {
        m_fixture.dialogs().answerFile(path);
        m_fixture.active()->importAction()->trigger();
        return m_fixture.window().findChild<ImportDialog *>();
    }
    void closeImport(ImportDialog *dialog)
    {
        dialog->reject();
        QVERIFY(m_fixture.dialogGone());
    }
    std::optional<models::Instrument> bySerial(const QString &serial) const
    {
        const auto found = m_fixture.store().findActiveBySerial(serial);
        return found ? found.value() : std::nullopt;
    }
    ScriptedDialogs &dialogs() { return m_fixture.dialogs(); }

    MainWindowFixture m_fixture;
    QTemporaryDir m_dir;
};

void TestImportDialog::initTestCase()
{
    QVERIFY(m_fixture.open());
    QVERIFY(m_dir.isValid());
}

void TestImportDialog::previewRemapReportAndImport()
{
    const QString file = write(QStringLiteral("台账 含标题.csv"), QByteArray(Remap));
    QVERIFY(!file.isEmpty());
    ImportDialog *dialog = openImport(file);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    // The header is the second row: the title above it is shown but not imported.
    QCOMPARE(dialog->headerRow(), 2);
    QCOMPARE(dialog->previewTable()->verticalHeaderItem(0)->text(), QStringLiteral("1"));
    QCOMPARE(dialog->previewTable()->item(1, 1)->text(), QStringLiteral("计量器具名称"));
    QVERIFY(dialog->previewTable()->item(1, 1)->font().bold());
    // 编号 is no known name: ignored, so the required serial column is missing.
    QCOMPARE(dialog->mappingTable()->rowCount(), 4);
    QCOMPARE(dialog->fields(),
             (QStringList{QString(), QStringLiteral("name"), QStringLiteral("model"),
                          QStringLiteral("validUntil")}));
    QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("出厂编号")));
    QCOMPARE(dialog->reportTable()->rowCount(), 0);

    // The user maps 编号 to 出厂编号, and the check shows what the import will do.
    QComboBox *serial = dialog->mappingCombo(0);
    QVERIFY(serial);
    serial->setCurrentIndex(serial->findData(QStringLiteral("serialNo")));
    QCOMPARE(dialog->fields().constFirst(), QStringLiteral("serialNo"));
    QTest::mouseClick(dialog->checkButton(), Qt::LeftButton);
    QCOMPARE(dialog->report().created, 2);
    QCOMPARE(dialog->report().rejectedRows(), 2);
    QVERIFY(!dialog->report().committed);
    QVERIFY(!bySerial(QStringLiteral("A001"))); // a check keeps nothing
    QTableWidget *report = dialog->reportTable();
    QCOMPARE(report->rowCount(), 2);
    QCOMPARE(report->item(0, 0)->text(), QStringLiteral("4"));
    QCOMPARE(report->item(0, 1)->text(), QStringLiteral("有效日期"));
    QCOMPARE(report->item(1, 0)->text(), QStringLiteral("5"));
    QCOMPARE(report->item(1, 1)->text(), QStringLiteral("计量器具名称"));

    // The report is saved as .xlsx and reads back with its three columns.
    const QString saved = m_dir.path() + QStringLiteral("/报告.xlsx");
    dialogs().answerFile(saved);
    QVERIFY(dialog->saveReportButton()->isEnabled());
    QTest::mouseClick(dialog->saveReportButton(), Qt::LeftButton);
    QVERIFY(QFile::exists(saved));
    const auto header = io::InstrumentImport::inspect(saved, 1);
    QVERIFY(header.ok());
    QCOMPARE(header->rows.size(), 3); // the header and two issues
    QCOMPARE(header->rows.at(1).at(0).number, 4.0);

    dialogs().clear();
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QVERIFY(dialog->imported());
    QVERIFY(dialog->report().committed);
    QCOMPARE(dialogs().lastRequest().kind, ScriptedDialogs::Kind::Information);
    QVERIFY(dialogs().lastRequest().text.contains(QStringLiteral("2 added")));
    QVERIFY(!dialog->importButton()->isEnabled());
    closeImport(dialog);

    const auto a001 = bySerial(QStringLiteral("A001"));
    QVERIFY(a001);
    QCOMPARE(a001->validUntil, QDate(2027, 1, 31));
    QCOMPARE(bySerial(QStringLiteral("A004"))->validUntil, QDate(2027, 3, 1));
    QVERIFY(!bySerial(QStringLiteral("A002")));
    // The list refreshed by itself.
    ui::ListScreen *list = m_fixture.active()->list();
    QVERIFY(MainWindowFixture::rowOfSerial(list, QStringLiteral("A001")) >= 0);
    QVERIFY(MainWindowFixture::rowOfSerial(list, QStringLiteral("A004")) >= 0);
}

void TestImportDialog::existingSerialsSkippedThenUpdated()
{
    const QString file = write(QStringLiteral("renamed.csv"), QByteArray(Renamed));
    ImportDialog *dialog = openImport(file);
    QVERIFY(dialog);
    QCOMPARE(dialog->report().created, 1);
    QCOMPARE(dialog->report().updated, 1); // 更新 is the default
    dialog->skipButton()->click();
    QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("Check again")));
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QCOMPARE(dialog->report().skipped, 1);
    QCOMPARE(dialog->report().created, 1);
    closeImport(dialog);
    QCOMPARE(bySerial(QStringLiteral("A001"))->name, QStringLiteral("燃油加油机"));
    QVERIFY(bySerial(QStringLiteral("B001")));

    dialog = openImport(file);
    QVERIFY(dialog);
    QVERIFY(dialog->updateButton()->isChecked());
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QCOMPARE(dialog->report().updated, 2);
    closeImport(dialog);
    QCOMPARE(bySerial(QStringLiteral("A001"))->name, QStringLiteral("燃油加油机二号"));
    QCOMPARE(bySerial(QStringLiteral("A001"))->model, QStringLiteral("CS46")); // not in the file
}

void TestImportDialog::cancelledImportKeepsNothing()
{
    // Enough rows for the reader to report progress (and commit chunks) before the end.
    QByteArray csv("出厂编号,计量器具名称\n");
    for (int n = 0; n < 5000; ++n)
        csv += QStringLiteral("C%1,电子计价秤\n").arg(n, 5, 10, QLatin1Char('0')).toUtf8();
    const QString file = write(QStringLiteral("many.csv"), csv);
    ImportDialog *dialog = openImport(file);
    QVERIFY(dialog);
    QCOMPARE(dialog->report().created, 5000);

    // The worker waits at its first progress report until Cancel has been pressed.
    QSemaphore pressed;
    bool sawProgress = false;
    dialog->setWorkerHook([dialog, &pressed, &sawProgress] {
        QMetaObject::invokeMethod(
            dialog,
            [dialog, &pressed, &sawProgress] {
                auto *progress = dialog->findChild<QProgressDialog *>();
                sawProgress = progress && progress->isVisible();
                if (progress) {
                    if (auto *cancel = progress->findChild<QPushButton *>())
                        cancel->click();
                }
                pressed.release();
            },
            Qt::QueuedConnection);
        pressed.acquire();
    });
    dialogs().clear();
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QVERIFY(sawProgress);
    QVERIFY(!dialog->imported());
    QCOMPARE(dialogs().lastRequest().title, QStringLiteral("Import cancelled"));
    QVERIFY(!bySerial(QStringLiteral("C00000")));
    QVERIFY(!bySerial(QStringLiteral("C04999")));
    dialog->setWorkerHook({});
    closeImport(dialog);
}

void TestImportDialog::droppedFileOpensTheImport()
{
    const QString file = write(QStringLiteral("dropped.csv"), QByteArray(Renamed));
    ui::ListScreen *list = m_fixture.active()->list();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    const QPoint at = list->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(list, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(list, &drop);
    auto *dialog = m_fixture.window().findChild<ImportDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->file(), file);
    QCOMPARE(dialog->report().updated, 2);
    closeImport(dialog);

    // Anything else is not taken.
    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(m_dir.path() + QStringLiteral("/notes.txt"))});
    QDragEnterEvent other(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    other.ignore();
    QCoreApplication::sendEvent(list, &other);
    QVERIFY(!other.isAccepted());
}

void TestImportDialog::exportOfTheFilteredListReimportsIntoTheSameRecords()
{
    ui::ActiveInstrumentsScreen *screen = m_fixture.active();
    screen->applyArguments(
        {{QStringLiteral("reset"), true}, {QStringLiteral("name"), QStringLiteral("计价秤")}});
    const QStringList shown = screen->model()->allIds();
    QCOMPARE(shown.size(), 1); // A004 (A001 is a 燃油加油机, B001 a 压力表)
    const QString file = m_dir.path() + QStringLiteral("/导出.xlsx");
    dialogs().answerFile(file);
    QVERIFY(screen->list()->exportAction()->isEnabled());
    screen->list()->exportAction()->trigger();
    QCOMPARE(dialogs().lastRequest().title, QStringLiteral("Exported"));
    QVERIFY(QFile::exists(file));

    // The record changes, and so does its serial: the hidden id column finds it anyway.
    auto record = m_fixture.store().get(shown.constFirst());
    QVERIFY(record.ok());
    const models::Instrument exported = record.value();
    record->name = QStringLiteral("改过的名称");
    record->serialNo = QStringLiteral("A004-X");
    QVERIFY(m_fixture.store().update(record.value()).ok());

    ImportDialog *dialog = openImport(file);
    QVERIFY(dialog);
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QCOMPARE(dialog->report().updated, 1);
    QCOMPARE(dialog->report().created, 0);
    QCOMPARE(dialog->report().rejectedRows(), 0);
    closeImport(dialog);
    const auto back = m_fixture.store().get(shown.constFirst());
    QVERIFY(back.ok());
    QCOMPARE(back->name, exported.name);
    QCOMPARE(back->serialNo, exported.serialNo);
    QCOMPARE(back->model, exported.model);
    QCOMPARE(back->validUntil, exported.validUntil);
    screen->applyArguments({{QStringLiteral("reset"), true}});
}

void TestImportDialog::exportToAFileThatCannotBeWritten()
{
    // A folder where the file should be: what a file held open looks like to the writer.
    const QString blocked = m_dir.path() + QStringLiteral("/held.xlsx");
    QVERIFY(QDir().mkpath(blocked));
    dialogs().answerFile(blocked);
    m_fixture.active()->list()->exportAction()->trigger();
    QCOMPARE(dialogs().lastRequest().kind, ScriptedDialogs::Kind::Critical);
    QVERIFY(dialogs().lastRequest().text.contains(QStringLiteral("held.xlsx")));
}

void TestImportDialog::templateIsReadBackByImport()
{
    const QString file = m_dir.path() + QStringLiteral("/模板");
    dialogs().answerFile(file);
    m_fixture.active()->templateAction()->trigger();
    QVERIFY(QFile::exists(file + QStringLiteral(".xlsx")));
    const auto header = io::InstrumentImport::inspect(file + QStringLiteral(".xlsx"));
    QVERIFY(header.ok());
    QCOMPARE(header->row, 1);
    QVERIFY(header->fields.contains(QStringLiteral("serialNo")));
    QVERIFY(header->fields.contains(QStringLiteral("name")));
}

void TestImportDialog::otherListsExportTheirVisibleColumns()
{
    QVERIFY(m_fixture.store().moveToHistory({bySerial(QStringLiteral("B001"))->id}).ok());
    m_fixture.session().context().notifyDataChanged();
    ui::ListScreen *list = m_fixture.history()->list();
    QCOMPARE(list->rowCount(), 1);
    const QString file = m_dir.path() + QStringLiteral("/history.csv");
    dialogs().answerFile(file);
    list->exportAction()->trigger();
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QAbstractItemModel *model = list->table()->model();
    const int first = list->table()->visibleColumns().constFirst();
    QVERIFY(lines.at(0).contains(model->headerData(first, Qt::Horizontal).toString()));
    QVERIFY(lines.at(1).contains(QStringLiteral("B001")));
}

// The import's pages are copied from the WAL into the database file after the import, by its
// checkpoint thread, not left for the window's next commit. (That the copy is not inside the
// import's commit is tst_importtransaction's to check.)
void TestImportDialog::importIsCheckpointedInTheBackground()
{
    QByteArray csv("出厂编号,计量器具名称,检定周期\n");
    for (int k = 0; k < 3000; ++k)
        csv += "W-" + QByteArray::number(k) + ",水表,12\n";
    const QString file = write(QStringLiteral("水表.csv"), csv);
    QVERIFY(!file.isEmpty());
    ImportDialog *dialog = openImport(file);
    QVERIFY(dialog);
    dialogs().clear();
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QVERIFY(dialog->imported());
    QCOMPARE(dialog->report().created, 3000);
    closeImport(dialog);
    models::Database::waitForBackgroundCheckpoints();
    const int frames = test::walFramesAfterAWrite(m_fixture.session().context().database());
    QVERIFY2(frames >= 0 && frames < 10, qPrintable(QString::number(frames)));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
