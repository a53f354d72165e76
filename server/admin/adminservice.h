#pragma once

#include "server/core/outcome.h"

#include <QJsonObject>
#include <QString>

namespace jl::server {

class ConnectionPool;
struct Settings;

struct EnterpriseInfo {
    QString id;
    QString uscc;
    QString name;

    QJsonObject toJson() const;
};

// The regulator's side of accounts: enterprises, their legal-person accounts, the admin
// credential, the epoch. Shared by the `admin` subcommands and the admin endpoints.
class AdminService final {
public:
    AdminService(ConnectionPool &pool, const Settings &settings);

    Outcome<EnterpriseInfo> createEnterprise(const QString &uscc, const QString &name,
                                             const QString &economicNature = {});
    Outcome<EnterpriseInfo> enterpriseByUscc(const QString &uscc);
    // Returns the new account's random password (shown once, stored only hashed).
    Outcome<QString> createAccount(const QString &uscc);
    // A new random password; every token of the account is revoked.
    Outcome<QString> resetPassword(const QString &uscc);
    Outcome<QString> issueAdminToken(const QString &label);
    // After a restore from backup: clients must resync fully, deleting nothing (sync.md §6).
    Outcome<QString> newEpoch();

private:
    ConnectionPool &m_pool;
    const Settings &m_settings;
};

} // namespace jl::server
