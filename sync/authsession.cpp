#include "sync/authsession.h"

#include "models/common/logging.h"
#include "sync/oauthclient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace jl::sync {

AuthSession::AuthSession(TokenStore &store, const QString &uscc, const QUrl &server)
    : m_store(store)
    , m_uscc(uscc)
    , m_server(server)
    , m_key(TokenStore::accountKey(uscc, server))
{}

AuthSession::~AuthSession() = default;

bool AuthSession::load()
{
    const TokenPair tokens = m_store.read(m_key);
    QMutexLocker lock(&m_mutex);
    m_tokens = tokens;
    ++m_generation;
    return !m_tokens.refreshToken.isEmpty();
}

bool AuthSession::hasTokens() const
{
    QMutexLocker lock(&m_mutex);
    return !m_tokens.refreshToken.isEmpty();
}

bool AuthSession::setTokens(const TokenPair &tokens)
{
    {
        QMutexLocker lock(&m_mutex);
        m_tokens = tokens;
        ++m_generation;
    }
    return m_store.write(m_key, tokens);
}

QString AuthSession::accessToken() const
{
    QMutexLocker lock(&m_mutex);
    return m_tokens.accessToken;
}

TokenProvider::Refresh AuthSession::refresh()
{
    quint64 seen;
    {
        QMutexLocker lock(&m_mutex);
        seen = m_generation;
    }
    QMutexLocker refreshing(&m_refreshMutex);
    QString refreshToken;
    {
        QMutexLocker lock(&m_mutex);
        // Another caller refreshed while this one waited: its token is the new one. Sending
        // the old refresh token again would look like theft to the server.
        if (m_generation != seen)
            return m_tokens.refreshToken.isEmpty() ? Refresh::LoginRequired : Refresh::Refreshed;
        refreshToken = m_tokens.refreshToken;
    }
    if (refreshToken.isEmpty())
        return Refresh::LoginRequired;

    const oauth::Answer a =
        oauth::postForm(oauth::endpoint(m_server, QStringLiteral("/oauth/token")),
                        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                         {QStringLiteral("client_id"), QString::fromLatin1(oauth::ClientId)},
                         {QStringLiteral("refresh_token"), refreshToken}},
                        m_timeoutMs);
    if (a.status == 0 || a.status >= 500 || a.status == 429) {
        qCWarning(models::lcSync) << "token refresh: no answer, will retry" << a.status
                                  << a.networkError;
        return Refresh::Unavailable;
    }
    const QJsonObject o = QJsonDocument::fromJson(a.body).object();
    if (a.status == 400 || a.status == 401) {
        // invalid_grant (expired, revoked or already used) or invalid_client: only a new
        // login helps. The dead tokens are removed so that the next start asks for it.
        qCWarning(models::lcSync) << "token refresh refused:" << o.value(u"error").toString();
        {
            QMutexLocker lock(&m_mutex);
            m_tokens = {};
            ++m_generation;
        }
        m_store.remove(m_key);
        return Refresh::LoginRequired;
    }
    const TokenPair fresh{o.value(u"access_token").toString(),
                          o.value(u"refresh_token").toString()};
    if (a.status != 200 || fresh.accessToken.isEmpty() || fresh.refreshToken.isEmpty()) {
        qCWarning(models::lcSync) << "token refresh: unexpected answer" << a.status;
        return Refresh::Unavailable;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_tokens = fresh;
        ++m_generation;
    }
    // The old refresh token is dead on the server now: the new one must reach the keychain.
    m_store.write(m_key, fresh);
    qCInfo(models::lcSync) << "access token refreshed";
    return Refresh::Refreshed;
}

bool AuthSession::logout()
{
    QString refreshToken;
    {
        QMutexLocker lock(&m_mutex);
        refreshToken = m_tokens.refreshToken;
        m_tokens = {};
        ++m_generation;
    }
    bool confirmed = false;
    if (!refreshToken.isEmpty()) {
        const oauth::Answer a =
            oauth::postForm(oauth::endpoint(m_server, QStringLiteral("/oauth/revoke")),
                            {{QStringLiteral("token"), refreshToken},
                             {QStringLiteral("client_id"), QString::fromLatin1(oauth::ClientId)}},
                            m_timeoutMs);
        confirmed = a.status == 200;
        if (!confirmed)
            qCWarning(models::lcSync) << "logout: the server did not confirm the revocation"
                                      << a.status << a.networkError;
    }
    m_store.remove(m_key);
    return confirmed;
}

} // namespace jl::sync
