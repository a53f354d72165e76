// libFuzzer target: the .csv reader (RFC 4180 quoting, UTF-8 with or without BOM, GB18030
// fallback) and, on what it accepts, the import engine in check-only mode (header search,
// cell conversion, dates, duplicates).
#include "fuzz/fuzzchecks.h"
#include "fuzz/fuzzinput.h"
#include "io/sheet/csvreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = jl::fuzz::writeInput(bytes, QStringLiteral(".csv"));
    const jl::models::Status read =
        jl::io::CsvReader::read(path, jl::fuzz::checkingSink(), jl::fuzz::smallLimits());
    // The import detects the format from the first bytes: only what the csv reader would get.
    if (read && !bytes.startsWith("PK") && !bytes.startsWith("\xD0\xCF\x11\xE0"))
        jl::fuzz::checkImport(path);
    return 0;
}
