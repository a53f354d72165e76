#pragma once

#include <QByteArray>
#include <QString>

namespace jl::sync {

// Where TokenStore keeps secrets: the OS keychain in the program (KeychainBackend), a failing
// or in-memory one in tests. Calls block until the backend answers.
class SecretBackend {
public:
    enum class Outcome {
        Ok,
        NotFound,
        Unavailable, // no keychain, locked, refused: the caller keeps secrets in memory
    };
    struct Answer {
        Outcome outcome = Outcome::Unavailable;
        QByteArray value;
        QString error; // the backend's own words, for the log (never holds a secret)
    };

    SecretBackend() = default;
    virtual ~SecretBackend();
    SecretBackend(const SecretBackend &) = delete;
    SecretBackend &operator=(const SecretBackend &) = delete;

    virtual Answer read(const QString &key) = 0;
    virtual Answer write(const QString &key, const QByteArray &value) = 0;
    virtual Answer remove(const QString &key) = 0;
};

} // namespace jl::sync
