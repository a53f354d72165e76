#include "server/auth/tokenservice.h"

#include "server/admin/uscc.h"
#include "server/auth/passwordhasher.h"
#include "server/auth/secrets.h"
#include "server/core/settings.h"
#include "server/storage/connectionpool.h"

#include <QDateTime>
#include <QUuid>

namespace jl::server {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ApiError invalidGrant(const QString &log)
{
    ApiError e = ApiError::make(400, Msg::InvalidGrant);
    e.log = log;
    return e;
}

} // namespace

TokenService::TokenService(ConnectionPool &pool, const Settings &settings)
    : m_pool(pool)
    , m_settings(settings)
{}

Outcome<TokenService::Account> TokenService::checkPassword(const QString &usccIn,
                                                           const QString &password)
{
    auto db = m_pool.local();
    if (!db)
        return db.error();
    auto rows = (*db)->run(QStringLiteral("SELECT id, enterprise_id, password_hash FROM accounts "
                                          "WHERE login = ?"),
                           {uscc::normalized(usccIn)});
    if (!rows)
        return rows.error();
    // An unknown login still costs one hash, so timing does not tell which logins exist.
    static const QString dummy = PasswordHasher::hash(QStringLiteral("x"), 1);
    const QString stored = rows->isEmpty() ? dummy : rows->value(0, 2).toString();
    const bool ok = PasswordHasher::verify(password, stored) && !rows->isEmpty();
    if (!ok)
        return ApiError::make(401, Msg::LoginFailed);
    return Account{rows->value(0, 0).toString(), rows->value(0, 1).toString()};
}

Outcome<QString> TokenService::issueCode(const Account &account, const AuthorizationRequest &r)
{
    auto db = m_pool.local();
    if (!db)
        return db.error();
    const QString code = secrets::randomToken("jlc_");
    auto rows = (*db)->run(
        QStringLiteral("INSERT INTO oauth_codes (code_hash, account_id, enterprise_id, client_id, "
                       "redirect_uri, code_challenge, family_id, expires_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {secrets::sha256Hex(code.toLatin1()), account.id, account.enterpriseId, r.clientId,
         r.redirectUri, r.codeChallenge, QUuid::createUuid().toString(QUuid::WithoutBraces),
         now() + m_settings.authorizationCodeSeconds * 1000LL});
    if (!rows)
        return rows.error();
    return code;
}

Outcome<QJsonObject> TokenService::exchangeCode(const QString &code, const QString &clientId,
                                                const QString &redirectUri, const QString &verifier)
{
    auto db = m_pool.local();
    if (!db)
        return db.error();
    SqlConnection &c = **db;
    QString reusedFamily; // revoked after the transaction, which rolls back (see refresh())
    auto result = c.transaction<QJsonObject>([&]() -> Outcome<QJsonObject> {
        reusedFamily.clear();
        auto rows = c.run(QStringLiteral("SELECT account_id, enterprise_id, client_id, "
                                         "redirect_uri, code_challenge, family_id, expires_at, "
                                         "used FROM oauth_codes WHERE code_hash = ?"),
                          {secrets::sha256Hex(code.toLatin1())});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return invalidGrant(QStringLiteral("unknown code"));
        const QVariantList &row = rows->at(0);
        const QString familyId = row.value(5).toString();
        if (row.value(7).toInt() != 0) {
            // RFC 6749 §4.1.2: a code used twice revokes what it gave.
            reusedFamily = familyId;
            return invalidGrant(QStringLiteral("code reused; family revoked"));
        }
        if (row.value(6).toLongLong() <= now())
            return invalidGrant(QStringLiteral("code expired"));
        if (row.value(2).toString() != clientId)
            return invalidGrant(QStringLiteral("client_id differs"));
        if (row.value(3).toString() != redirectUri)
            return invalidGrant(QStringLiteral("redirect_uri differs"));
        if (!AuthorizationRequest::isValidVerifier(verifier) ||
            !secrets::constantTimeEquals(AuthorizationRequest::challengeFor(verifier).toLatin1(),
                                         row.value(4).toString().toLatin1()))
            return invalidGrant(QStringLiteral("PKCE verifier does not match"));
        auto used = c.run(QStringLiteral("UPDATE oauth_codes SET used = 1 WHERE code_hash = ? "
                                         "AND used = 0"),
                          {secrets::sha256Hex(code.toLatin1())});
        if (!used)
            return used.error();
        if (used->affected != 1)
            return invalidGrant(QStringLiteral("code used concurrently"));
        return issuePair(c, row.value(1).toString(), row.value(0).toString(), familyId);
    });
    if (!reusedFamily.isEmpty()) {
        if (Done d = revokeFamily(c, reusedFamily); !d)
            return d.error();
    }
    return result;
}

Outcome<QJsonObject> TokenService::refresh(const QString &refreshToken, const QString &clientId)
{
    if (clientId != QLatin1String(AuthorizationRequest::ClientId))
        return ApiError::make(401, Msg::InvalidClient);
    auto db = m_pool.local();
    if (!db)
        return db.error();
    SqlConnection &c = **db;
    const QString hash = secrets::sha256Hex(refreshToken.toLatin1());
    // The family revocation must stick even though the request fails, so it commits on its
    // own: the transaction answers what to do, the revocation runs after it.
    QString reusedFamily;
    auto result = c.transaction<QJsonObject>([&]() -> Outcome<QJsonObject> {
        reusedFamily.clear();
        auto rows = c.run(QStringLiteral("SELECT enterprise_id, account_id, family_id, expires_at, "
                                         "used, revoked FROM tokens WHERE token_hash = ? AND "
                                         "kind = 'refresh'"),
                          {hash});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return invalidGrant(QStringLiteral("unknown refresh token"));
        const QVariantList &row = rows->at(0);
        if (row.value(5).toInt() != 0)
            return invalidGrant(QStringLiteral("refresh token revoked"));
        if (row.value(4).toInt() != 0) {
            reusedFamily = row.value(2).toString();
            return invalidGrant(QStringLiteral("refresh token reused; family revoked"));
        }
        if (row.value(3).toLongLong() <= now())
            return invalidGrant(QStringLiteral("refresh token expired"));
        auto used = c.run(QStringLiteral("UPDATE tokens SET used = 1 WHERE token_hash = ? AND "
                                         "used = 0"),
                          {hash});
        if (!used)
            return used.error();
        if (used->affected != 1) {
            reusedFamily = row.value(2).toString();
            return invalidGrant(QStringLiteral("refresh token used concurrently"));
        }
        return issuePair(c, row.value(0).toString(), row.value(1).toString(),
                         row.value(2).toString());
    });
    if (!reusedFamily.isEmpty()) {
        if (Done d = revokeFamily(c, reusedFamily); !d)
            return d.error();
    }
    return result;
}

Done TokenService::revoke(const QString &token)
{
    auto db = m_pool.local();
    if (!db)
        return db.error();
    auto rows = (*db)->run(QStringLiteral("SELECT family_id FROM tokens WHERE token_hash = ?"),
                           {secrets::sha256Hex(token.toLatin1())});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return {};
    return revokeFamily(**db, rows->value(0, 0).toString());
}

Outcome<QJsonObject> TokenService::issuePair(SqlConnection &db, const QString &enterpriseId,
                                             const QString &accountId, const QString &familyId)
{
    const QString access = secrets::randomToken("jla_");
    const QString refreshToken = secrets::randomToken("jlr_");
    const qint64 t = now();
    const QString insert = QStringLiteral(
        "INSERT INTO tokens (token_hash, kind, enterprise_id, account_id, family_id, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (auto r = db.run(insert, {secrets::sha256Hex(access.toLatin1()), QStringLiteral("access"),
                                 enterpriseId, accountId, familyId, t,
                                 t + m_settings.accessTokenSeconds * 1000LL});
        !r)
        return r.error();
    if (auto r = db.run(insert, {secrets::sha256Hex(refreshToken.toLatin1()),
                                 QStringLiteral("refresh"), enterpriseId, accountId, familyId, t,
                                 t + m_settings.refreshTokenSeconds * 1000LL});
        !r)
        return r.error();
    return QJsonObject{{QStringLiteral("access_token"), access},
                       {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_in"), m_settings.accessTokenSeconds},
                       {QStringLiteral("refresh_token"), refreshToken},
                       {QStringLiteral("refresh_expires_in"), m_settings.refreshTokenSeconds},
                       {QStringLiteral("scope"), QStringLiteral("api")}};
}

Done TokenService::revokeFamily(SqlConnection &db, const QString &familyId)
{
    auto r =
        db.run(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE family_id = ?"), {familyId});
    if (!r)
        return r.error();
    return {};
}

} // namespace jl::server
