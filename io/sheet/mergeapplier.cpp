#include "io/sheet/mergeapplier.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <utility>

namespace jl::io {

using models::Status;

MergeApplier::MergeApplier(QList<xlsx::MergedRange> ranges, RowSink sink)
    : m_sink(std::move(sink))
{
    setRanges(std::move(ranges));
}

MergeApplier::MergeApplier(std::future<Ranges> ranges, RowSink sink)
    : m_pending(std::move(ranges))
    , m_sink(std::move(sink))
{}

void MergeApplier::setRanges(QList<xlsx::MergedRange> ranges)
{
    m_ranges = std::move(ranges);
    std::sort(m_ranges.begin(), m_ranges.end(),
              [](const auto &a, const auto &b) { return a.firstRow < b.firstRow; });
    for (const auto &r : m_ranges)
        m_end = std::max(m_end, r.lastRow);
}

qsizetype MergeApplier::heldSize(const SheetRow &row)
{
    // An allocation's header and the allocator's own share: about 32 bytes.
    const auto text = [](const QString &s) {
        return s.isEmpty() ? 0 : 32 + 2 * s.size();
    };
    qsizetype size = qsizetype(sizeof(SheetRow)) + 32;
    for (const Cell &c : row.cells)
        size += qsizetype(sizeof(Cell)) + text(c.text) + text(c.format);
    return size;
}

Status MergeApplier::take()
{
    Ranges ranges = m_pending.get(); // leaves m_pending invalid: known from here on
    if (!ranges)
        return ranges.error();
    setRanges(std::move(ranges).value());
    return {};
}

Status MergeApplier::settle(bool wait)
{
    if (!wait && m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return {};
    const QList<SheetRow> held = std::exchange(m_held, {});
    m_heldBytes = 0;
    if (Status s = take(); !s)
        return s;
    for (SheetRow row : held) {
        if (Status s = deliver(row); !s)
            return s;
    }
    return {};
}

void MergeApplier::activate(int rowNumber, const SheetRow *row)
{
    while (m_next < m_ranges.size() && m_ranges.at(m_next).firstRow <= rowNumber) {
        const auto &r = m_ranges.at(m_next++);
        // A range whose first row the file left out has an empty top-left cell.
        Cell value;
        if (row && r.firstRow == rowNumber)
            value = row->at(r.firstColumn);
        m_active.append(Active{r, value});
    }
    m_active.removeIf([rowNumber](const Active &a) { return a.range.lastRow < rowNumber; });
}

void MergeApplier::apply(SheetRow &row) const
{
    for (const Active &a : m_active) {
        if (a.range.firstRow > row.number || a.range.lastRow < row.number)
            continue;
        if (row.cells.size() <= a.range.lastColumn)
            row.cells.resize(a.range.lastColumn + 1);
        for (int c = a.range.firstColumn; c <= a.range.lastColumn; ++c) {
            if (c != a.range.firstColumn || row.number != a.range.firstRow)
                row.cells[c] = a.value;
        }
    }
}

Status MergeApplier::fillGap(int beforeRow)
{
    int r = m_last + 1;
    while (r < beforeRow) {
        activate(r, nullptr);
        const bool carries = std::any_of(m_active.cbegin(), m_active.cend(),
                                         [](const Active &a) { return !a.value.isEmpty(); });
        if (carries) {
            SheetRow made;
            made.number = r;
            made.date1904 = m_date1904;
            apply(made);
            if (Status s = m_sink(made); !s)
                return s;
            ++r;
            continue;
        }
        const int nextStart = m_next < m_ranges.size() ? m_ranges.at(m_next).firstRow : INT_MAX;
        r = std::max(r + 1, std::min(nextStart, beforeRow));
    }
    return {};
}

Status MergeApplier::push(SheetRow &row)
{
    if (m_pending.valid()) {
        if (Status s = settle(m_heldBytes >= MaxHeldBytes); !s)
            return s;
        if (m_pending.valid()) {
            m_held.append(row); // shares the cells: the caller's next row detaches
            m_heldBytes += heldSize(row);
            return {};
        }
    }
    return deliver(row);
}

Status MergeApplier::deliver(SheetRow &row)
{
    m_date1904 = row.date1904;
    if (m_ranges.isEmpty()) {
        m_last = row.number;
        return m_sink(row);
    }
    if (Status s = fillGap(row.number); !s)
        return s;
    activate(row.number, &row);
    apply(row);
    m_last = row.number;
    return m_sink(row);
}

Status MergeApplier::searchError()
{
    // The held rows stay held: the reader has stopped.
    return m_pending.valid() ? take() : Status{};
}

Status MergeApplier::finish()
{
    if (m_pending.valid()) {
        if (Status s = settle(true); !s)
            return s;
    }
    if (m_end > m_last)
        return fillGap(m_end + 1);
    return {};
}

} // namespace jl::io
