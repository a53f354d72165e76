#pragma once

#include "io/sheet/readoptions.h"

#include <QCoreApplication>

namespace jl::io {

enum class SheetFormat { Xlsx, Xls, Csv };

// Reads the first worksheet of an .xlsx, .xls or .csv file row by row, streaming: memory
// stays bounded by the shared strings and one row (plus, for .xlsx, about 16 MB of rows
// held while its merged ranges are found: MergeApplier::MaxHeldBytes), whatever the sheet's size.
// Merged ranges are applied (every cell of a range carries the top-left value). The format is told
// by the file's first bytes, not its name. A refused file gives an error whose message says what is
// wrong, translated.
class SheetReader final {
    Q_DECLARE_TR_FUNCTIONS(SheetReader)

public:
    static models::Result<SheetFormat> detectFormat(const QString &path);
    static models::Status read(const QString &path, const RowSink &sink,
                               const ReadOptions &options = {});

    // Messages shared by the readers.
    static models::Error cancelledError();
    static models::Error tooLarge(const QString &path);
    static models::Error cellTooLong(int row, int column);
    static models::Error outOfBounds(int row, int column);
    // "AB" for column index 27 (0-based).
    static QString columnName(int column);
};

} // namespace jl::io
