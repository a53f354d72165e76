#include "app/spreadsheetcommands.h"

#include "app/appsession.h"
#include "app/translations.h"
#include "io/import/instrumentimport.h"
#include "io/sheet/sheetreader.h"
#include "models/itemmodels/instrumentfilter.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"
#include "ui/instruments/import/instrumenttransferjobs.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

namespace jl::app {

namespace {

const QString ImportCommand = QStringLiteral("import");
const QString ExportCommand = QStringLiteral("export");

// The actor named in the audit trail of a command-line import.
const QString CommandLineActor = QStringLiteral("command line");

QCommandLineOption databaseOption()
{
    return {QStringLiteral("database"),
            SpreadsheetCommands::tr("The local database (default: the one the program uses)."),
            QStringLiteral("PATH")};
}

QString databasePathOf(const QCommandLineParser &parser)
{
    const QString given = parser.value(QStringLiteral("database"));
    return given.isEmpty() ? AppSession::databasePath(AppSession::defaultDataDir())
                           : QFileInfo(given).absoluteFilePath();
}

QString outcomeName(models::IncomingOutcome::Kind kind)
{
    switch (kind) {
    case models::IncomingOutcome::Created:
        return QStringLiteral("created");
    case models::IncomingOutcome::Updated:
        return QStringLiteral("updated");
    case models::IncomingOutcome::Skipped:
        return QStringLiteral("skipped");
    case models::IncomingOutcome::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

// KEY=VALUE filters of the export, in the wire names or as the screens write them.
QString applyFilter(models::InstrumentFilter &filter, const QString &item)
{
    const qsizetype equals = item.indexOf(QLatin1Char('='));
    const QString key = item.left(equals).trimmed();
    const QString value = equals < 0 ? QString() : item.mid(equals + 1).trimmed();
    const auto is = [&value](std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (value == QString::fromUtf8(name))
                return true;
        }
        return false;
    };
    if (key == QLatin1String("name")) {
        filter.name = value;
    } else if (key == QLatin1String("serial") || key == QLatin1String("serialNo")) {
        filter.serialNo = value;
    } else if (key == QLatin1String("lifecycle") && is({"active", "history", "在用库", "曾用库"})) {
        filter.lifecycle =
            is({"history", "曾用库"}) ? models::Lifecycle::History : models::Lifecycle::Active;
    } else if (key == QLatin1String("status") && is({"inUse", "在用"})) {
        filter.status = models::InstrumentStatus::InUse;
    } else if (key == QLatin1String("status") && is({"suspended", "停用"})) {
        filter.status = models::InstrumentStatus::Suspended;
    } else if (key == QLatin1String("status") && is({"scrapped", "报废"})) {
        filter.status = models::InstrumentStatus::Scrapped;
    } else if (key == QLatin1String("result") && is({"pass", "合格"})) {
        filter.verificationResult = models::VerificationResult::Pass;
    } else if (key == QLatin1String("result") && is({"fail", "不合格"})) {
        filter.verificationResult = models::VerificationResult::Fail;
    } else if (key == QLatin1String("result") && is({"none", "无"})) {
        filter.verificationResult = models::VerificationResult::None;
    } else if (key == QLatin1String("warning") && is({"none", "无"})) {
        filter.warningLevel = models::WarningLevel::None;
    } else if (key == QLatin1String("warning") && is({"notice", "提示"})) {
        filter.warningLevel = models::WarningLevel::Notice;
    } else if (key == QLatin1String("warning") && is({"warning", "预警"})) {
        filter.warningLevel = models::WarningLevel::Warning;
    } else if (key == QLatin1String("warning") && is({"alert", "警示"})) {
        filter.warningLevel = models::WarningLevel::Alert;
    } else if (key == QLatin1String("complete") && is({"yes", "no"})) {
        filter.complete = value == QLatin1String("yes");
    } else if (key == QLatin1String("site")) {
        filter.siteId = value;
    } else {
        return SpreadsheetCommands::tr(
                   "Unknown filter \"%1\". Use name=TEXT, serial=PREFIX, "
                   "lifecycle=active|history, status=inUse|suspended|scrapped, "
                   "result=pass|fail|none, warning=none|notice|warning|alert, complete=yes|no "
                   "or site=ID.")
            .arg(item);
    }
    return {};
}

models::Status writeJson(const QString &path, const QJsonObject &json)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return models::Error{SpreadsheetCommands::tr("Cannot write the report %1: %2")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()),
                             {}};
    return {};
}

} // namespace

using models::Status;

bool SpreadsheetCommands::handles(int argc, char **argv)
{
    return argc > 1 && (std::strcmp(argv[1], "import") == 0 || std::strcmp(argv[1], "export") == 0);
}

int SpreadsheetCommands::run(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Jiliang"));
    QCoreApplication::setApplicationName(QStringLiteral("jiliang"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    Translations translations;
    translations.install({});

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    arguments = arguments.mid(2);
    const int code =
        command == ImportCommand ? runImport(arguments, out, err) : runExport(arguments, out, err);
    out.flush();
    err.flush();
    return code;
}

int SpreadsheetCommands::runImport(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Imports instruments from an .xlsx, .xls or .csv file."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Check every row against the library and report, but "
                                       "change nothing."));
    const QCommandLineOption onDuplicate(
        QStringLiteral("on-duplicate"),
        tr("What to do with a serial number already in the library: update (default) or skip."),
        QStringLiteral("update|skip"), QStringLiteral("update"));
    const QCommandLineOption report(QStringLiteral("report"),
                                    tr("Write the report as JSON to this file."),
                                    QStringLiteral("REPORT.json"));
    parser.addOptions({help, databaseOption(), dryRun, onDuplicate, report});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The file to import."));
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("jiliang import"));
    if (!parser.parse(withProgram)) {
        err << parser.errorText() << '\n';
        return Refused;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return Ok;
    }
    const QString duplicate = parser.value(onDuplicate);
    if (parser.positionalArguments().size() != 1 ||
        (duplicate != QLatin1String("update") && duplicate != QLatin1String("skip"))) {
        err << tr("Usage: jiliang import FILE [--database PATH] [--dry-run] "
                  "[--on-duplicate update|skip] [--report REPORT.json]")
            << '\n';
        return Refused;
    }
    const QString file = parser.positionalArguments().constFirst();
    const QString databasePath = databasePathOf(parser);
    io::ImportOptions options;
    options.dryRun = parser.isSet(dryRun);
    options.onExisting =
        duplicate == QLatin1String("skip") ? models::OnExisting::Skip : models::OnExisting::Update;
    if (parser.isSet(report))
        options.keepAccepted = std::numeric_limits<int>::max();

    // A dry run writes nothing, not even a new empty database: without one the rows are only
    // checked on their own.
    const bool withLibrary = !options.dryRun || QFileInfo::exists(databasePath);
    std::unique_ptr<models::Database> database;
    if (withLibrary) {
        auto opened = models::Database::open(databasePath);
        if (!opened) {
            err << opened.error().message << '\n';
            return Failed;
        }
        database = std::move(opened.value());
    }
    std::optional<models::InstrumentStore> store;
    if (database)
        store.emplace(*database, CommandLineActor);
    const models::Result<io::ImportReport> result =
        io::InstrumentImport::run(file, store ? &*store : nullptr, options);

    if (parser.isSet(report)) {
        const Status written =
            writeJson(parser.value(report), reportJson(file, result, options.dryRun, withLibrary));
        if (!written) {
            err << written.error().message << '\n';
            return Failed;
        }
    }
    if (!result) {
        err << tr("%1 was refused: %2").arg(QDir::toNativeSeparators(file), result.error().message)
            << '\n';
        return Refused;
    }
    const io::ImportReport &r = result.value();
    for (const io::RowIssue &issue : r.issues) {
        err << tr("Row %1%2: %3")
                   .arg(issue.row)
                   .arg(issue.column.isEmpty() ? QString() : QStringLiteral(", ") + issue.column,
                        issue.reason)
            << '\n';
    }
    if (!withLibrary)
        out << tr("Checked (no library): %1 rows fine, %2 rejected.")
                   .arg(r.unchecked)
                   .arg(r.rejectedRows());
    else
        out << (options.dryRun ? tr("Dry run, nothing changed: %1 would be added, %2 updated, "
                                    "%3 skipped, %4 rejected.")
                               : tr("Imported: %1 added, %2 updated, %3 skipped, %4 rejected."))
                   .arg(r.created)
                   .arg(r.updated)
                   .arg(r.skipped)
                   .arg(r.rejectedRows());
    out << '\n';
    out.flush();
    // After the outcome is out: the import's commit left its pages in the WAL
    // (InstrumentImport::run). A failure loses nothing; the next checkpoint takes them.
    if (database && !options.dryRun)
        (void)database->checkpoint();
    return Ok;
}

QJsonObject SpreadsheetCommands::reportJson(const QString &file,
                                            const models::Result<io::ImportReport> &result,
                                            bool dryRun, bool checkedAgainstLibrary)
{
    QJsonObject json;
    json.insert(QStringLiteral("file"), QFileInfo(file).absoluteFilePath());
    json.insert(QStringLiteral("dryRun"), dryRun);
    if (!result) {
        json.insert(QStringLiteral("status"), QStringLiteral("refused"));
        json.insert(QStringLiteral("error"), result.error().message);
        return json;
    }
    const io::ImportReport &r = result.value();
    json.insert(QStringLiteral("status"), QStringLiteral("read"));
    json.insert(QStringLiteral("committed"), r.committed);
    json.insert(QStringLiteral("headerRow"), r.header.row);
    QJsonArray columns;
    for (qsizetype c = 0; c < r.header.titles.size(); ++c) {
        columns.append(QJsonObject{
            {QStringLiteral("column"), io::SheetReader::columnName(int(c))},
            {QStringLiteral("title"), r.header.titles.at(c)},
            {QStringLiteral("field"), r.header.fields.value(c)},
        });
    }
    json.insert(QStringLiteral("columns"), columns);
    json.insert(QStringLiteral("dataRows"), r.dataRows);
    json.insert(QStringLiteral("emptyRows"), r.emptyRows);
    json.insert(QStringLiteral("created"), r.created);
    json.insert(QStringLiteral("updated"), r.updated);
    json.insert(QStringLiteral("skipped"), r.skipped);
    json.insert(QStringLiteral("unchecked"), r.unchecked);
    json.insert(QStringLiteral("rejected"), r.rejectedRows());
    QJsonArray accepted;
    for (const io::AcceptedRow &a : r.accepted) {
        const QJsonObject all = models::toJson(a.instrument);
        QJsonObject values;
        for (const QString &field : a.fields) {
            if (all.contains(field))
                values.insert(field, all.value(field));
        }
        if (!a.instrument.id.isEmpty())
            values.insert(QStringLiteral("id"), a.instrument.id);
        accepted.append(QJsonObject{
            {QStringLiteral("row"), a.row},
            {QStringLiteral("outcome"),
             checkedAgainstLibrary ? outcomeName(a.outcome) : QStringLiteral("unchecked")},
            {QStringLiteral("values"), values},
        });
    }
    json.insert(QStringLiteral("accepted"), accepted);
    QJsonArray rejected;
    for (const io::RowIssue &issue : r.issues) {
        rejected.append(QJsonObject{
            {QStringLiteral("row"), issue.row},
            {QStringLiteral("column"), issue.column},
            {QStringLiteral("reason"), issue.reason},
        });
    }
    json.insert(QStringLiteral("rejectedRows"), rejected);
    return json;
}

int SpreadsheetCommands::runExport(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Exports instruments to an .xlsx or .csv file (by its suffix), with the columns "
           "import reads."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption filter(
        QStringLiteral("filter"),
        tr("Only the instruments matching KEY=VALUE (repeatable): name=TEXT, serial=PREFIX, "
           "lifecycle=active|history, status=inUse|suspended|scrapped, result=pass|fail|none, "
           "warning=none|notice|warning|alert, complete=yes|no, site=ID."),
        QStringLiteral("KEY=VALUE"));
    parser.addOptions({help, databaseOption(), filter});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The file to write."));
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("jiliang export"));
    if (!parser.parse(withProgram)) {
        err << parser.errorText() << '\n';
        return Refused;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 1) {
        err << tr("Usage: jiliang export FILE [--database PATH] [--filter KEY=VALUE]…") << '\n';
        return Refused;
    }
    QString file = parser.positionalArguments().constFirst();
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix != QLatin1String("xlsx") && suffix != QLatin1String("csv")) {
        err << tr("The file must end in .xlsx or .csv: %1").arg(file) << '\n';
        return Refused;
    }
    models::InstrumentFilter instrumentFilter;
    for (const QString &item : parser.values(filter)) {
        if (const QString problem = applyFilter(instrumentFilter, item); !problem.isEmpty()) {
            err << problem << '\n';
            return Refused;
        }
    }
    const QString databasePath = databasePathOf(parser);
    if (!QFileInfo::exists(databasePath)) {
        err << tr("There is no local database at %1.").arg(QDir::toNativeSeparators(databasePath))
            << '\n';
        return Failed;
    }
    auto database = models::Database::open(databasePath);
    if (!database) {
        err << database.error().message << '\n';
        return Failed;
    }
    models::InstrumentTableModel model(*database.value());
    QString loadFailure;
    QObject::connect(&model, &models::InstrumentTableModel::loadFailed,
                     [&loadFailure](const QString &message) { loadFailure = message; });
    model.setFilter(instrumentFilter);
    const QStringList ids = model.allIds();
    if (!loadFailure.isEmpty()) {
        err << loadFailure << '\n';
        return Failed;
    }
    const Status written = ui::InstrumentTransferJobs::exportIds(*database.value(), ids, file);
    if (!written) {
        err << written.error().message << '\n';
        return Refused;
    }
    out << tr("%n instrument(s) written to %1.", nullptr, int(ids.size()))
               .arg(QDir::toNativeSeparators(file))
        << '\n';
    return Ok;
}

} // namespace jl::app
