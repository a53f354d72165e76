#pragma once

namespace jl::io {

// Referenced by the .xlsx writer so that the linker keeps xlsxzipbinding.cpp, whose
// zipOpen() puts libxlsxwriter on a consistent minizip when QuaZip is loaded too (ELF).
bool xlsxZipBound();

} // namespace jl::io
