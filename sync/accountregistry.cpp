#include "sync/accountregistry.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>

namespace jl::sync {

namespace {
const QString AccountsKey = QStringLiteral("accounts/list");
const QString LastUsccKey = QStringLiteral("accounts/lastUscc");
const QString LastServerKey = QStringLiteral("accounts/lastServer");
const QString DefaultServerKey = QStringLiteral("accounts/defaultServer");
} // namespace

bool AccountInfo::sameAccount(const AccountInfo &other) const
{
    return uscc.compare(other.uscc, Qt::CaseInsensitive) == 0 &&
           AccountRegistry::normalizedServer(server.toString()) ==
               AccountRegistry::normalizedServer(other.server.toString());
}

AccountRegistry::AccountRegistry(QSettings &settings)
    : m_settings(settings)
{}

QUrl AccountRegistry::builtInServer()
{
    return QUrl(QStringLiteral("http://127.0.0.1:8080"));
}

QUrl AccountRegistry::normalizedServer(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (!t.contains(QLatin1String("://")))
        t.prepend(QStringLiteral("http://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    url.setHost(url.host().toLower());
    url = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment |
                       QUrl::NormalizePathSegments);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

QString AccountRegistry::dataDir(const QString &base, const QString &uscc)
{
    // A 统一社会信用代码 is 18 of [0-9A-Z]; anything else must not become a path.
    QString safe = uscc.trimmed().toUpper();
    safe.replace(QRegularExpression(QStringLiteral("[^0-9A-Z]")), QStringLiteral("_"));
    return QDir(base).filePath(QStringLiteral("accounts/") + safe);
}

QList<AccountInfo> AccountRegistry::accounts() const
{
    QList<AccountInfo> result;
    const int n = m_settings.beginReadArray(AccountsKey);
    for (int i = 0; i < n; ++i) {
        m_settings.setArrayIndex(i);
        AccountInfo a;
        a.uscc = m_settings.value(QStringLiteral("uscc")).toString();
        a.enterpriseName = m_settings.value(QStringLiteral("name")).toString();
        a.server = QUrl(m_settings.value(QStringLiteral("server")).toString());
        if (!a.uscc.isEmpty() && a.server.isValid())
            result.append(a);
    }
    m_settings.endArray();
    return result;
}

void AccountRegistry::save(const QList<AccountInfo> &accounts)
{
    m_settings.remove(AccountsKey);
    m_settings.beginWriteArray(AccountsKey, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("uscc"), accounts.at(i).uscc);
        m_settings.setValue(QStringLiteral("name"), accounts.at(i).enterpriseName);
        m_settings.setValue(QStringLiteral("server"), accounts.at(i).server.toString());
    }
    m_settings.endArray();
    m_settings.sync();
}

std::optional<AccountInfo> AccountRegistry::find(const QString &uscc, const QUrl &server) const
{
    const AccountInfo wanted{uscc, {}, server};
    for (const AccountInfo &a : accounts()) {
        if (a.sameAccount(wanted))
            return a;
    }
    return std::nullopt;
}

void AccountRegistry::remember(const AccountInfo &account)
{
    AccountInfo stored = account;
    stored.uscc = account.uscc.trimmed().toUpper();
    stored.server = normalizedServer(account.server.toString());
    QList<AccountInfo> list = accounts();
    bool found = false;
    for (AccountInfo &a : list) {
        if (a.sameAccount(stored)) {
            a = stored;
            found = true;
        }
    }
    if (!found)
        list.append(stored);
    save(list);
    setLastAccount(stored);
}

void AccountRegistry::forget(const QString &uscc, const QUrl &server)
{
    const AccountInfo gone{uscc, {}, server};
    QList<AccountInfo> list = accounts();
    list.removeIf([&gone](const AccountInfo &a) { return a.sameAccount(gone); });
    save(list);
    if (const auto last = lastAccount(); !last)
        clearLastAccount();
}

std::optional<AccountInfo> AccountRegistry::lastAccount() const
{
    const QString uscc = m_settings.value(LastUsccKey).toString();
    if (uscc.isEmpty())
        return std::nullopt;
    return find(uscc, QUrl(m_settings.value(LastServerKey).toString()));
}

void AccountRegistry::setLastAccount(const AccountInfo &account)
{
    m_settings.setValue(LastUsccKey, account.uscc);
    m_settings.setValue(LastServerKey, normalizedServer(account.server.toString()).toString());
    m_settings.sync();
}

void AccountRegistry::clearLastAccount()
{
    m_settings.remove(LastUsccKey);
    m_settings.remove(LastServerKey);
    m_settings.sync();
}

QUrl AccountRegistry::defaultServer() const
{
    const QUrl saved = normalizedServer(m_settings.value(DefaultServerKey).toString());
    return saved.isValid() && !saved.isEmpty() ? saved : builtInServer();
}

void AccountRegistry::setDefaultServer(const QUrl &server)
{
    m_settings.setValue(DefaultServerKey, normalizedServer(server.toString()).toString());
    m_settings.sync();
}

} // namespace jl::sync
