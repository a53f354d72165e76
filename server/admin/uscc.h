#pragma once

#include <QString>

namespace jl::server {

// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, Z, S, V,
// the last one a check character over the first 17.
namespace uscc {
bool isValid(const QString &code);
// The check character for 17 leading characters ('\0' if they are not valid).
QChar checkCharacter(const QString &first17);
// Upper case, surrounding spaces removed: what the login form and admin commands accept.
QString normalized(const QString &code);
} // namespace uscc

} // namespace jl::server
