// 未匹配检定记录处理 in the real main window, offscreen: the empty state, the records listed
// and filtered, the likely instruments of the selected record, 关联 from the keyboard (Enter,
// refused and then confirmed: the instrument's serial and an outbox entry written, the record
// shown as linked, waiting for sync) and 导入 (Ctrl+N: the add form prefilled from the record;
// saving creates the instrument with its outbox entry).
#include "mainwindowfixture.h"

#include "models/domain/instrument.h"
#include "models/itemmodels/unmatchedrecordmodel.h"
#include "models/store/outbox.h"
#include "sync/filestore.h"
#include "sync/syncattachments.h"
#include "ui/common/filterbar.h"
#include "ui/common/listfooter.h"
#include "ui/mainwindow/screenregistry.h"
#include "ui/verification/matchcandidatepane.h"
#include "ui/verification/unmatchedrecordsscreen.h"
#include "unit/verificationrecordrows.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUrl>

using namespace jl;
using test::MainWindowFixture;
using M = models::UnmatchedRecordModel;
using ui::ScriptedDialogs;

class TestUnmatchedRecords final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_fixture.close(); }

    void registeredAfterTheHistoryLibrary();
    void emptyStateWhenNothingIsUnmatched();
    void recordsListedAndFiltered();
    void selectingARecordShowsItsLikelyInstruments();
    void exportWritesTheListedRecords();
    void linkAsksFirstAndWritesTheSerial();
    void importOpensThePrefilledFormAndSaves();
    void viewCertificateOpensTheDownloadedFile();

private:
    ui::UnmatchedRecordsScreen *screen() const
    {
        return qobject_cast<ui::UnmatchedRecordsScreen *>(
            m_fixture.window().openScreen(QLatin1String(ui::ScreenIds::UnmatchedRecords)));
    }
    int rowOfCertificate(const QString &certificateNo) const
    {
        const M *model = screen()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, M::CertificateNo).data().toString() == certificateNo)
                return row;
        }
        return -1;
    }
    models::Database &database() const { return m_fixture.session().context().database(); }
    int outboxEntriesFor(const QString &id) const
    {
        const auto entries = models::outbox::entries(database());
        int n = 0;
        for (const models::OutboxEntry &e : entries.value())
            n += e.recordId == id ? 1 : 0;
        return n;
    }

    ScriptedDialogs &dialogs() { return m_fixture.dialogs(); }

    MainWindowFixture m_fixture;
    QString m_typoId; // the instrument whose serial was typed wrong
    QString m_noRecordsText;
};

void TestUnmatchedRecords::initTestCase()
{
    QVERIFY(m_fixture.open());
    models::Instrument i;
    i.name = QStringLiteral("电子计价秤");
    i.model = QStringLiteral("ACS-30");
    i.serialNo = QStringLiteral("ZJ2026009999");
    QVERIFY(m_fixture.store().create(i).ok());
    i.serialNo = QStringLiteral("ZJ2026001234");
    const auto typo = m_fixture.store().create(i);
    QVERIFY(typo.ok());
    m_typoId = typo->id;
    i.name = QStringLiteral("燃油加油机");
    i.model = QStringLiteral("JY-80");
    i.serialNo = QStringLiteral("HZ5550001");
    QVERIFY(m_fixture.store().create(i).ok());
}

void TestUnmatchedRecords::registeredAfterTheHistoryLibrary()
{
    const QList<ui::ScreenDescriptor> &screens = m_fixture.session().registry().screens();
    qsizetype history = -1;
    qsizetype unmatched = -1;
    for (qsizetype n = 0; n < screens.size(); ++n) {
        if (screens.at(n).id == QLatin1String(ui::ScreenIds::HistoryInstruments))
            history = n;
        if (screens.at(n).id == QLatin1String(ui::ScreenIds::UnmatchedRecords))
            unmatched = n;
    }
    QVERIFY(history >= 0);
    QCOMPARE(unmatched, history + 1);
    QCOMPARE(screens.at(unmatched).group, QStringLiteral("instruments"));
}

void TestUnmatchedRecords::emptyStateWhenNothingIsUnmatched()
{
    ui::UnmatchedRecordsScreen *s = screen();
    QVERIFY(s);
    QCOMPARE(s->list()->rowCount(), 0);
    m_noRecordsText = s->list()->table()->emptyText();
    QVERIFY(!m_noRecordsText.isEmpty());

    // The records arrive (as a sync leaves them), and the screen reads them again.
    using test::recordRow;
    const QString hz = QStringLiteral("杭州市质量技术监督检测院");
    QVERIFY(!test::insertRecord(
                 database(), recordRow(QStringLiteral("C-001"), QStringLiteral("ZJ2026001235"),
                                       QStringLiteral("电子计价秤"), QStringLiteral("ACS-30"), hz,
                                       QStringLiteral("2026-03-01"), QStringLiteral("2027-02-28")))
                 .isEmpty());
    QVERIFY(!test::insertRecord(database(),
                                recordRow(QStringLiteral("C-002"), QStringLiteral("NEW0000777"),
                                          QStringLiteral("血压计"), QStringLiteral("BP-1"),
                                          QStringLiteral("宁波市计量测试研究院"),
                                          QStringLiteral("2026-05-10"),
                                          QStringLiteral("2027-05-09"), QStringLiteral("fail")))
                 .isEmpty());
    m_fixture.session().context().notifyDataChanged();
    QCOMPARE(s->list()->rowCount(), 2);
}

void TestUnmatchedRecords::recordsListedAndFiltered()
{
    ui::UnmatchedRecordsScreen *s = screen();
    ui::ListScreen *list = s->list();
    QCOMPARE(list->rowCount(), 2);
    QVERIFY(list->footer()->countText().contains(QLatin1Char('2')));
    QCOMPARE(
        s->model()->index(rowOfCertificate(QStringLiteral("C-002")), M::SerialNo).data().toString(),
        QStringLiteral("NEW0000777"));

    // Typed into the serial field, applied with Enter.
    auto *serial = qobject_cast<QLineEdit *>(list->filterBar()->firstField());
    QVERIFY(serial);
    QVERIFY(m_fixture.activate(&m_fixture.window()));
    serial->setFocus();
    QTest::keyClicks(serial, QStringLiteral("ZJ"));
    QTest::keyClick(serial, Qt::Key_Return);
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(s->model()->idAt(0).isEmpty(), false);
    QCOMPARE(s->model()->index(0, M::CertificateNo).data().toString(), QStringLiteral("C-001"));

    list->filterBar()->setValue(QStringLiteral("institution"), QStringLiteral("宁波"));
    list->filterBar()->apply();
    QCOMPARE(list->rowCount(), 0); // ZJ and 宁波 together: nothing
    // The empty line says the filter hides the records, not that there are none.
    QVERIFY(!list->table()->emptyText().isEmpty());
    QVERIFY(list->table()->emptyText() != m_noRecordsText);

    list->filterBar()->reset();
    QCOMPARE(list->rowCount(), 2);
}

void TestUnmatchedRecords::selectingARecordShowsItsLikelyInstruments()
{
    ui::UnmatchedRecordsScreen *s = screen();
    ui::MatchCandidatePane *pane = s->candidates();
    MainWindowFixture::selectRows(s->list(), {rowOfCertificate(QStringLiteral("C-001"))});
    QVERIFY(pane->headingText().contains(QStringLiteral("C-001")));
    QCOMPARE(pane->candidates().size(), 2);
    QCOMPARE(pane->candidates().constFirst().instrument.serialNo, QStringLiteral("ZJ2026001234"));
    QVERIFY(pane->candidates().constFirst().has(models::MatchReason::Kind::SerialDiffers));
    QCOMPARE(pane->table()->rowCount(), 2);
    QVERIFY(pane->current());
    QCOMPARE(pane->current()->instrument.id, m_typoId); // the best is selected
    QVERIFY(s->linkAction()->isEnabled());

    // A record like no instrument: no candidates, and nothing to link.
    MainWindowFixture::selectRows(s->list(), {rowOfCertificate(QStringLiteral("C-002"))});
    QVERIFY(pane->candidates().isEmpty());
    QVERIFY(!pane->emptyText().isEmpty());
    QVERIFY(!s->linkAction()->isEnabled());
    QVERIFY(s->importAction()->isEnabled());
}

void TestUnmatchedRecords::exportWritesTheListedRecords()
{
    // Through the list component's export, like every list.
    ui::UnmatchedRecordsScreen *s = screen();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("unmatched.csv"));
    dialogs().answerFile(path);
    QVERIFY(s->list()->exportAction());
    s->list()->exportAction()->trigger();
    QFile file(path);
    QVERIFY(QTest::qWaitFor([&file] { return file.exists(); }));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral("C-001")) && text.contains(QStringLiteral("NEW0000777")),
             qPrintable(text));
}

void TestUnmatchedRecords::linkAsksFirstAndWritesTheSerial()
{
    ui::UnmatchedRecordsScreen *s = screen();
    ui::ListScreen *list = s->list();
    const int row = rowOfCertificate(QStringLiteral("C-001"));
    MainWindowFixture::selectRows(list, {row});
    QCOMPARE(s->candidates()->current()->instrument.id, m_typoId);
    const int outboxBefore = outboxEntriesFor(m_typoId);
    QVERIFY(m_fixture.activate(&m_fixture.window()));
    list->table()->setFocus();

    // Enter asks; No changes nothing.
    dialogs().clear();
    dialogs().answerQuestion(QMessageBox::No);
    QTest::keyClick(list->table(), Qt::Key_Return);
    QCOMPARE(dialogs().count(ScriptedDialogs::Kind::Question), 1);
    const QString question = dialogs().lastRequest().text;
    QVERIFY2(question.contains(QStringLiteral("ZJ2026001234")) &&
                 question.contains(QStringLiteral("ZJ2026001235")),
             qPrintable(question));
    QCOMPARE(m_fixture.store().get(m_typoId)->serialNo, QStringLiteral("ZJ2026001234"));
    QCOMPARE(outboxEntriesFor(m_typoId), outboxBefore);

    // Yes: the serial is corrected, with its outbox entry.
    dialogs().answerQuestion(QMessageBox::Yes);
    QTest::keyClick(list->table(), Qt::Key_Return);
    QCOMPARE(dialogs().count(ScriptedDialogs::Kind::Question), 2);
    QCOMPARE(m_fixture.store().get(m_typoId)->serialNo, QStringLiteral("ZJ2026001235"));
    QCOMPARE(outboxEntriesFor(m_typoId), outboxBefore + 1);

    // Still listed until the server matches it, now as linked, waiting for sync; still
    // selected, with its instrument certain.
    const int after = rowOfCertificate(QStringLiteral("C-001"));
    QVERIFY(after >= 0);
    QVERIFY(s->model()->linkedPendingAt(after));
    QVERIFY(!list->footer()->summaryText().isEmpty());
    QCOMPARE(list->selectedRows(), QList<int>{after});
    QCOMPARE(s->candidates()->candidates().constFirst().confidence, 100);

    // Linking again says so and writes nothing.
    s->linkAction()->trigger();
    QCOMPARE(dialogs().count(ScriptedDialogs::Kind::Question), 2);
    QCOMPARE(dialogs().lastRequest().kind, ScriptedDialogs::Kind::Information);
    QCOMPARE(outboxEntriesFor(m_typoId), outboxBefore + 1);
}

void TestUnmatchedRecords::importOpensThePrefilledFormAndSaves()
{
    ui::UnmatchedRecordsScreen *s = screen();
    ui::ListScreen *list = s->list();
    MainWindowFixture::selectRows(list, {rowOfCertificate(QStringLiteral("C-002"))});
    QVERIFY(m_fixture.activate(&m_fixture.window()));
    list->table()->setFocus();
    QTest::keyClick(list->table(), Qt::Key_N, Qt::ControlModifier);
    auto *form = m_fixture.waitForDialog<ui::InstrumentForm>();
    QVERIFY(form);
    QCOMPARE(form->mode(), ui::InstrumentForm::Mode::Create);
    const models::Instrument prefilled = form->instrument();
    QCOMPARE(prefilled.serialNo, QStringLiteral("NEW0000777"));
    QCOMPARE(prefilled.name, QStringLiteral("血压计"));
    QCOMPARE(prefilled.model, QStringLiteral("BP-1"));
    QCOMPARE(prefilled.lastInstitution, QStringLiteral("宁波市计量测试研究院"));
    QCOMPARE(prefilled.lastVerificationDate, QDate(2026, 5, 10));
    QCOMPARE(prefilled.validUntil, QDate(2027, 5, 9));
    QCOMPARE(prefilled.verificationResult, models::VerificationResult::Fail);
    QCOMPARE(form->editor(QStringLiteral("serialNo"))->value().toString(),
             QStringLiteral("NEW0000777"));

    // The user adds what the record did not know, then saves.
    test::type(form->editor(QStringLiteral("manufacturer"))->widget(), QStringLiteral("鱼跃"));
    QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(m_fixture.dialogGone());

    const auto created = m_fixture.store().findActiveBySerial(QStringLiteral("NEW0000777"));
    QVERIFY(created.ok());
    QVERIFY(created->has_value());
    const models::Instrument &instrument = created->value();
    QCOMPARE(instrument.name, QStringLiteral("血压计"));
    QCOMPARE(instrument.manufacturer, QStringLiteral("鱼跃"));
    QCOMPARE(instrument.validUntil, QDate(2027, 5, 9));
    QCOMPARE(outboxEntriesFor(instrument.id), 1);
    QVERIFY(s->model()->linkedPendingAt(rowOfCertificate(QStringLiteral("C-002"))));
}

void TestUnmatchedRecords::viewCertificateOpensTheDownloadedFile()
{
    ui::UnmatchedRecordsScreen *s = screen();
    QList<QUrl> opened;
    s->setFileOpener([&opened](const QUrl &url) {
        opened.append(url);
        return true;
    });
    const int row = rowOfCertificate(QStringLiteral("C-002"));
    QVERIFY(row >= 0);
    MainWindowFixture::selectRows(s->list(), {row});

    // No certificate named: said so, nothing opened.
    dialogs().clear();
    s->certificateAction()->trigger();
    QCOMPARE(dialogs().lastRequest().kind, ScriptedDialogs::Kind::Information);
    QVERIFY(opened.isEmpty());

    // Named but not downloaded yet (sync brings it): said so, nothing opened.
    const QByteArray pdf("%PDF-1.4\n% certificate C-002\n");
    QTemporaryDir dir;
    QFile source(dir.filePath(QStringLiteral("c.pdf")));
    QVERIFY(source.open(QIODevice::WriteOnly));
    QCOMPARE(source.write(pdf), pdf.size());
    source.close();
    const QString sha = sync::FileStore::sha256Of(source.fileName()).value();
    QVERIFY(database()
                .exec(QStringLiteral("test"),
                      QStringLiteral("UPDATE verification_record SET certificate = ? WHERE "
                                     "certificate_no = 'C-002'"),
                      {sha})
                .ok());
    dialogs().clear();
    s->certificateAction()->trigger();
    QCOMPARE(dialogs().lastRequest().kind, ScriptedDialogs::Kind::Information);
    QVERIFY(opened.isEmpty());

    // In the account's file store (as sync leaves it): opened, as a .pdf with its bytes.
    sync::FileStore files(sync::syncattachments::folderFor(database().path()));
    QCOMPARE(files.add(source.fileName()).value(), sha);
    dialogs().clear();
    s->certificateAction()->trigger();
    QVERIFY(dialogs().requests().isEmpty());
    QCOMPARE(opened.size(), qsizetype(1));
    QVERIFY(opened.constFirst().isLocalFile());
    const QString path = opened.constFirst().toLocalFile();
    QVERIFY2(QFileInfo(path).fileName().startsWith(QStringLiteral("C-002-")), qPrintable(path));
    QVERIFY(path.endsWith(QStringLiteral(".pdf")));
    QFile shown(path);
    QVERIFY(shown.open(QIODevice::ReadOnly));
    QCOMPARE(shown.readAll(), pdf);
}

QTEST_MAIN(TestUnmatchedRecords)
#include "tst_unmatchedrecords.moc"
