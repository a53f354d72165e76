#pragma once

#include "io/sheet/readoptions.h"

#include <QCoreApplication>

namespace jl::io {

// RFC 4180: fields separated by commas, quoted fields may hold commas, doubled quotes and
// line breaks; CRLF or LF. UTF-8 with or without BOM, else GB18030. Every cell is text;
// a row's number is its 1-based record number.
class CsvReader final {
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    static models::Status read(const QString &path, const RowSink &sink,
                               const ReadOptions &options);
    // The same on text already decoded (tests, fuzzing).
    static models::Status parse(QStringView text, const RowSink &sink, const ReadOptions &options);
};

} // namespace jl::io
