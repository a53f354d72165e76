// `jiliang import` and `jiliang export` as a script runs them: the built program in its own
// process, no display, exit status 0 when the file was read and 2 when it was refused, the
// JSON report, --dry-run writing nothing, --on-duplicate, and --filter on export.
#include "models/store/database.h"
#include "models/store/instrumentstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace jl;

namespace {

const char *const Instruments = "仪器台账 2026,,,\n"
                                "出厂编号,计量器具名称,规格型号,有效日期\n"
                                "A001,燃油加油机,CS46,2027-01-31\n"
                                "A002,电子计价秤,,2027/2/30\n"
                                "A003,,X,\n"
                                "A004,电子计价秤,ACS-30,2027年3月1日\n";

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestSpreadsheetCommands final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void importWritesTheLibraryAndTheReport();
    void dryRunWritesNothing();
    void existingSerialsSkippedOrUpdated();
    void refusedFileExitsTwo();
    void wrongArgumentsExitTwo();
    void exportOfAFilterReimportsIntoTheSameRecords();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }
    Run jiliang(const QStringList &arguments) const
    {
        QProcess process;
        process.start(m_program, arguments);
        Run run;
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
            return run;
        run.exitCode = process.exitCode();
        run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        run.err = QString::fromLocal8Bit(process.readAllStandardError());
        return run;
    }
    static QJsonObject readJson(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }
    // The instrument with this serial in the database at `database`, or an empty one.
    static models::Instrument bySerial(const QString &database, const QString &serial)
    {
        auto db = models::Database::open(database);
        if (!db)
            return {};
        models::InstrumentStore store(*db.value(), QStringLiteral("test"));
        const auto found = store.findActiveBySerial(serial);
        return found && found.value() ? *found.value() : models::Instrument{};
    }

    QTemporaryDir m_dir;
    QString m_program;
    QString m_csv;
};

void TestSpreadsheetCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_program = qEnvironmentVariable("JILIANG_CLIENT_BIN");
    if (m_program.isEmpty()) {
        // Beside the tests in the build tree: <build>/tests/tst_x and <build>/app/jiliang.
        m_program =
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../app/jiliang"));
#ifdef Q_OS_WIN
        m_program += QStringLiteral(".exe");
#endif
    }
    QVERIFY2(QFileInfo(m_program).isExecutable(), qPrintable(m_program));
    m_csv = writeFile(QStringLiteral("台账.csv"), QByteArray(Instruments));
    QVERIFY(!m_csv.isEmpty());
}

void TestSpreadsheetCommands::importWritesTheLibraryAndTheReport()
{
    const QString database = path(QStringLiteral("import/jiliang.sqlite"));
    const QString report = path(QStringLiteral("import.json"));
    const Run run = jiliang({QStringLiteral("import"), m_csv, QStringLiteral("--database"),
                             database, QStringLiteral("--report"), report});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("2 added")));
    QVERIFY(run.err.contains(QStringLiteral("Row 4")));

    const QJsonObject json = readJson(report);
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("read"));
    QCOMPARE(json.value(QStringLiteral("committed")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("headerRow")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("created")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("rejected")).toInt(), 2);
    const QJsonArray accepted = json.value(QStringLiteral("accepted")).toArray();
    QCOMPARE(accepted.size(), 2);
    const QJsonObject first = accepted.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("row")).toInt(), 3);
    QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("created"));
    const QJsonObject values = first.value(QStringLiteral("values")).toObject();
    QCOMPARE(values.value(QStringLiteral("serialNo")).toString(), QStringLiteral("A001"));
    QCOMPARE(values.value(QStringLiteral("validUntil")).toString(), QStringLiteral("2027-01-31"));
    QCOMPARE(accepted.at(1)
                 .toObject()
                 .value(QStringLiteral("values"))
                 .toObject()
                 .value(QStringLiteral("validUntil")),
             QJsonValue(QStringLiteral("2027-03-01")));
    const QJsonArray rejected = json.value(QStringLiteral("rejectedRows")).toArray();
    QCOMPARE(rejected.size(), 2);
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("row")).toInt(), 4);
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("column")).toString(),
             QStringLiteral("有效日期"));
    QVERIFY(!rejected.at(0).toObject().value(QStringLiteral("reason")).toString().isEmpty());
    QCOMPARE(rejected.at(1).toObject().value(QStringLiteral("column")).toString(),
             QStringLiteral("计量器具名称"));

    QCOMPARE(bySerial(database, QStringLiteral("A004")).model, QStringLiteral("ACS-30"));
    QVERIFY(bySerial(database, QStringLiteral("A002")).id.isEmpty());
}

void TestSpreadsheetCommands::dryRunWritesNothing()
{
    // No database yet: none is made, the rows are checked on their own.
    const QString missing = path(QStringLiteral("dry/none.sqlite"));
    const QString report = path(QStringLiteral("dry.json"));
    Run run = jiliang({QStringLiteral("import"), m_csv, QStringLiteral("--database"), missing,
                       QStringLiteral("--dry-run"), QStringLiteral("--report"), report});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!QFileInfo::exists(missing));
    QJsonObject json = readJson(report);
    QCOMPARE(json.value(QStringLiteral("unchecked")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("committed")).toBool(), false);

    // Against a library: the exact outcome, and the library as it was.
    const QString database = path(QStringLiteral("dry/jiliang.sqlite"));
    QCOMPARE(
        jiliang({QStringLiteral("import"), m_csv, QStringLiteral("--database"), database}).exitCode,
        0);
    const QByteArray changed = "出厂编号,计量器具名称\nA001,改过的名称\nN001,压力表\n";
    const QString file = writeFile(QStringLiteral("changed.csv"), changed);
    run = jiliang({QStringLiteral("import"), file, QStringLiteral("--database"), database,
                   QStringLiteral("--dry-run"), QStringLiteral("--report"), report});
    QCOMPARE(run.exitCode, 0);
    json = readJson(report);
    QCOMPARE(json.value(QStringLiteral("updated")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("created")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("committed")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("accepted"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("outcome")),
             QJsonValue(QStringLiteral("updated")));
    QCOMPARE(bySerial(database, QStringLiteral("A001")).name, QStringLiteral("燃油加油机"));
    QVERIFY(bySerial(database, QStringLiteral("N001")).id.isEmpty());
}

void TestSpreadsheetCommands::existingSerialsSkippedOrUpdated()
{
    const QString database = path(QStringLiteral("dup/jiliang.sqlite"));
    QCOMPARE(
        jiliang({QStringLiteral("import"), m_csv, QStringLiteral("--database"), database}).exitCode,
        0);
    const QString file =
        writeFile(QStringLiteral("dup.csv"), "出厂编号,计量器具名称\nA001,燃油加油机二号\n");
    Run run = jiliang({QStringLiteral("import"), file, QStringLiteral("--database"), database,
                       QStringLiteral("--on-duplicate"), QStringLiteral("skip")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("1 skipped")));
    QCOMPARE(bySerial(database, QStringLiteral("A001")).name, QStringLiteral("燃油加油机"));
    run = jiliang({QStringLiteral("import"), file, QStringLiteral("--database"), database,
                   QStringLiteral("--on-duplicate"), QStringLiteral("update")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("1 updated")));
    QCOMPARE(bySerial(database, QStringLiteral("A001")).name, QStringLiteral("燃油加油机二号"));
}

void TestSpreadsheetCommands::refusedFileExitsTwo()
{
    const QString data = qEnvironmentVariable("JILIANG_TEST_DATA");
    QVERIFY(!data.isEmpty());
    const QString database = path(QStringLiteral("refused/jiliang.sqlite"));
    const QString report = path(QStringLiteral("refused.json"));
    Run run = jiliang({QStringLiteral("import"), data + QStringLiteral("/import/missing-name.xlsx"),
                       QStringLiteral("--database"), database, QStringLiteral("--report"), report});
    QCOMPARE(run.exitCode, 2);
    QJsonObject json = readJson(report);
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
    QVERIFY(
        json.value(QStringLiteral("error")).toString().contains(QStringLiteral("计量器具名称")));
    QVERIFY(!json.contains(QStringLiteral("accepted")));

    run = jiliang({QStringLiteral("import"), data + QStringLiteral("/import/truncated.xlsx"),
                   QStringLiteral("--database"), database, QStringLiteral("--report"), report});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!readJson(report).value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(!run.err.isEmpty());
}

void TestSpreadsheetCommands::wrongArgumentsExitTwo()
{
    QCOMPARE(jiliang({QStringLiteral("import")}).exitCode, 2);
    QCOMPARE(jiliang({QStringLiteral("import"), m_csv, QStringLiteral("--on-duplicate"),
                      QStringLiteral("merge")})
                 .exitCode,
             2);
    QCOMPARE(jiliang({QStringLiteral("export"), path(QStringLiteral("x.txt"))}).exitCode, 2);
    const Run help = jiliang({QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--on-duplicate")));
}

void TestSpreadsheetCommands::exportOfAFilterReimportsIntoTheSameRecords()
{
    const QString database = path(QStringLiteral("export/jiliang.sqlite"));
    QCOMPARE(
        jiliang({QStringLiteral("import"), m_csv, QStringLiteral("--database"), database}).exitCode,
        0);
    const QString file = path(QStringLiteral("计价秤.csv"));
    Run run = jiliang({QStringLiteral("export"), file, QStringLiteral("--database"), database,
                       QStringLiteral("--filter"), QStringLiteral("name=计价秤")});
    QCOMPARE(run.exitCode, 0);
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // the header and A004
    QVERIFY(lines.at(1).contains(QStringLiteral("A004")));
    csv.close();

    // An unknown filter is refused.
    QCOMPARE(jiliang({QStringLiteral("export"), file, QStringLiteral("--database"), database,
                      QStringLiteral("--filter"), QStringLiteral("colour=red")})
                 .exitCode,
             2);

    const QString id = bySerial(database, QStringLiteral("A004")).id;
    QVERIFY(!id.isEmpty());
    const QString report = path(QStringLiteral("reimport.json"));
    run = jiliang({QStringLiteral("import"), file, QStringLiteral("--database"), database,
                   QStringLiteral("--report"), report});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = readJson(report);
    QCOMPARE(json.value(QStringLiteral("updated")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("created")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("accepted"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("values"))
                 .toObject()
                 .value(QStringLiteral("id")),
             QJsonValue(id));
    QCOMPARE(bySerial(database, QStringLiteral("A004")).id, id);
}

QTEST_GUILESS_MAIN(TestSpreadsheetCommands)
#include "tst_spreadsheetcommands.moc"
