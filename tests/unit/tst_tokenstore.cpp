// TokenStore: tokens per account in the OS keychain (a real Secret Service when the test runs
// in scripts/test's D-Bus session), chunks above 2,560 bytes, and memory only — with a notice —
// when the keychain fails. The no-session-bus case is tst_tokenstorenobus.
#include "sync/keychainbackend.h"
#include "sync/tokenstore.h"

#include <QHash>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace jl::sync;

namespace {

// Records what reaches the "keychain"; can be told to fail like a missing Secret Service.
class FakeBackend final : public SecretBackend {
public:
    explicit FakeBackend(QHash<QString, QByteArray> *entries, bool *failing)
        : m_entries(entries)
        , m_failing(failing)
    {}
    Answer read(const QString &key) override
    {
        if (*m_failing)
            return {Outcome::Unavailable, {}, QStringLiteral("no backend")};
        if (!m_entries->contains(key))
            return {Outcome::NotFound, {}, {}};
        return {Outcome::Ok, m_entries->value(key), {}};
    }
    Answer write(const QString &key, const QByteArray &value) override
    {
        if (*m_failing)
            return {Outcome::Unavailable, {}, QStringLiteral("no backend")};
        m_entries->insert(key, value);
        return {Outcome::Ok, {}, {}};
    }
    Answer remove(const QString &key) override
    {
        if (*m_failing)
            return {Outcome::Unavailable, {}, QStringLiteral("no backend")};
        m_entries->remove(key);
        return {Outcome::Ok, {}, {}};
    }

private:
    QHash<QString, QByteArray> *m_entries;
    bool *m_failing;
};

QString longToken(int size, char fill)
{
    QString s;
    for (int i = 0; i < size; ++i)
        s.append(QLatin1Char(char(fill + i % 20)));
    return s;
}

} // namespace

class TestTokenStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accountKeyIsNormalised();
    void smallValueIsOneEntry();
    void largeValueIsChunked();
    void shorterValueRemovesOldChunks();
    void failingKeychainKeepsTokensInMemory();
    void realKeychainRoundTrip();
    void realKeychainChunks();
    void realKeychainFromTheEngineThread();

private:
    // A keychain check the test can rely on: skips outside a Secret Service session unless
    // CI demands it.
    static bool keychainUsable()
    {
        KeychainBackend probe(QStringLiteral("Jiliang-test"));
        const auto a = probe.write(QStringLiteral("probe"), QByteArrayLiteral("x"));
        if (a.outcome == SecretBackend::Outcome::Ok) {
            probe.remove(QStringLiteral("probe"));
            return true;
        }
        qWarning() << "no Secret Service:" << a.error;
        return false;
    }
};

void TestTokenStore::accountKeyIsNormalised()
{
    QCOMPARE(TokenStore::accountKey(QStringLiteral(" 91330100abc "),
                                    QUrl(QStringLiteral("http://Server.Example:8080/"))),
             QStringLiteral("91330100ABC@http://server.example:8080"));
    QVERIFY(TokenStore::accountKey(QStringLiteral("A"), QUrl(QStringLiteral("http://a"))) !=
            TokenStore::accountKey(QStringLiteral("A"), QUrl(QStringLiteral("http://b"))));
}

void TestTokenStore::smallValueIsOneEntry()
{
    QHash<QString, QByteArray> entries;
    bool failing = false;
    TokenStore store(std::make_unique<FakeBackend>(&entries, &failing));
    const TokenPair tokens{QStringLiteral("acc"), QStringLiteral("ref")};
    QVERIFY(store.write(QStringLiteral("k"), tokens));
    QCOMPARE(entries.size(), 1);
    QVERIFY(!store.inMemoryOnly());
    QVERIFY(store.notice().isEmpty());

    TokenStore again(std::make_unique<FakeBackend>(&entries, &failing));
    QCOMPARE(again.read(QStringLiteral("k")), tokens);
    again.remove(QStringLiteral("k"));
    QVERIFY(entries.isEmpty());
    QVERIFY(again.read(QStringLiteral("k")).isEmpty());
}

void TestTokenStore::largeValueIsChunked()
{
    QHash<QString, QByteArray> entries;
    bool failing = false;
    TokenStore store(std::make_unique<FakeBackend>(&entries, &failing));
    const TokenPair tokens{longToken(4000, 'a'), longToken(3000, 'A')};
    QVERIFY(store.write(QStringLiteral("k"), tokens));
    QVERIFY(entries.size() >= 4); // the entry naming the parts and ≥ 3 parts of ≤ 2,560 bytes
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
        QVERIFY2(it.value().size() <= TokenStore::MaxChunkBytes, qPrintable(it.key()));

    TokenStore again(std::make_unique<FakeBackend>(&entries, &failing));
    QCOMPARE(again.read(QStringLiteral("k")), tokens);
    again.remove(QStringLiteral("k"));
    QVERIFY(entries.isEmpty());
}

void TestTokenStore::shorterValueRemovesOldChunks()
{
    QHash<QString, QByteArray> entries;
    bool failing = false;
    TokenStore store(std::make_unique<FakeBackend>(&entries, &failing));
    QVERIFY(store.write(QStringLiteral("k"), {longToken(9000, 'a'), QStringLiteral("r")}));
    QVERIFY(entries.size() >= 5);
    const TokenPair small{QStringLiteral("a2"), QStringLiteral("r2")};
    QVERIFY(store.write(QStringLiteral("k"), small));
    QCOMPARE(entries.size(), 1);
    TokenStore again(std::make_unique<FakeBackend>(&entries, &failing));
    QCOMPARE(again.read(QStringLiteral("k")), small);
}

void TestTokenStore::failingKeychainKeepsTokensInMemory()
{
    QHash<QString, QByteArray> entries;
    bool failing = true;
    TokenStore store(std::make_unique<FakeBackend>(&entries, &failing));
    QVERIFY(store.read(QStringLiteral("k")).isEmpty());
    QVERIFY(store.inMemoryOnly());
    QVERIFY(!store.notice().isEmpty());

    const TokenPair tokens{QStringLiteral("acc"), QStringLiteral("ref")};
    QVERIFY(!store.write(QStringLiteral("k"), tokens)); // told: memory only
    QCOMPARE(store.read(QStringLiteral("k")), tokens);  // but usable for the session
    QVERIFY(entries.isEmpty());

    // The keychain comes back: this session still keeps to memory (one rule per session).
    failing = false;
    const TokenPair rotated{QStringLiteral("acc2"), QStringLiteral("ref2")};
    QVERIFY(!store.write(QStringLiteral("k"), rotated));
    QCOMPARE(store.read(QStringLiteral("k")), rotated);
    QVERIFY(entries.isEmpty());
    store.remove(QStringLiteral("k"));
    QVERIFY(store.read(QStringLiteral("k")).isEmpty());
}

void TestTokenStore::realKeychainRoundTrip()
{
    if (!keychainUsable()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("CI runs the tests with gnome-keyring in a D-Bus session (scripts/test)");
        QSKIP("no Secret Service here; scripts/test runs this with gnome-keyring");
    }
    const QString key = QStringLiteral("TEST-") + QUuid::createUuid().toString(QUuid::Id128);
    const TokenPair tokens{QStringLiteral("access-") + key, QStringLiteral("refresh-") + key};
    {
        TokenStore store;
        QVERIFY(store.write(key, tokens));
        QVERIFY(!store.inMemoryOnly());
    }
    {
        TokenStore store; // a new session reads from the keychain, not from memory
        QCOMPARE(store.read(key), tokens);
        KeychainBackend raw(QStringLiteral("Jiliang"));
        QCOMPARE(raw.read(key).outcome, SecretBackend::Outcome::Ok);
        store.remove(key);
        QCOMPARE(raw.read(key).outcome, SecretBackend::Outcome::NotFound);
    }
    TokenStore store;
    QVERIFY(store.read(key).isEmpty());
    QVERIFY(!store.inMemoryOnly());
}

void TestTokenStore::realKeychainChunks()
{
    if (!keychainUsable()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("CI runs the tests with gnome-keyring in a D-Bus session (scripts/test)");
        QSKIP("no Secret Service here; scripts/test runs this with gnome-keyring");
    }
    const QString key = QStringLiteral("TEST-") + QUuid::createUuid().toString(QUuid::Id128);
    const TokenPair tokens{longToken(5000, 'a'), longToken(2600, 'A')};
    {
        TokenStore store;
        QVERIFY(store.write(key, tokens));
    }
    KeychainBackend raw(QStringLiteral("Jiliang"));
    const auto first = raw.read(key);
    QCOMPARE(first.outcome, SecretBackend::Outcome::Ok);
    QVERIFY(first.value.size() <= TokenStore::MaxChunkBytes);
    const auto part = raw.read(key + QStringLiteral("#0"));
    QCOMPARE(part.outcome, SecretBackend::Outcome::Ok);
    QCOMPARE(part.value.size(), TokenStore::MaxChunkBytes);
    {
        TokenStore store;
        QCOMPARE(store.read(key), tokens);
        store.remove(key);
    }
    QCOMPARE(raw.read(key).outcome, SecretBackend::Outcome::NotFound);
    QCOMPARE(raw.read(key + QStringLiteral("#0")).outcome, SecretBackend::Outcome::NotFound);
}

void TestTokenStore::realKeychainFromTheEngineThread()
{
    if (!keychainUsable()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("CI runs the tests with gnome-keyring in a D-Bus session (scripts/test)");
        QSKIP("no Secret Service here; scripts/test runs this with gnome-keyring");
    }
    // AuthSession::refresh() writes the rotated tokens on the sync engine's thread.
    const QString key = QStringLiteral("TEST-") + QUuid::createUuid().toString(QUuid::Id128);
    const TokenPair tokens{QStringLiteral("access-thread"), QStringLiteral("refresh-thread")};
    TokenStore store;
    bool written = false;
    QThread *engine = QThread::create([&] { written = store.write(key, tokens); });
    engine->start();
    // The application's thread keeps running its events meanwhile, as in the program.
    QTRY_VERIFY_WITH_TIMEOUT(engine->isFinished(), 60000);
    delete engine;
    QVERIFY(written);
    QCOMPARE(store.read(key), tokens);                                // usable at once
    QTRY_COMPARE_WITH_TIMEOUT(TokenStore().read(key), tokens, 60000); // and in the keychain
    QVERIFY(!store.inMemoryOnly());
    TokenStore().remove(key);
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
