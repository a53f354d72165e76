#include "fuzz/fuzzinput.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

namespace jl::fuzz {

QString writeInput(const QByteArray &bytes, const QString &suffix)
{
    // One folder for the process; removed at exit by its destructor.
    static QTemporaryDir dir;
    if (!dir.isValid())
        std::abort(); // the harness itself is broken: stop rather than fuzz nothing
    const QString path = dir.filePath(QStringLiteral("input") + suffix);
    // A scratch file nobody else reads: no need for the atomic write of user files.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        std::abort();
    return path;
}

} // namespace jl::fuzz
