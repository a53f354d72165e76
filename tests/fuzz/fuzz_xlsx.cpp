// libFuzzer target: the .xlsx reader (zip, shared strings, styles, sheet XML, merged ranges)
// and, on what it accepts, the import engine in check-only mode.
#include "fuzz/fuzzchecks.h"
#include "fuzz/fuzzinput.h"
#include "io/sheet/xlsxreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = jl::fuzz::writeInput(bytes, QStringLiteral(".xlsx"));
    const jl::models::Status read =
        jl::io::XlsxReader::read(path, jl::fuzz::checkingSink(), jl::fuzz::smallLimits());
    if (read)
        jl::fuzz::checkImport(path);
    return 0;
}
