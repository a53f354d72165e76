#pragma once

#include <QString>

namespace jl::server {

// Slow salted password hashes: PBKDF2-HMAC-SHA256, stored as
// "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" so that the cost can rise later and old
// hashes still verify.
class PasswordHasher final {
public:
    static constexpr int ProductionIterations = 600000;

    static QString hash(const QString &password, int iterations);
    static bool verify(const QString &password, const QString &stored);
    // A random password for a new account: 16 characters, no look-alikes (0/O, 1/l/I).
    static QString randomPassword();
};

} // namespace jl::server
