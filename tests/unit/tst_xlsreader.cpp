// The legacy .xls reader (freexl) on a file LibreOffice converted from the regulator-style
// sheet: text, whole numbers (freexl gives INT), dates, the 1-based row numbers.
#include "spreadsheetfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace jl::io;
using namespace jl::io::test;

class TestXlsReader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsLibreOfficeXls();
    void damagedXlsRefused();
};

void TestXlsReader::readsLibreOfficeXls()
{
    const auto format = SheetReader::detectFormat(corpus(QStringLiteral("libreoffice.xls")));
    QVERIFY(format.ok());
    QCOMPARE(*format, SheetFormat::Xls);
    const ReadResult r = readAll(corpus(QStringLiteral("libreoffice.xls")));
    QVERIFY2(r.status.ok(), qPrintable(r.status.error().message));
    QCOMPARE(r.row(1)->at(0).text, QStringLiteral("某某市在用计量器具台账"));
    QCOMPARE(r.row(3)->at(1).text, QStringLiteral("*出厂编号"));
    QCOMPARE(r.row(4)->at(1).kind, CellKind::Number);
    QCOMPARE(r.row(4)->at(1).number, 123.0);
    QCOMPARE(r.row(4)->at(6).kind, CellKind::Date);
    QCOMPARE(r.row(4)->at(6).date, QDate(2022, 6, 1));
    QCOMPARE(r.row(5)->at(1).number, 1234567890123.0);
    QCOMPARE(r.row(7)->at(1).text, QStringLiteral("  ABC-001\u3000"));
}

void TestXlsReader::damagedXlsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.xls"));
    QFile source(corpus(QStringLiteral("libreoffice.xls")));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(source.read(1024)); // the OLE signature, then nothing
    out.close();
    const ReadResult r = readAll(path);
    QVERIFY(!r.status.ok());
    QVERIFY(r.status.error().message.contains(QStringLiteral("damaged.xls")));
}

QTEST_GUILESS_MAIN(TestXlsReader)
#include "tst_xlsreader.moc"
