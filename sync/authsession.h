#pragma once

#include "sync/tokenprovider.h"
#include "sync/tokenstore.h"

#include <QCoreApplication>
#include <QMutex>
#include <QUrl>

namespace jl::sync {

// The signed-in account's tokens for the engine and the HTTP adapter (TokenProvider), and
// logout. Tokens come from and go to the TokenStore (the OS keychain) only. refresh() runs on
// the engine's thread: it exchanges the refresh token at /oauth/token (the server rotates it:
// the old one is dead once used), writes the new pair to the store, and answers LoginRequired
// when the server refuses the refresh token (expired, revoked, reused). Concurrent refresh()
// calls make one request: the later callers see the new token.
class AuthSession final : public TokenProvider {
    Q_DECLARE_TR_FUNCTIONS(AuthSession)

public:
    AuthSession(TokenStore &store, const QString &uscc, const QUrl &server);
    ~AuthSession() override;
    AuthSession(const AuthSession &) = delete;
    AuthSession &operator=(const AuthSession &) = delete;

    QString uscc() const { return m_uscc; }
    QUrl server() const { return m_server; }
    QString accountKey() const { return m_key; }

    // Reads the stored tokens; false when there are none (the user logs in first).
    bool load();
    bool hasTokens() const;
    // After a login: keeps the pair and writes it to the store. False when the keychain is
    // unavailable and the tokens stay in memory only (TokenStore::notice() tells the user).
    bool setTokens(const TokenPair &tokens);
    bool inMemoryOnly() const { return m_store.inMemoryOnly(); }

    QString accessToken() const override;
    Refresh refresh() override;

    // 退出登录: revokes the refresh token (and with it the access token) on the server, then
    // deletes the tokens here whatever the server said. True when the server confirmed.
    bool logout();

    void setRequestTimeout(int ms) { m_timeoutMs = ms; }

private:
    TokenStore &m_store;
    const QString m_uscc;
    const QUrl m_server;
    const QString m_key;
    int m_timeoutMs = 30000;

    mutable QMutex m_mutex; // m_tokens, m_generation
    TokenPair m_tokens;
    quint64 m_generation = 0;
    QMutex m_refreshMutex; // one refresh request at a time
};

} // namespace jl::sync
