#pragma once

#include "server/auth/authorizationrequest.h"
#include "server/core/outcome.h"

#include <QJsonObject>
#include <QString>

namespace jl::server {

class ConnectionPool;
class SqlConnection;
struct Settings;

// Authorization codes and tokens (RFC 6749 with PKCE): a code is single-use and bound to
// the client, the redirect and the challenge; an access token is short-lived; a refresh
// token is used once and replaced (rotation); every token of one login shares a family, and
// a used refresh token or code coming back revokes the family (a copy is in other hands).
class TokenService final {
public:
    TokenService(ConnectionPool &pool, const Settings &settings);

    struct Account {
        QString id;
        QString enterpriseId;
    };
    // The account if the password is right; 401 LoginFailed otherwise (same answer for an
    // unknown login, so logins cannot be probed).
    Outcome<Account> checkPassword(const QString &uscc, const QString &password);
    // A new code for the account; returns the code itself (stored only hashed).
    Outcome<QString> issueCode(const Account &account, const AuthorizationRequest &request);
    // grant_type=authorization_code → the token response.
    Outcome<QJsonObject> exchangeCode(const QString &code, const QString &clientId,
                                      const QString &redirectUri, const QString &verifier);
    // grant_type=refresh_token → the token response.
    Outcome<QJsonObject> refresh(const QString &refreshToken, const QString &clientId);
    // RFC 7009: revokes the token's family; unknown tokens are fine.
    Done revoke(const QString &token);

private:
    Outcome<QJsonObject> issuePair(SqlConnection &db, const QString &enterpriseId,
                                   const QString &accountId, const QString &familyId);
    Done revokeFamily(SqlConnection &db, const QString &familyId);

    ConnectionPool &m_pool;
    const Settings &m_settings;
};

} // namespace jl::server
