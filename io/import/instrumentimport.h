#pragma once

#include "io/import/importtypes.h"

#include <QCoreApplication>

namespace jl::io {

// Import of instruments from .xlsx, .xls or .csv under the contract of issue 5. Blocking and
// widget-free: call it on a worker thread; progress and cancellation go through
// ImportOptions. The usual sequence of a screen:
//   1. inspect(path)                     → header row, column mapping, first rows (preview)
//   2. run(path, &store, {dryRun = true}) → the exact report, nothing kept
//   3. run(path, &store, {…})             → the same, committed in one transaction
class InstrumentImport final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentImport)

public:
    // The header row (the first of rows 1–10 with at least 2 known column names) and the
    // column mapping. `headerRow` forces a row (the user's choice); 0 detects.
    static models::Result<HeaderInfo> inspect(const QString &path, int headerRow = 0,
                                              const ReadOptions &read = {});

    // Reads, checks and (with a store) applies the file. The error is a whole-file refusal
    // (unreadable or hostile file, a required column missing, cancelled, the store
    // failing): then nothing was imported. Rejected rows are in the report and the other
    // rows go in, all in one transaction with their outbox entries. Without a store the rows
    // are only checked (report.unchecked counts them). The commit leaves the WAL for the
    // caller to checkpoint after answering (Database::checkpoint(), checkpointInBackground()).
    static models::Result<ImportReport> run(const QString &path, models::InstrumentStore *store,
                                            const ImportOptions &options = {});

    // The mapping for a header row: each title's field, or empty.
    static QStringList fieldsFor(const QStringList &titles);
    // The first of `rows` (rows 1–10) that holds at least two known names, or 0.
    static int detectHeaderRow(const QList<SheetRow> &rows);
    // Refuses a mapping without 出厂编号 or 计量器具名称, naming the missing column.
    static models::Status checkRequired(const QStringList &fields);
};

} // namespace jl::io
