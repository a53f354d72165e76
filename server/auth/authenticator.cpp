#include "server/auth/authenticator.h"

#include "server/auth/secrets.h"
#include "server/storage/connectionpool.h"

#include <QDateTime>

namespace jl::server {

Authenticator::Authenticator(ConnectionPool &pool)
    : m_pool(pool)
{}

Outcome<Principal> Authenticator::authenticate(const Request &request)
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty())
        return Principal{};
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return ApiError::make(401, Msg::Unauthorized);
    const QByteArray token = header.mid(7).trimmed();
    if (token.isEmpty() || token.size() > 200)
        return ApiError::make(401, Msg::Unauthorized);
    auto db = m_pool.local();
    if (!db)
        return db.error();
    const QString hash = secrets::sha256Hex(token);
    Principal p;
    p.tokenHash = hash;
    if (token.startsWith("jladm_")) {
        auto rows = (*db)->run(
            QStringLiteral("SELECT revoked FROM admin_tokens WHERE token_hash = ?"), {hash});
        if (!rows)
            return rows.error();
        if (rows->isEmpty() || rows->value(0, 0).toInt() != 0)
            return ApiError::make(401, Msg::Unauthorized);
        p.kind = Principal::Kind::Admin;
        return p;
    }
    auto rows = (*db)->run(QStringLiteral("SELECT enterprise_id, account_id, expires_at, revoked "
                                          "FROM tokens WHERE token_hash = ? AND kind = 'access'"),
                           {hash});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->value(0, 3).toInt() != 0)
        return ApiError::make(401, Msg::Unauthorized);
    if (rows->value(0, 2).toLongLong() <= QDateTime::currentMSecsSinceEpoch())
        return ApiError::make(401, Msg::TokenExpired);
    p.kind = Principal::Kind::Enterprise;
    p.enterpriseId = rows->value(0, 0).toString();
    p.accountId = rows->value(0, 1).toString();
    return p;
}

} // namespace jl::server
