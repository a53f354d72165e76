#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace jl::io::textdecoding {

// UTF-8 (a BOM dropped) when the bytes are valid UTF-8, else nothing.
std::optional<QString> utf8(const QByteArray &bytes);
// GB18030 (a superset of GBK, what zh-CN Excel saves as "CSV"); nothing when the bytes are
// not valid GB18030 either. ICU through QStringDecoder, or code page 54936 on Windows,
// whose Qt builds usually lack ICU.
std::optional<QString> gb18030(const QByteArray &bytes);

} // namespace jl::io::textdecoding
