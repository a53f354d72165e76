#pragma once

#include <QByteArray>
#include <QString>

namespace jl::server::secrets {

// Random tokens and their stored form. Tokens are never stored: only their SHA-256.

// prefix + 32 random bytes in base64url (no padding), e.g. "jla_Zm9v…".
QString randomToken(const char *prefix, int bytes = 32);
QByteArray randomBytes(int count);
QString sha256Hex(const QByteArray &data);
QString base64Url(const QByteArray &data);
// Compares in time independent of where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace jl::server::secrets
