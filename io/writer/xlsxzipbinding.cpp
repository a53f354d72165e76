// Why this file exists: libxlsxwriter writes its zip through the system minizip, calling
// zipOpen(path). QuaZip exports its own minizip under the same names, and there zipOpen()
// takes a QIODevice*, not a path. ELF binds every library's calls to the first definition in
// the process, which is QuaZip's (even libminizip's calls to itself go there), so
// libxlsxwriter crashed in QuaZip's zipOpen. The program's own zipOpen comes first of all:
// this one opens the path with stdio callbacks through QuaZip's zipOpen2_64, and from then on
// every zip call libxlsxwriter makes runs in QuaZip's minizip, consistently. Windows and
// macOS bind symbols per library and never mix the two.
#include "io/writer/xlsxzipbinding.h"

#include <QtGlobal>

#if defined(__ELF__)
#include <zip.h>

#include <cstdio>

namespace {

voidpf ZCALLBACK openFile(voidpf, voidpf path, int mode)
{
    const char *how = (mode & ZLIB_FILEFUNC_MODE_CREATE)     ? "wb"
                      : (mode & ZLIB_FILEFUNC_MODE_EXISTING) ? "r+b"
                                                             : "rb";
    return std::fopen(static_cast<const char *>(path), how);
}

uLong ZCALLBACK readFile(voidpf, voidpf stream, void *buf, uLong size)
{
    return uLong(std::fread(buf, 1, size, static_cast<FILE *>(stream)));
}

uLong ZCALLBACK writeFile(voidpf, voidpf stream, const void *buf, uLong size)
{
    return uLong(std::fwrite(buf, 1, size, static_cast<FILE *>(stream)));
}

ZPOS64_T ZCALLBACK tellFile(voidpf, voidpf stream)
{
    return ZPOS64_T(std::ftell(static_cast<FILE *>(stream)));
}

int ZCALLBACK seekFile(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    int whence = SEEK_SET;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        whence = SEEK_CUR;
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        whence = SEEK_END;
    return std::fseek(static_cast<FILE *>(stream), long(offset), whence) == 0 ? 0 : -1;
}

int ZCALLBACK closeFile(voidpf, voidpf stream)
{
    return std::fclose(static_cast<FILE *>(stream));
}

int ZCALLBACK fileError(voidpf, voidpf stream)
{
    return std::ferror(static_cast<FILE *>(stream));
}

} // namespace

extern "C" zipFile zipOpen(voidpf path, int append)
{
    zlib_filefunc64_def io{};
    io.zopen64_file = openFile;
    io.zread_file = readFile;
    io.zwrite_file = writeFile;
    io.ztell64_file = tellFile;
    io.zseek64_file = seekFile;
    io.zclose_file = closeFile;
    io.zerror_file = fileError;
    io.zfakeclose_file = closeFile;
    return zipOpen2_64(path, append, nullptr, &io);
}

#endif

bool jl::io::xlsxZipBound()
{
    return true;
}
