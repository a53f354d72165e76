#pragma once

#include "io/import/instrumentimport.h"
#include "io/sheet/readoptions.h"

namespace jl::fuzz {

// Limits far below the defaults, so that a mutated zip bomb costs milliseconds, not seconds,
// and an input that gets past them is a finding.
io::ReadOptions smallLimits();

// A sink that checks what every reader promises about a row (1-based number within a
// sheet's bounds, no more columns than a sheet holds, no cell over Excel's length) and
// aborts when a promise is broken, so that libFuzzer reports it.
io::RowSink checkingSink();

// The import engine in check-only mode on the same file: its report must only name rows of
// the sheet. Aborts otherwise.
void checkImport(const QString &path);

} // namespace jl::fuzz
