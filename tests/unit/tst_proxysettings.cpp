// The proxy setting (sync.md "Network"): the system's configuration by default, a manual
// proxy or none from QSettings, applied to the manager the API client is given.
#include "sync/proxysettings.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::sync;

class TestProxySettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void systemByDefault();
    void roundTrip();
    void nonsenseFallsBack();
    void applied();
};

void TestProxySettings::systemByDefault()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    const ProxySettings p = ProxySettings::load(settings);
    QCOMPARE(p.mode, ProxySettings::Mode::System);
    QVERIFY(p.isValid());
}

void TestProxySettings::roundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ProxySettings p;
    p.mode = ProxySettings::Mode::Manual;
    p.type = ProxySettings::Type::Socks5;
    p.host = QStringLiteral("proxy.example.cn");
    p.port = 1080;
    p.user = QStringLiteral("zhang");
    p.save(settings);
    QCOMPARE(settings.value(QStringLiteral("network/proxyMode")).toString(),
             QStringLiteral("manual"));
    QCOMPARE(ProxySettings::load(settings), p);
    QVERIFY(!settings.allKeys().join(u' ').contains(QLatin1String("assword")));
}

void TestProxySettings::nonsenseFallsBack()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("network/proxyMode"), QStringLiteral("manual"));
    settings.setValue(QStringLiteral("network/proxyPort"), QStringLiteral("99999"));
    const ProxySettings p = ProxySettings::load(settings);
    QCOMPARE(p.port, 8080);
    QVERIFY(!p.isValid()); // no host
    QNetworkAccessManager nam;
    p.applyTo(nam);
    QVERIFY(nam.proxyFactory()); // the system's, not "no proxy"
}

void TestProxySettings::applied()
{
    QNetworkAccessManager nam;
    ProxySettings manual;
    manual.mode = ProxySettings::Mode::Manual;
    manual.host = QStringLiteral("10.0.0.1");
    manual.port = 3128;
    manual.applyTo(nam);
    QVERIFY(!nam.proxyFactory());
    QCOMPARE(nam.proxy().type(), QNetworkProxy::HttpProxy);
    QCOMPARE(nam.proxy().hostName(), QStringLiteral("10.0.0.1"));
    QCOMPARE(nam.proxy().port(), 3128);

    ProxySettings none;
    none.mode = ProxySettings::Mode::None;
    none.applyTo(nam);
    QVERIFY(!nam.proxyFactory());
    QCOMPARE(nam.proxy().type(), QNetworkProxy::NoProxy);

    ProxySettings system;
    system.applyTo(nam);
    QVERIFY(nam.proxyFactory());
    // What the factory answers is the system's: the same as Qt's own query.
    const QNetworkProxyQuery query(QUrl(QStringLiteral("https://example.cn/api")));
    QCOMPARE(nam.proxyFactory()->queryProxy(query),
             QNetworkProxyFactory::systemProxyForQuery(query));
}

QTEST_GUILESS_MAIN(TestProxySettings)
#include "tst_proxysettings.moc"
