#include "ui/instruments/import/instrumenttransferjobs.h"

#include "io/import/instrumentcolumns.h"
#include "io/import/instrumentexport.h"
#include "io/import/instrumentimport.h"
#include "io/writer/tablewriter.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"

#include <algorithm>

namespace jl::ui {

using models::Result;
using models::Status;

Result<io::ImportReport> InstrumentTransferJobs::importFile(const QString &databasePath,
                                                            const QString &actor,
                                                            const QString &file,
                                                            const io::ImportOptions &options)
{
    auto database = models::Database::open(databasePath);
    if (!database)
        return database.error();
    models::InstrumentStore store(*database.value(), actor);
    auto report = io::InstrumentImport::run(file, &store, options);
    // The window shows the outcome while the import's pages are copied from the WAL, on the
    // checkpoints' own thread (AppSession waits for it before the files are closed).
    if (report && !options.dryRun)
        models::Database::checkpointInBackground(databasePath);
    return report;
}

Status InstrumentTransferJobs::exportIds(models::Database &database, const QStringList &ids,
                                         const QString &file, const io::Progress &progress,
                                         const std::atomic_bool *cancel)
{
    // Small pages: a read of a few hundred records is quick, so Cancel answers at once.
    constexpr qsizetype Page = 500;
    auto writer = io::TableWriter::create(file, io::instrumentcolumns::exportSpecs(),
                                          QStringLiteral("在用计量器具"));
    if (!writer)
        return writer.error();
    models::InstrumentStore store(database, QString());
    for (qsizetype from = 0; from < ids.size(); from += Page) {
        if (cancel && cancel->load())
            return cancelledExport();
        const auto records = store.get(ids.mid(from, Page));
        if (!records)
            return records.error();
        for (const models::Instrument &record : records.value()) {
            if (Status s = (*writer)->addRow(io::InstrumentExport::rowOf(record)); !s)
                return s;
        }
        if (progress)
            progress(std::min(1.0, double(from + Page) / double(ids.size())));
    }
    if (cancel && cancel->load())
        return cancelledExport();
    return (*writer)->commit();
}

Status InstrumentTransferJobs::exportIds(const QString &databasePath, const QStringList &ids,
                                         const QString &file, const io::Progress &progress,
                                         const std::atomic_bool *cancel)
{
    auto database = models::Database::open(databasePath);
    if (!database)
        return database.error();
    return exportIds(*database.value(), ids, file, progress, cancel);
}

models::Error InstrumentTransferJobs::cancelledExport()
{
    return models::Error{tr("Export cancelled; the file was not written."), {}};
}

} // namespace jl::ui
