#pragma once

#include "io/sheet/cell.h"
#include "models/common/result.h"

#include <atomic>
#include <functional>

namespace jl::io {

// Excel's own bounds (a sheet has 1,048,576 rows and 16,384 columns; a cell holds at most
// 32,767 characters): a file beyond them was not made by a spreadsheet program.
inline constexpr int MaxRows = 1048576;
inline constexpr int MaxColumns = 16384;
inline constexpr int MaxCellLength = 32767;

// Bounds that keep a hostile file from taking unbounded time or memory.
struct ReadLimits {
    // Every zip entry read through one handle on the file, together (the search for merged
    // ranges reads the sheet again through its own handle, with its own budget).
    qint64 maxUncompressedBytes = qint64(1) << 30;
    qint64 maxRatio = 250;       // uncompressed / compressed, per entry past ratioFloor
    qint64 ratioFloor = 1 << 20; // small entries may compress well without being bombs
    qint64 maxCsvBytes = qint64(512) << 20;
};

// Called with the fraction done (0..1); from the reading thread.
using Progress = std::function<void(double)>;

struct ReadOptions {
    ReadLimits limits;
    Progress progress;
    // Set from another thread to stop; the reader then returns an error.
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// Receives each row in order; an error stops the reading and is returned by the reader.
using RowSink = std::function<models::Status(const SheetRow &)>;

} // namespace jl::io
