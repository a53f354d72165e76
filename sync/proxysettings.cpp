#include "sync/proxysettings.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QSettings>

namespace jl::sync {

namespace {

const QString ModeKey = QStringLiteral("network/proxyMode");
const QString TypeKey = QStringLiteral("network/proxyType");
const QString HostKey = QStringLiteral("network/proxyHost");
const QString PortKey = QStringLiteral("network/proxyPort");
const QString UserKey = QStringLiteral("network/proxyUser");

// The system's proxies for each request, for this manager only: switching the process-wide
// QNetworkProxyFactory::setUseSystemConfiguration() would also change every other manager
// (the login's token requests included) behind their owners' backs.
class SystemProxyFactory final : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return QNetworkProxyFactory::systemProxyForQuery(query);
    }
};

} // namespace

QString ProxySettings::secretKey()
{
    return QStringLiteral("network/proxyPassword");
}

bool ProxySettings::isValid() const
{
    return mode != Mode::Manual || (!host.trimmed().isEmpty() && port > 0 && port <= 65535);
}

ProxySettings ProxySettings::load(const QSettings &settings)
{
    ProxySettings p;
    const QString mode = settings.value(ModeKey).toString();
    if (mode == QLatin1String("none"))
        p.mode = Mode::None;
    else if (mode == QLatin1String("manual"))
        p.mode = Mode::Manual;
    p.type =
        settings.value(TypeKey).toString() == QLatin1String("socks5") ? Type::Socks5 : Type::Http;
    p.host = settings.value(HostKey).toString().trimmed();
    bool ok = false;
    const int port = settings.value(PortKey).toInt(&ok);
    if (ok && port > 0 && port <= 65535)
        p.port = port;
    p.user = settings.value(UserKey).toString();
    return p;
}

void ProxySettings::save(QSettings &settings) const
{
    settings.setValue(ModeKey, mode == Mode::None     ? QStringLiteral("none")
                               : mode == Mode::Manual ? QStringLiteral("manual")
                                                      : QStringLiteral("system"));
    settings.setValue(TypeKey,
                      type == Type::Socks5 ? QStringLiteral("socks5") : QStringLiteral("http"));
    settings.setValue(HostKey, host.trimmed());
    settings.setValue(PortKey, port);
    settings.setValue(UserKey, user);
}

void ProxySettings::applyTo(QNetworkAccessManager &nam) const
{
    if (mode == Mode::None) {
        nam.setProxyFactory(nullptr);
        nam.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    } else if (mode == Mode::Manual && isValid()) {
        nam.setProxyFactory(nullptr);
        nam.setProxy(QNetworkProxy(type == Type::Socks5 ? QNetworkProxy::Socks5Proxy
                                                        : QNetworkProxy::HttpProxy,
                                   host.trimmed(), quint16(port), user, password));
    } else {
        nam.setProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
        nam.setProxyFactory(new SystemProxyFactory); // the manager owns it
    }
}

} // namespace jl::sync
