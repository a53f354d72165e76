#pragma once

#include "io/sheet/readoptions.h"

#include <QCoreApplication>

namespace jl::io {

// The first worksheet of a legacy .xls (BIFF) workbook, through freexl. freexl tells dates
// from numbers but not the number format, so zero-padded serials and merged ranges are not
// seen in .xls files (saving as .xlsx keeps them).
class XlsReader final {
    Q_DECLARE_TR_FUNCTIONS(XlsReader)

public:
    static models::Status read(const QString &path, const RowSink &sink,
                               const ReadOptions &options);
};

} // namespace jl::io
