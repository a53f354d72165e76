#include "server/admin/adminservice.h"

#include "server/admin/uscc.h"
#include "server/auth/passwordhasher.h"
#include "server/auth/secrets.h"
#include "server/core/settings.h"
#include "server/storage/connectionpool.h"
#include "server/storage/recordstore.h"

#include <QDateTime>
#include <QUuid>

namespace jl::server {

namespace {

const QStringList EconomicNatures = {
    QStringLiteral("国有"),     QStringLiteral("集体"),       QStringLiteral("私营"),
    QStringLiteral("个体"),     QStringLiteral("联营"),       QStringLiteral("股份制"),
    QStringLiteral("外商投资"), QStringLiteral("港澳台投资"), QStringLiteral("其他")};

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ApiError invalid(const QString &what)
{
    return ApiError::make(422, Msg::Validation, {what});
}

} // namespace

QJsonObject EnterpriseInfo::toJson() const
{
    return {
        {QStringLiteral("id"), id}, {QStringLiteral("uscc"), uscc}, {QStringLiteral("name"), name}};
}

AdminService::AdminService(ConnectionPool &pool, const Settings &settings)
    : m_pool(pool)
    , m_settings(settings)
{}

Outcome<EnterpriseInfo> AdminService::createEnterprise(const QString &usccIn, const QString &name,
                                                       const QString &economicNature)
{
    const QString code = uscc::normalized(usccIn);
    if (!uscc::isValid(code))
        return invalid(QStringLiteral("%1 is not a valid unified social credit code.").arg(code));
    if (name.trimmed().isEmpty())
        return invalid(QStringLiteral("The enterprise needs a name."));
    if (!economicNature.isEmpty() && !EconomicNatures.contains(economicNature))
        return invalid(QStringLiteral("Unknown economic nature %1.").arg(economicNature));
    auto db = m_pool.local();
    if (!db)
        return db.error();
    EnterpriseInfo info{QUuid::createUuid().toString(QUuid::WithoutBraces), code, name.trimmed()};
    auto done = (*db)->transaction<EnterpriseInfo>([&]() -> Outcome<EnterpriseInfo> {
        auto inserted = (*db)->run(QStringLiteral("INSERT INTO enterprises (id, uscc, name, "
                                                  "created_at) VALUES (?, ?, ?, ?) "
                                                  "ON CONFLICT (uscc) DO NOTHING"),
                                   {info.id, info.uscc, info.name, now()});
        if (!inserted)
            return inserted.error();
        if (inserted->affected == 0)
            return ApiError::make(409, Msg::DuplicateEnterprise, {code});
        if (auto c = (*db)->run(QStringLiteral("INSERT INTO enterprise_counters (enterprise_id) "
                                               "VALUES (?)"),
                                {info.id});
            !c)
            return c.error();
        // The enterprise is a record of its own, so clients get it through the changes feed.
        return RecordStore::within<EnterpriseInfo>(
            **db, info.id, m_settings, [&](RecordStore &store) -> Outcome<EnterpriseInfo> {
                StoredRecord r;
                r.collection = QStringLiteral("enterprise");
                r.id = info.id;
                r.data = {{QStringLiteral("name"), info.name},
                          {QStringLiteral("uscc"), info.uscc},
                          {QStringLiteral("economicNature"), economicNature},
                          {QStringLiteral("creditLevel"), QStringLiteral("A")},
                          {QStringLiteral("creditScore"), 100}};
                if (auto w = store.write(r); !w)
                    return w.error();
                return info;
            });
    });
    return done;
}

Outcome<EnterpriseInfo> AdminService::enterpriseByUscc(const QString &usccIn)
{
    const QString code = uscc::normalized(usccIn);
    auto db = m_pool.local();
    if (!db)
        return db.error();
    auto rows =
        (*db)->run(QStringLiteral("SELECT id, uscc, name FROM enterprises WHERE uscc = ?"), {code});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return ApiError::make(404, Msg::UnknownEnterprise, {code});
    return EnterpriseInfo{rows->value(0, 0).toString(), rows->value(0, 1).toString(),
                          rows->value(0, 2).toString()};
}

Outcome<QString> AdminService::createAccount(const QString &usccIn)
{
    auto enterprise = enterpriseByUscc(usccIn);
    if (!enterprise)
        return enterprise.error();
    auto db = m_pool.local();
    if (!db)
        return db.error();
    const QString password = PasswordHasher::randomPassword();
    const QString hash = PasswordHasher::hash(password, m_settings.passwordIterations);
    auto rows =
        (*db)->run(QStringLiteral("INSERT INTO accounts (id, enterprise_id, login, "
                                  "password_hash, created_at, password_changed_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING"),
                   {QUuid::createUuid().toString(QUuid::WithoutBraces), enterprise->id,
                    enterprise->uscc, hash, now(), now()});
    if (!rows)
        return rows.error();
    if (rows->affected == 0)
        return invalid(
            QStringLiteral("%1 already has an account; use reset-password.").arg(enterprise->uscc));
    return password;
}

Outcome<QString> AdminService::resetPassword(const QString &usccIn)
{
    const QString code = uscc::normalized(usccIn);
    auto db = m_pool.local();
    if (!db)
        return db.error();
    const QString password = PasswordHasher::randomPassword();
    const QString hash = PasswordHasher::hash(password, m_settings.passwordIterations);
    return (*db)->transaction<QString>([&]() -> Outcome<QString> {
        auto rows = (*db)->run(QStringLiteral("UPDATE accounts SET password_hash = ?, "
                                              "password_changed_at = ? WHERE login = ? "
                                              "RETURNING id"),
                               {hash, now(), code});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return ApiError::make(404, Msg::UnknownEnterprise, {code});
        // Whoever knew the old password may hold tokens: they end with it.
        if (auto r =
                (*db)->run(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE account_id = ?"),
                           {rows->value(0, 0)});
            !r)
            return r.error();
        return password;
    });
}

Outcome<QString> AdminService::issueAdminToken(const QString &label)
{
    auto db = m_pool.local();
    if (!db)
        return db.error();
    const QString token = secrets::randomToken("jladm_");
    auto rows =
        (*db)->run(QStringLiteral("INSERT INTO admin_tokens (token_hash, label, created_at) "
                                  "VALUES (?, ?, ?)"),
                   {secrets::sha256Hex(token.toLatin1()), label, now()});
    if (!rows)
        return rows.error();
    return token;
}

Outcome<QString> AdminService::newEpoch()
{
    auto db = m_pool.local();
    if (!db)
        return db.error();
    const QString epoch = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto rows =
        (*db)->run(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'epoch'"), {epoch});
    if (!rows)
        return rows.error();
    return epoch;
}

} // namespace jl::server
