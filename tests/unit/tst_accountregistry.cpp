// The accounts of this computer in the settings: add, update, last account, forget, the
// default server, server addresses normalised and each account's own data folder.
#include "sync/accountregistry.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::sync;

class TestAccountRegistry final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void normalisesServers();
    void remembersAccounts();
    void forgetsAccounts();
    void dataDirPerAccount();
};

void TestAccountRegistry::normalisesServers()
{
    QCOMPARE(AccountRegistry::normalizedServer(QStringLiteral(" Example.COM:8080/ ")),
             QUrl(QStringLiteral("http://example.com:8080")));
    QCOMPARE(AccountRegistry::normalizedServer(QStringLiteral("https://a.b/jl/")),
             QUrl(QStringLiteral("https://a.b/jl")));
    QVERIFY(AccountRegistry::normalizedServer(QStringLiteral("ftp://a.b")).isEmpty());
    QVERIFY(AccountRegistry::normalizedServer(QStringLiteral("   ")).isEmpty());
}

void TestAccountRegistry::remembersAccounts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        AccountRegistry r(settings);
        QVERIFY(r.accounts().isEmpty());
        QVERIFY(!r.lastAccount());
        QCOMPARE(r.defaultServer(), AccountRegistry::builtInServer());
        r.remember({QStringLiteral("91330100A"), QStringLiteral("甲"),
                    QUrl(QStringLiteral("http://s1:8080/"))});
        r.remember({QStringLiteral("91330100B"), QStringLiteral("乙"),
                    QUrl(QStringLiteral("http://s1:8080"))});
        r.remember({QStringLiteral("91330100a"), QStringLiteral("甲（新名）"),
                    QUrl(QStringLiteral("http://S1:8080"))}); // the same account
        r.setDefaultServer(QUrl(QStringLiteral("http://s2/")));
    }
    QSettings settings(path, QSettings::IniFormat);
    AccountRegistry r(settings);
    QCOMPARE(r.accounts().size(), 2);
    QCOMPARE(r.lastAccount()->uscc, QStringLiteral("91330100A"));
    QCOMPARE(r.lastAccount()->enterpriseName, QStringLiteral("甲（新名）"));
    QCOMPARE(r.defaultServer(), QUrl(QStringLiteral("http://s2")));
    QVERIFY(r.find(QStringLiteral("91330100B"), QUrl(QStringLiteral("http://s1:8080/"))));
    QVERIFY(!r.find(QStringLiteral("91330100B"), QUrl(QStringLiteral("http://s2"))));
}

void TestAccountRegistry::forgetsAccounts()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AccountRegistry r(settings);
    const AccountInfo a{QStringLiteral("91330100A"), QStringLiteral("甲"),
                        QUrl(QStringLiteral("http://s1"))};
    r.remember(a);
    r.forget(a.uscc, a.server);
    QVERIFY(r.accounts().isEmpty());
    QVERIFY(!r.lastAccount());
}

void TestAccountRegistry::dataDirPerAccount()
{
    const QString base = QStringLiteral("/data");
    QCOMPARE(AccountRegistry::dataDir(base, QStringLiteral("91330100abc")),
             QStringLiteral("/data/accounts/91330100ABC"));
    // Nothing in a code can climb out of the folder.
    QVERIFY(
        !AccountRegistry::dataDir(base, QStringLiteral("../../etc")).contains(QLatin1String("..")));
}

QTEST_GUILESS_MAIN(TestAccountRegistry)
#include "tst_accountregistry.moc"
