#pragma once

#include "io/sheet/readoptions.h"
#include "models/domain/instrument.h"
#include "models/store/instrumentstore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace jl::io {

// The header row found (or chosen) and what each column means. A UI shows it, lets the user
// change `fields`, and passes it back in ImportOptions.
struct HeaderInfo {
    int row = 0;          // 1-based sheet row of the header; 0 = none of rows 1–10 qualifies
    QStringList titles;   // per column, as the file writes it (trimmed)
    QStringList fields;   // per column: InstrumentField name, "id", or empty (ignored)
    QList<SheetRow> rows; // the first rows of the sheet (up to the header + 20), for a preview
};

// One problem with one row: what the report shows and saves.
struct RowIssue {
    int row = 0;    // sheet row (CSV: record number), header and titles counted
    QString column; // the column's header as the file writes it; empty for the whole row
    QString reason; // translated
};

struct AcceptedRow {
    int row = 0;
    models::Instrument instrument; // as parsed (id = the hidden id column, if any)
    QStringList fields;            // the fields the row gives
    models::IncomingOutcome::Kind outcome = models::IncomingOutcome::Created;
};

struct ImportOptions {
    int headerRow = 0;  // 0 = detect
    QStringList fields; // per column; empty = as detected
    models::OnExisting onExisting = models::OnExisting::Update;
    bool dryRun = false;  // do everything, then roll back (the preview's exact report)
    int keepAccepted = 0; // how many accepted rows to keep, with their values
    Progress progress;    // fraction of the file read
    const std::atomic_bool *cancel = nullptr;
};

struct ImportReport {
    HeaderInfo header;
    int dataRows = 0;  // rows after the header that hold something
    int emptyRows = 0; // skipped silently
    int created = 0;
    int updated = 0;
    int skipped = 0;   // the serial exists and the user chose to skip
    int unchecked = 0; // parsed fine, not checked against a library (no store given)
    QList<RowIssue> issues;
    QList<AcceptedRow> accepted; // the first ImportOptions::keepAccepted
    bool committed = false;

    // Rows with at least one issue.
    int rejectedRows() const;
};

} // namespace jl::io
