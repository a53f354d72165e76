#pragma once

#include "sync/secretbackend.h"

namespace jl::sync {

// The OS keychain through QtKeychain (Secret Service on Linux, Credential Manager on
// Windows, Keychain on macOS). Each call runs the job to its end in a local event loop, on
// the calling thread. Never with QtKeychain's insecure fallback (a plain-text file).
class KeychainBackend final : public SecretBackend {
public:
    explicit KeychainBackend(QString service);

    Answer read(const QString &key) override;
    Answer write(const QString &key, const QByteArray &value) override;
    Answer remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace jl::sync
