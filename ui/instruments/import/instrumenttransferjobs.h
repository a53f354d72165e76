#pragma once

#include "io/import/importtypes.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>

namespace jl::models {
class Database;
}

namespace jl::ui {

// The blocking halves of 导入 and 导出, widget-free, for a worker thread and for the command
// line. A SQLite connection belongs to the thread that opened it, so the worker opens its own
// connection to the library's file and closes it before returning; WAL lets the window go on
// reading meanwhile, and the import still writes in one transaction.
class InstrumentTransferJobs final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentTransferJobs)

public:
    // Imports `file` into the database at `databasePath` as `actor`, and leaves the
    // checkpoint of what it wrote to Database::checkpointInBackground().
    static models::Result<io::ImportReport> importFile(const QString &databasePath,
                                                       const QString &actor, const QString &file,
                                                       const io::ImportOptions &options);

    // Writes the instruments `ids` names, in that order, to `file` (.xlsx or .csv by its
    // suffix) with the import's columns and the hidden id column. Reads them a page at a
    // time, so memory stays bounded whatever the library's size.
    static models::Status exportIds(models::Database &database, const QStringList &ids,
                                    const QString &file, const io::Progress &progress = {},
                                    const std::atomic_bool *cancel = nullptr);
    // The same on its own connection to the file at `databasePath`.
    static models::Status exportIds(const QString &databasePath, const QStringList &ids,
                                    const QString &file, const io::Progress &progress = {},
                                    const std::atomic_bool *cancel = nullptr);

    static models::Error cancelledExport();
};

} // namespace jl::ui
