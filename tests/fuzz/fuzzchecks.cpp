#include "fuzz/fuzzchecks.h"

#include <cstdlib>

namespace jl::fuzz {

io::ReadOptions smallLimits()
{
    io::ReadOptions options;
    options.limits.maxUncompressedBytes = 8 << 20;
    options.limits.ratioFloor = 64 << 10;
    options.limits.maxCsvBytes = 1 << 20;
    return options;
}

io::RowSink checkingSink()
{
    return [](const io::SheetRow &row) -> models::Status {
        if (row.number < 1 || row.number > io::MaxRows || row.cells.size() > io::MaxColumns)
            std::abort();
        for (const io::Cell &cell : row.cells) {
            if (cell.text.size() > io::MaxCellLength)
                std::abort();
            if (cell.kind == io::CellKind::Date && !cell.date.isValid())
                std::abort();
        }
        return {};
    };
}

void checkImport(const QString &path)
{
    io::ImportOptions options;
    options.keepAccepted = 1000;
    auto report = io::InstrumentImport::run(path, nullptr, options);
    if (!report)
        return; // a whole-file refusal is a fine answer to a damaged file
    for (const io::RowIssue &issue : report->issues) {
        if (issue.row < 1 || issue.row > io::MaxRows || issue.reason.isEmpty())
            std::abort();
    }
    for (const io::AcceptedRow &row : report->accepted) {
        if (row.row <= report->header.row || row.instrument.serialNo.isEmpty() ||
            row.instrument.name.isEmpty())
            std::abort();
    }
}

} // namespace jl::fuzz
