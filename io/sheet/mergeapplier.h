#pragma once

#include "io/sheet/xlsxparts.h"

#include <future>

namespace jl::io {

// Gives every cell of a merged range the value of its top-left cell as rows stream past,
// and makes up the rows a range covers that the file leaves out (sparse sheets write only
// the top-left row of a vertical merge).
class MergeApplier final {
public:
    using Ranges = models::Result<QList<xlsx::MergedRange>>;
    // What the rows held back while the ranges are still being found may take (about: each
    // cell's own size and its texts' allocations); past it push() waits. 16 MB holds about
    // 7,000 rows of 20 columns, most of what a 100,000-row sheet reads while the ranges are
    // searched; more raised the import's peak memory for little gain.
    static constexpr qsizetype MaxHeldBytes = qsizetype(16) << 20;
    static qsizetype heldSize(const SheetRow &row);

    MergeApplier(QList<xlsx::MergedRange> ranges, RowSink sink);
    // The ranges arrive from another thread: rows are held, in order, until they are known
    // (an error in finding them is returned by the push() or finish() that receives it).
    MergeApplier(std::future<Ranges> ranges, RowSink sink);

    // Rows must come in increasing order of number.
    models::Status push(SheetRow &row);
    models::Status finish();
    // For a reader that stopped: the error of finding the ranges, if any (waits for it).
    models::Status searchError();

private:
    struct Active {
        xlsx::MergedRange range;
        Cell value;
    };
    void setRanges(QList<xlsx::MergedRange> ranges);
    // Waits for the ranges and takes them; their error if finding them failed.
    models::Status take();
    // Takes the ranges when they are known (or `wait`s for them) and delivers the held rows.
    models::Status settle(bool wait);
    models::Status deliver(SheetRow &row);
    void activate(int rowNumber, const SheetRow *row);
    void apply(SheetRow &row) const;
    models::Status fillGap(int beforeRow);

    std::future<Ranges> m_pending; // valid until the ranges are known
    QList<SheetRow> m_held;
    qsizetype m_heldBytes = 0;
    QList<xlsx::MergedRange> m_ranges; // by first row
    qsizetype m_next = 0;
    QList<Active> m_active;
    RowSink m_sink;
    int m_last = 0;
    int m_end = 0; // last row any range covers
    bool m_date1904 = false;
};

} // namespace jl::io
