// TokenStore with no D-Bus session at all (the session bus address points nowhere): the real
// keychain backend fails, the tokens stay in memory for the session and the user is told.
#include "sync/tokenstore.h"

#include <QTest>

using namespace jl::sync;

class TestTokenStoreNoBus final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokensStayInMemoryWithNotice();
};

void TestTokenStoreNoBus::tokensStayInMemoryWithNotice()
{
    TokenStore store;
    const QString key = QStringLiteral("91330100NOBUS@http://127.0.0.1:1");
    QVERIFY(store.read(key).isEmpty());
    const TokenPair tokens{QStringLiteral("acc"), QStringLiteral("ref")};
    QVERIFY(!store.write(key, tokens));
    QVERIFY(store.inMemoryOnly());
    QVERIFY(!store.notice().isEmpty());
    QCOMPARE(store.read(key), tokens);
}

int main(int argc, char *argv[])
{
    // Before anything connects to D-Bus: this process has no session bus.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/jiliang-no-bus");
    QCoreApplication app(argc, argv);
    TestTokenStoreNoBus test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_tokenstorenobus.moc"
