// Hostile and broken files are refused with a message that says what is wrong, in bounded
// time and memory: zip bombs (declared and lying sizes), truncated and corrupt zips,
// compression methods spreadsheet programs do not use, DTDs with entities, cells over
// 32,767 characters, more rows or columns than a sheet allows, a text file named .xlsx.
#include "spreadsheetfixture.h"

#include <QTest>

using namespace jl::io;
using namespace jl::io::test;

class TestHostileSpreadsheets final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refused_data();
    void refused();
    void budgetCountsInflatedBytes();
    void controlsAreRead();
};

void TestHostileSpreadsheets::refused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("words"); // part of the message
    QTest::newRow("bomb") << QStringLiteral("bomb.xlsx") << QStringLiteral("zip bomb");
    QTest::newRow("lying bomb") << QStringLiteral("bomb-lying.xlsx") << QString();
    QTest::newRow("truncated") << QStringLiteral("truncated.xlsx")
                               << QStringLiteral("damaged or incomplete");
    QTest::newRow("corrupt") << QStringLiteral("corrupt.xlsx") << QString();
    QTest::newRow("method") << QStringLiteral("unsupported-method.xlsx")
                            << QStringLiteral("compression method");
    QTest::newRow("doctype sheet") << QStringLiteral("doctype.xlsx") << QStringLiteral("DTD");
    QTest::newRow("doctype strings")
        << QStringLiteral("doctype-strings.xlsx") << QStringLiteral("DTD");
    QTest::newRow("overlong cell")
        << QStringLiteral("overlong-cell.xlsx") << QStringLiteral("32767 characters");
    QTest::newRow("columns") << QStringLiteral("too-many-columns.xlsx")
                             << QStringLiteral("beyond Excel's limits");
    QTest::newRow("rows") << QStringLiteral("too-many-rows.xlsx")
                          << QStringLiteral("beyond Excel's limits");
    QTest::newRow("not a workbook")
        << QStringLiteral("not-a-workbook.xlsx") << QStringLiteral("not an Excel workbook");
}

void TestHostileSpreadsheets::refused()
{
    QFETCH(QString, file);
    QFETCH(QString, words);
    const ReadResult r = readAll(corpus(file));
    QVERIFY2(!r.status.ok(), qPrintable(file));
    const QString message = r.status.error().message;
    QVERIFY(!message.isEmpty());
    qInfo("%s: %s", qPrintable(file), qPrintable(message));
    if (!words.isEmpty())
        QVERIFY2(message.contains(words), qPrintable(message));
    // Refused before any data row reached the caller, except the ones before the fault.
    QVERIFY(r.rows.size() <= 1);
}

void TestHostileSpreadsheets::budgetCountsInflatedBytes()
{
    // An honest file read under a tiny budget: the count while inflating stops it.
    ReadOptions options;
    options.limits.maxUncompressedBytes = 3000;
    const ReadResult r = readAll(corpus(QStringLiteral("title-merged.xlsx")), options);
    QVERIFY(!r.status.ok());
    QVERIFY2(r.status.error().message.contains(QStringLiteral("zip bomb")),
             qPrintable(r.status.error().message));
}

void TestHostileSpreadsheets::controlsAreRead()
{
    for (const char *name : {"base.xlsx", "base-shared.xlsx"}) {
        const ReadResult r = readAll(corpus(QLatin1String(name)));
        QVERIFY2(r.status.ok(), name);
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.rows.at(1).at(0).text, QStringLiteral("H-001"));
    }
}

QTEST_GUILESS_MAIN(TestHostileSpreadsheets)
#include "tst_hostilespreadsheets.moc"
