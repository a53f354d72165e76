// Golden reports (issue 5, Tests): every file of the import corpus (tests/data/import/)
// runs through the import engine in check-only mode, and its report — the header found, the
// accepted rows with their parsed values, the rejected rows with row, column and reason, or
// the whole-file refusal — must equal tests/data/import/expected/<file>.json. Reasons are the
// English source strings (the tests run untranslated). After a deliberate change, rewrite
// them with JILIANG_UPDATE_GOLDEN=1 and review the diff against the contract before
// committing: a golden file that keeps a bug is worse than none.
#include "io/import/instrumentcolumns.h"
#include "io/import/instrumentimport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTest>

using namespace jl::io;
using namespace jl::models;

namespace {

// The corpus files, and beside them expected/ with one report per file.
QDir corpusDir()
{
    return QDir(QDir(qEnvironmentVariable("JILIANG_TEST_DATA")).filePath(QStringLiteral("import")));
}

QDir expectedDir()
{
    return QDir(corpusDir().filePath(QStringLiteral("expected")));
}

QString expectedPath(const QString &file)
{
    return expectedDir().filePath(file + QStringLiteral(".json"));
}

QStringList corpusFiles()
{
    return corpusDir().entryList(
        {QStringLiteral("*.xlsx"), QStringLiteral("*.xls"), QStringLiteral("*.csv")}, QDir::Files,
        QDir::Name);
}

// The values of the fields the row gives, as the sync payload writes them (ISO dates,
// status wire names), so that a golden file reads like the record that would be stored.
QJsonObject valuesOf(const AcceptedRow &row)
{
    const QJsonObject all = toJson(row.instrument);
    QJsonObject values;
    for (const QString &field : row.fields)
        values.insert(field, all.value(field));
    return values;
}

QJsonObject reportJson(const QString &file, const Result<ImportReport> &result)
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    if (!result) {
        o.insert(QStringLiteral("error"), result.error().message);
        return o;
    }
    const ImportReport &r = *result;
    o.insert(QStringLiteral("headerRow"), r.header.row);
    QJsonObject columns; // title → field, the columns the import uses
    for (qsizetype c = 0; c < r.header.titles.size() && c < r.header.fields.size(); ++c) {
        if (!r.header.fields.at(c).isEmpty())
            columns.insert(r.header.titles.at(c), r.header.fields.at(c));
    }
    o.insert(QStringLiteral("columns"), columns);
    o.insert(QStringLiteral("dataRows"), r.dataRows);
    o.insert(QStringLiteral("emptyRows"), r.emptyRows);
    QJsonArray accepted;
    for (const AcceptedRow &a : r.accepted)
        accepted.append(
            QJsonObject{{QStringLiteral("row"), a.row}, {QStringLiteral("values"), valuesOf(a)}});
    o.insert(QStringLiteral("accepted"), accepted);
    QJsonArray rejected;
    for (const RowIssue &i : r.issues)
        rejected.append(QJsonObject{{QStringLiteral("row"), i.row},
                                    {QStringLiteral("column"), i.column},
                                    {QStringLiteral("reason"), i.reason}});
    o.insert(QStringLiteral("rejected"), rejected);
    return o;
}

bool updating()
{
    return qEnvironmentVariable("JILIANG_UPDATE_GOLDEN") == QLatin1String("1");
}

} // namespace

class TestImportGolden final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void corpusHasGoldens();
    void report_data();
    void report();
};

// No golden file without its corpus file (a renamed file would leave a check of nothing).
void TestImportGolden::corpusHasGoldens()
{
    const QStringList files = corpusFiles();
    QVERIFY(files.size() >= 20); // the corpus is there (JILIANG_TEST_DATA set)
    const QStringList goldens = expectedDir().entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &g : goldens) {
        const QString file = g.chopped(5);
        QVERIFY2(files.contains(file), qPrintable(g + QStringLiteral(" has no corpus file")));
    }
}

void TestImportGolden::report_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &f : corpusFiles())
        QTest::newRow(qPrintable(f)) << f;
}

void TestImportGolden::report()
{
    QFETCH(QString, file);
    ImportOptions options;
    options.keepAccepted = 1000;
    const auto result = InstrumentImport::run(corpusDir().filePath(file), nullptr, options);
    const QByteArray actual = QJsonDocument(reportJson(file, result)).toJson();

    if (updating()) {
        QSaveFile out(expectedPath(file));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(actual);
        QVERIFY(out.commit());
        qInfo("rewrote %s", qPrintable(expectedPath(file)));
        return;
    }
    QFile in(expectedPath(file));
    QVERIFY2(in.open(QIODevice::ReadOnly),
             qPrintable(QStringLiteral("no expected report for %1: write it with "
                                       "JILIANG_UPDATE_GOLDEN=1 and review it")
                            .arg(file)));
    const QByteArray expected = in.readAll();
    // The first differing line, so that a failure says what changed.
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype n = 0; n < std::max(a.size(), e.size()); ++n) {
        const QByteArray al = n < a.size() ? a.at(n) : QByteArray("<end>");
        const QByteArray el = n < e.size() ? e.at(n) : QByteArray("<end>");
        QVERIFY2(al == el, qPrintable(QStringLiteral("line %1:\n   actual: %2\n expected: %3")
                                          .arg(n + 1)
                                          .arg(QString::fromUtf8(al), QString::fromUtf8(el))));
    }
}

QTEST_GUILESS_MAIN(TestImportGolden)
#include "tst_importgolden.moc"
