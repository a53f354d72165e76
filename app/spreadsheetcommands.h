#pragma once

#include "io/import/importtypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QTextStream;

namespace jl::app {

// The command line of issue 5, for scripting and support, with no window and no display:
//   jiliang import FILE [--database PATH] [--dry-run] [--on-duplicate update|skip]
//                       [--report REPORT.json]
//   jiliang export FILE [--database PATH] [--filter KEY=VALUE]…
// Exit status: 0 when the file was read (import; rows may be rejected) or written (export);
// 2 when the file was refused whole, could not be written, or the arguments make no sense;
// 1 when something else failed (the database, the report file).
class SpreadsheetCommands final {
    Q_DECLARE_TR_FUNCTIONS(SpreadsheetCommands)

public:
    enum Exit { Ok = 0, Failed = 1, Refused = 2 };

    // True when the first argument is "import" or "export": then run() does the whole job.
    // Looked at before any QApplication exists, so that no display is needed.
    static bool handles(int argc, char **argv);
    static int run(int argc, char **argv);

    // `arguments` without the program and the command word; messages go to out and err.
    static int runImport(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static int runExport(const QStringList &arguments, QTextStream &out, QTextStream &err);

    // The JSON report of an import: accepted rows with their parsed values, rejected rows
    // (row, column, reason), or the whole-file error.
    static QJsonObject reportJson(const QString &file,
                                  const models::Result<io::ImportReport> &result, bool dryRun,
                                  bool checkedAgainstLibrary);
};

} // namespace jl::app
