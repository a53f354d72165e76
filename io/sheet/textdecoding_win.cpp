// GB18030 on Windows: Qt builds there usually lack ICU, so the system converter does it.
#include "io/sheet/textdecoding.h"

#ifdef Q_OS_WIN
#include <qt_windows.h>

namespace jl::io::textdecoding {

std::optional<QString> gb18030(const QByteArray &bytes)
{
    constexpr UINT CodePage = 54936;
    if (bytes.isEmpty())
        return QString();
    const int n = MultiByteToWideChar(CodePage, MB_ERR_INVALID_CHARS, bytes.constData(),
                                      int(bytes.size()), nullptr, 0);
    if (n <= 0)
        return std::nullopt;
    QString text(n, Qt::Uninitialized);
    MultiByteToWideChar(CodePage, MB_ERR_INVALID_CHARS, bytes.constData(), int(bytes.size()),
                        reinterpret_cast<wchar_t *>(text.data()), n);
    return text;
}

} // namespace jl::io::textdecoding
#endif
