#pragma once

#include "sync/secretbackend.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace jl::sync {

struct TokenPair {
    QString accessToken;
    QString refreshToken;
    bool isEmpty() const { return accessToken.isEmpty() && refreshToken.isEmpty(); }
    bool operator==(const TokenPair &) const = default;
};

// Access and refresh tokens per account, only in the OS keychain (sync.md §19): service
// "Jiliang", one entry per account (uscc + server). Values over 2,560 bytes are split in
// chunks (Windows Credential Manager's limit). When the keychain fails, the tokens of this
// session stay in memory and inMemoryOnly() says so, for the UI to tell the user — there is
// no insecure fallback. Thread-safe: the engine's thread writes rotated tokens.
class TokenStore final {
    Q_DECLARE_TR_FUNCTIONS(TokenStore)

public:
    static constexpr qsizetype MaxChunkBytes = 2560;

    // Without a backend, the OS keychain (KeychainBackend, service "Jiliang").
    explicit TokenStore(std::unique_ptr<SecretBackend> backend = nullptr);
    ~TokenStore();
    TokenStore(const TokenStore &) = delete;
    TokenStore &operator=(const TokenStore &) = delete;

    // "<uscc>@<server>" with the server URL normalised (no trailing slash, lower-case host).
    static QString accountKey(const QString &uscc, const QUrl &server);

    // Empty when none were stored (or the keychain is unavailable: then inMemoryOnly()).
    TokenPair read(const QString &key);
    // True when the tokens are in the keychain (or on their way there); false when they stay
    // in memory only. Called off the application's thread (the engine refreshing), the pair
    // is usable at once and reaches the keychain from the application's thread: QtKeychain
    // runs its jobs there, and a thread waiting for it while the application's thread waits
    // for that thread (shutdown) would never wake.
    bool write(const QString &key, const TokenPair &tokens);
    // Off the application's thread: at once in memory, later in the keychain (as write()).
    void remove(const QString &key);

    // The keychain failed during this session: tokens are kept in memory until the program
    // ends, and the user logs in again at the next start.
    bool inMemoryOnly() const;
    // A sentence for the user when inMemoryOnly(), else empty.
    QString notice() const;

private:
    bool useKeychain() const { return !m_unavailable; }
    void markUnavailable(const QString &why);
    SecretBackend::Answer readValue(const QString &key);
    SecretBackend::Answer writeValue(const QString &key, const QByteArray &value);
    bool writeToKeychain(const QString &key, const TokenPair &tokens);
    void removeValue(const QString &key);
    int storedChunks(const QString &key);

    mutable QMutex m_mutex;
    std::unique_ptr<SecretBackend> m_backend;
    QHash<QString, TokenPair> m_memory;
    bool m_unavailable = false;
    // Lives on the application's thread: the context of writes handed over to it; queued
    // writes die with the store.
    std::unique_ptr<QObject> m_appThread;
};

} // namespace jl::sync
