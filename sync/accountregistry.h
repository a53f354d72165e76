#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace jl::sync {

// One enterprise account on one server. Its tokens are in the TokenStore, its data in its
// own folder (dataDir()); this is only what the start screen and 切换账号 list.
struct AccountInfo {
    QString uscc;
    QString enterpriseName;
    QUrl server;
    bool sameAccount(const AccountInfo &other) const;
};

// The accounts used on this computer, the last one (opened at the next start, offline if need
// be) and the default server address, in the program's settings (never a token there).
class AccountRegistry final {
public:
    explicit AccountRegistry(QSettings &settings);

    // The reference server of a local test installation until a real address is set.
    static QUrl builtInServer();
    // "http://host:port" without trailing slash; empty when the text is not an http(s) URL.
    static QUrl normalizedServer(const QString &text);
    // <base>/accounts/<uscc>/: the account's SQLite database and file store.
    static QString dataDir(const QString &base, const QString &uscc);

    QList<AccountInfo> accounts() const;
    std::optional<AccountInfo> find(const QString &uscc, const QUrl &server) const;
    // Adds or updates the account and makes it the last one.
    void remember(const AccountInfo &account);
    void forget(const QString &uscc, const QUrl &server);

    std::optional<AccountInfo> lastAccount() const;
    void setLastAccount(const AccountInfo &account);
    void clearLastAccount();

    QUrl defaultServer() const;
    void setDefaultServer(const QUrl &server);

private:
    void save(const QList<AccountInfo> &accounts);

    QSettings &m_settings;
};

} // namespace jl::sync
