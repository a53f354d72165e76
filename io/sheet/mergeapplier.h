#pragma once

#include "io/sheet/xlsxparts.h"

namespace jl::io {

// Gives every cell of a merged range the value of its top-left cell as rows stream past,
// and makes up the rows a range covers that the file leaves out (sparse sheets write only
// the top-left row of a vertical merge).
class MergeApplier final {
public:
    MergeApplier(QList<xlsx::MergedRange> ranges, RowSink sink);

    // Rows must come in increasing order of number.
    models::Status push(SheetRow &row);
    models::Status finish();

private:
    struct Active {
        xlsx::MergedRange range;
        Cell value;
    };
    void activate(int rowNumber, const SheetRow *row);
    void apply(SheetRow &row) const;
    models::Status fillGap(int beforeRow);

    QList<xlsx::MergedRange> m_ranges; // by first row
    qsizetype m_next = 0;
    QList<Active> m_active;
    RowSink m_sink;
    int m_last = 0;
    int m_end = 0; // last row any range covers
    bool m_date1904 = false;
};

} // namespace jl::io
