#pragma once

#include "io/sheet/sheetxmlcell.h"

namespace jl::io::xlsx {

// The worksheet's rows read with QXmlStreamReader: for parts the byte scanner does not read
// (UTF-16, or an encoding other than UTF-8 declared), which spreadsheet programs do not write
// but XML allows. Returns the first error: the sink's, a bound, then the zip stream's, then
// the XML's; the caller checks the stream's end (finish()).
models::Status readRowsWithQt(const SheetPass &pass);

// The shared strings read with QXmlStreamReader, for the same parts; the caller checks the
// stream's end.
models::Result<QList<QString>> readSharedStringsWithQt(QIODevice &device, ZipPackage &zip,
                                                       const QString &path,
                                                       const ReadOptions &options);

} // namespace jl::io::xlsx
