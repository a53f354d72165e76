#pragma once

#include "io/sheet/readoptions.h"

#include <QCoreApplication>

namespace jl::io {

// Streams the first worksheet (in workbook order) of an .xlsx package: the sheet XML is
// read twice at once, on a second thread for its merged ranges (they come after the cells)
// and on the caller's for the cells, so that no DOM of the sheet is ever built.
class XlsxReader final {
    Q_DECLARE_TR_FUNCTIONS(XlsxReader)

public:
    static models::Status read(const QString &path, const RowSink &sink,
                               const ReadOptions &options);
};

} // namespace jl::io
