#pragma once

// The client's sync engine against a real jiliang-server on loopback: one server and account
// per test class, a fresh local database per test, HttpRemote over a QNetworkAccessManager on
// the test thread, and "another client" that talks HTTP directly (tests/server's harness).

#include "server/serverharness.h"
#include "unit/forwardingremote.h"

#include "models/domain/instrument.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"
#include "models/store/instrumentstore.h"
#include "models/store/outbox.h"
#include "sync/collections/collectionregistry.h"
#include "sync/fixedtokenprovider.h"
#include "sync/httpremote.h"
#include "sync/syncengine.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace jl::test {

// Counts what goes over the wire (the batches of a large push).
class CountingRemote final : public ForwardingRemote {
public:
    explicit CountingRemote(sync::RemoteApi &to)
        : ForwardingRemote(to)
    {}
    QList<int> batchSizes;
    int changesCalls = 0;

    sync::RemoteResult<sync::ChangesPage> changes(const QString &c, int l) override
    {
        ++changesCalls;
        return m_to.changes(c, l);
    }
    sync::RemoteResult<sync::PushReply> push(const QList<sync::PushEntry> &e) override
    {
        batchSizes.append(int(e.size()));
        return m_to.push(e);
    }
};

// One local client: its database, store and engine.
class Client {
public:
    Client(const QString &base, const QString &token)
        : m_tokens(token)
    {
        m_db = models::Database::open(m_dir.filePath(QStringLiteral("local.db"))).value();
        m_store = std::make_unique<models::InstrumentStore>(*m_db, QStringLiteral("测试员"));
        m_http = std::make_unique<sync::HttpRemote>(m_nam, QUrl(base), m_tokens);
        m_remote = std::make_unique<CountingRemote>(*m_http);
        m_collections = sync::CollectionRegistry::builtIn();
        m_engine = std::make_unique<sync::SyncEngine>(*m_db, *m_remote, *m_collections);
    }

    sync::SyncEngine::Outcome sync()
    {
        const auto out = m_engine->run();
        if (out.result != sync::SyncEngine::Result::Done)
            qWarning().noquote() << "sync:" << int(out.result) << out.message;
        return out;
    }
    models::Database &db() { return *m_db; }
    models::InstrumentStore &store() { return *m_store; }
    sync::SyncEngine &engine() { return *m_engine; }
    CountingRemote &remote() { return *m_remote; }
    QString path() const { return m_db->path(); }

    models::Instrument create(const QString &serial)
    {
        models::Instrument i = models::instrumentFromJson(servertest::instrumentPayload(serial));
        auto created = m_store->create(i);
        if (!created)
            qWarning() << created.error().message;
        return created ? created.value() : models::Instrument{};
    }
    models::Instrument get(const QString &id)
    {
        auto r = m_store->get(id);
        return r ? r.value() : models::Instrument{};
    }
    bool edit(const QString &id, const QString &field, const QJsonValue &value)
    {
        QJsonObject o = models::toJson(get(id));
        o.insert(field, value);
        models::Instrument i = models::instrumentFromJson(o);
        i.rev = get(id).rev;
        return m_store->update(i).ok();
    }
    int scalar(const QString &sql)
    {
        auto q = m_db->exec(QStringLiteral("test"), sql);
        return q && q.value().next() ? q.value().value(0).toInt() : -1;
    }
    int pending()
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"));
    }
    int conflicts() { return scalar(QStringLiteral("SELECT COUNT(*) FROM conflict")); }
    int instruments()
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM instrument WHERE deleted = 0"));
    }

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    sync::FixedTokenProvider m_tokens;
    std::unique_ptr<models::Database> m_db;
    std::unique_ptr<models::InstrumentStore> m_store;
    std::unique_ptr<sync::HttpRemote> m_http;
    std::unique_ptr<CountingRemote> m_remote;
    std::unique_ptr<sync::CollectionRegistry> m_collections;
    std::unique_ptr<sync::SyncEngine> m_engine;
};

// What every end-to-end sync test class holds: one server with one account, its token, and
// clients of that account. A test class derives from it and calls startServer() first.
class SyncEnd2EndTest : public QObject {
protected:
    explicit SyncEnd2EndTest(QString serialPrefix)
        : m_serialPrefix(std::move(serialPrefix))
    {}

    void startServer()
    {
        using namespace servertest;
        m_serverDb = std::make_unique<TestDatabase>(TestDatabase::Kind::Sqlite);
        QVERIFY(m_serverDb->isValid());
        m_account = createAccount(m_serverDb->url(), 1);
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start(m_serverDb->url()));
        m_token = accessToken(m_server->base(), m_account);
        QVERIFY(!m_token.isEmpty());
    }
    std::unique_ptr<Client> client() { return std::make_unique<Client>(m_server->base(), m_token); }
    QString serial()
    {
        return QStringLiteral("%1-%2").arg(m_serialPrefix).arg(++m_serial, 5, 10, QLatin1Char('0'));
    }
    QJsonObject onServer(const QString &id)
    {
        servertest::Http http(m_server->base());
        http.setToken(m_token);
        return http.get(QStringLiteral("/api/v1/instruments/") + id).json();
    }
    void purge(Client &c, const QString &id)
    {
        QVERIFY(c.store().moveToHistory({id}).ok());
        QVERIFY(c.store().purge({id}).ok());
    }
    void done(Client &c)
    {
        const sync::SyncEngine::Outcome out = c.sync();
        QCOMPARE(out.result, sync::SyncEngine::Result::Done);
    }

    std::unique_ptr<servertest::TestDatabase> m_serverDb;
    std::unique_ptr<servertest::ServerProcess> m_server;
    servertest::Account m_account;
    QString m_token;

private:
    QString m_serialPrefix;
    int m_serial = 0;
};

} // namespace jl::test
