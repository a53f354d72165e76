// HttpRemote against a real jiliang-server on loopback: the changes feed page by page, a
// batch mixing create, update, conflict and rejection, a command, a retried batch answered
// from the key store, a chunked upload resumed half way, a verified download, 426 for an old
// protocol, 401 refreshed, and another enterprise's file answering 404 (sync.md §1–21).
#include "server/serverharness.h"
#include "sync/attachmenttransfer.h"
#include "sync/filestore.h"
#include "sync/httpremote.h"
#include "unit/statictokens.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

using namespace jl::servertest;
using namespace jl::sync;
using jl::synctest::StaticTokens;
using Kind = RemoteError::Kind;

namespace {

constexpr qint64 MB = 1024 * 1024;

template <typename T> T valueOf(const RemoteResult<T> &r)
{
    if (const auto *e = std::get_if<RemoteError>(&r)) {
        qWarning().noquote() << "remote error" << int(e->kind) << e->httpStatus << e->message;
        return T();
    }
    return std::get<T>(r);
}

template <typename T> RemoteError errorOf(const RemoteResult<T> &r)
{
    const auto *e = std::get_if<RemoteError>(&r);
    return e ? *e : RemoteError{RemoteError::Kind::Cancelled, -1, QStringLiteral("no error"), 0, 0};
}

PushEntry upsert(const QString &id, qint64 baseRev, const QJsonObject &payload)
{
    PushEntry e;
    e.key = newId();
    e.collection = QStringLiteral("instrument");
    e.recordId = id;
    e.kind = QStringLiteral("upsert");
    e.baseRev = baseRev;
    e.payload = payload;
    e.payload.insert(QStringLiteral("id"), id); // the client's form carries its id
    return e;
}

QByteArray pngOf(qint64 size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        b[i] = char((i * 13 + i / 997) % 256);
    const QByteArray head("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    b.replace(0, head.size(), head);
    return b;
}

} // namespace

class TestHttpRemoteServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void epoch();
    void changesPageByPage();
    void batchMix();
    void retriedBatchIsAnsweredFromTheKeyStore();
    void command();
    void uploadResumedAndDownloadVerified();
    void otherEnterprisesFileIsNotFound();
    void oldProtocolGets426();
    void expiredTokenRefreshed();

private:
    std::unique_ptr<HttpRemote> remoteFor(const QString &token, HttpRemote::Options options = {});

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ServerProcess> m_server;
    QString m_token;
    QString m_otherToken;
    QNetworkAccessManager m_nam;
    std::list<StaticTokens> m_tokens;
    QString m_sha; // the uploaded file
};

std::unique_ptr<HttpRemote> TestHttpRemoteServer::remoteFor(const QString &token,
                                                            HttpRemote::Options options)
{
    m_tokens.emplace_back(token);
    return std::make_unique<HttpRemote>(m_nam, QUrl(m_server->base()), m_tokens.back(), options);
}

void TestHttpRemoteServer::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    m_db = std::make_unique<TestDatabase>(TestDatabase::Kind::Sqlite);
    QVERIFY(m_db->isValid());
    const Account mine = createAccount(m_db->url(), 1);
    const Account other = createAccount(m_db->url(), 2);
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_db->url()));
    m_token = accessToken(m_server->base(), mine);
    m_otherToken = accessToken(m_server->base(), other);
    QVERIFY(!m_token.isEmpty() && !m_otherToken.isEmpty());
}

void TestHttpRemoteServer::cleanupTestCase()
{
    if (m_server)
        QVERIFY(m_server->stop());
}

void TestHttpRemoteServer::epoch()
{
    auto remote = remoteFor(m_token);
    QVERIFY(!valueOf(remote->epoch()).isEmpty());
}

void TestHttpRemoteServer::changesPageByPage()
{
    auto remote = remoteFor(m_token);
    QList<PushEntry> creates;
    QSet<QString> ids;
    for (int i = 0; i < 5; ++i) {
        const QString id = newId();
        ids.insert(id);
        creates.append(upsert(id, 0, instrumentPayload(QStringLiteral("PAGE-%1").arg(i))));
    }
    const PushReply pushed = valueOf(remote->push(creates));
    QCOMPARE(pushed.results.size(), 5);
    for (const PushResult &r : pushed.results)
        QCOMPARE(r.status, 201);

    QString cursor;
    QSet<QString> seen;
    int pages = 0;
    const QString epoch = valueOf(remote->epoch());
    for (;;) {
        const ChangesPage page = valueOf(remote->changes(cursor, 2));
        QVERIFY(!page.cursor.isEmpty());
        QVERIFY(page.changes.size() <= 2);
        QCOMPARE(page.epoch, epoch);
        for (const RemoteChange &c : page.changes) {
            if (c.collection == QLatin1String("instrument")) {
                seen.insert(c.id);
                QVERIFY(c.rev >= 1);
                QCOMPARE(c.data.value(u"id").toString(), c.id);
            }
        }
        cursor = page.cursor;
        ++pages;
        if (!page.hasMore)
            break;
        QVERIFY(pages < 100);
    }
    QVERIFY(pages >= 3);
    QVERIFY(seen.contains(ids));
    // At the end, the cursor gives an empty page.
    QVERIFY(valueOf(remote->changes(cursor, 2)).changes.isEmpty());
    QCOMPARE(errorOf(remote->changes(QStringLiteral("not-a-cursor"), 2)).kind, Kind::Rejected);
}

void TestHttpRemoteServer::batchMix()
{
    auto remote = remoteFor(m_token);
    const QString existing = newId();
    const QString stale = newId();
    const PushReply before =
        valueOf(remote->push({upsert(existing, 0, instrumentPayload(QStringLiteral("MIX-1"))),
                              upsert(stale, 0, instrumentPayload(QStringLiteral("MIX-2")))}));
    QCOMPARE(before.results.size(), 2);
    // The second changes on the server first: our edit of it is then on an old revision.
    QCOMPARE(valueOf(remote->push({upsert(
                         stale, 1,
                         instrumentPayload(QStringLiteral("MIX-2"), QStringLiteral("电子秤")))}))
                 .results.at(0)
                 .status,
             200);

    const QString fresh = newId();
    QJsonObject invalid = instrumentPayload(QStringLiteral("MIX-4"));
    invalid.remove(QStringLiteral("name"));
    QJsonObject updated = instrumentPayload(QStringLiteral("MIX-1"));
    updated.insert(QStringLiteral("remarks"), QStringLiteral("已维修"));
    PushEntry withEnvelope = upsert(existing, 1, updated);
    withEnvelope.payload.insert(QStringLiteral("rev"), 1);
    withEnvelope.payload.insert(QStringLiteral("updatedAt"),
                                QStringLiteral("2026-01-01T00:00:00Z"));
    withEnvelope.payload.insert(QStringLiteral("deleted"), false);
    const QList<PushEntry> entries = {
        upsert(fresh, 0, instrumentPayload(QStringLiteral("MIX-3"))), withEnvelope,
        upsert(stale, 1, instrumentPayload(QStringLiteral("MIX-2"), QStringLiteral("加油机"))),
        upsert(newId(), 0, invalid)};
    const PushReply reply = valueOf(remote->push(entries));
    QCOMPARE(reply.results.size(), 4);
    QVERIFY(!reply.stopped);
    for (qsizetype i = 0; i < entries.size(); ++i)
        QCOMPARE(reply.results.at(i).key, entries.at(i).key);
    QCOMPARE(reply.results.at(0).status, 201);
    QCOMPARE(reply.results.at(0).body.value(u"collection").toString(),
             QStringLiteral("instrument"));
    QCOMPARE(reply.results.at(1).status, 200);
    QCOMPARE(reply.results.at(1).body.value(u"rev").toInt(), 2);
    QCOMPARE(reply.results.at(1).body.value(u"data").toObject().value(u"remarks").toString(),
             QStringLiteral("已维修"));
    // 412: the server's current record to merge against.
    const PushResult &conflict = reply.results.at(2);
    QCOMPARE(conflict.status, 412);
    QCOMPARE(conflict.body.value(u"id").toString(), stale);
    QCOMPARE(conflict.body.value(u"rev").toInt(), 2);
    QCOMPARE(conflict.body.value(u"data").toObject().value(u"name").toString(),
             QStringLiteral("电子秤"));
    QVERIFY(!conflict.message.isEmpty());
    // The server's own messages come in Chinese (Accept-Language: zh-CN).
    QVERIFY2(conflict.message.contains(QRegularExpression(QStringLiteral("\\p{Han}"))),
             qPrintable(conflict.message));
    // 422: the server's message for the record, naming the field.
    QCOMPARE(reply.results.at(3).status, 422);
    QVERIFY2(reply.results.at(3).message.contains(QLatin1String("name")),
             qPrintable(reply.results.at(3).message));
}

void TestHttpRemoteServer::retriedBatchIsAnsweredFromTheKeyStore()
{
    auto remote = remoteFor(m_token);
    const QList<PushEntry> entries = {
        upsert(newId(), 0, instrumentPayload(QStringLiteral("ONCE-1")))};
    const PushReply first = valueOf(remote->push(entries));
    // The answer was "lost": the engine sends the same entry again.
    const PushReply again = valueOf(remote->push(entries));
    QCOMPARE(first.results.at(0).status, 201);
    QCOMPARE(again.results.at(0).status, 201);
    QCOMPARE(again.results.at(0).body.value(u"rev").toInt(), 1);
    // Exactly one record on the server.
    int found = 0;
    QString cursor;
    for (;;) {
        const ChangesPage page = valueOf(remote->changes(cursor, 1000));
        for (const RemoteChange &c : page.changes)
            found += c.id == entries.at(0).recordId ? 1 : 0;
        cursor = page.cursor;
        if (!page.hasMore || page.cursor.isEmpty())
            break;
    }
    QCOMPARE(found, 1);
}

void TestHttpRemoteServer::command()
{
    auto remote = remoteFor(m_token);
    const QString id = newId();
    QCOMPARE(valueOf(remote->push({upsert(id, 0, instrumentPayload(QStringLiteral("CMD-1")))}))
                 .results.at(0)
                 .status,
             201);
    PushEntry move;
    move.key = newId();
    move.collection = QStringLiteral("instrument");
    move.recordId = id;
    move.kind = QStringLiteral("command");
    move.command = QStringLiteral("moveToHistory");
    move.baseRev = 1;
    const PushReply reply = valueOf(remote->push({move}));
    QCOMPARE(reply.results.at(0).status, 200);
    QCOMPARE(reply.results.at(0).body.value(u"rev").toInt(), 2);
    QCOMPARE(reply.results.at(0).body.value(u"data").toObject().value(u"lifecycle").toString(),
             QStringLiteral("history"));
    // Not allowed twice: a rejection with the server's message.
    move.key = newId();
    move.baseRev = 2;
    const PushReply twice = valueOf(remote->push({move}));
    QCOMPARE(twice.results.at(0).status, 409);
    QVERIFY(!twice.results.at(0).message.isEmpty());
}

void TestHttpRemoteServer::uploadResumedAndDownloadVerified()
{
    auto remote = remoteFor(m_token);
    QTemporaryDir dir;
    FileStore store(dir.filePath(QStringLiteral("mine")));
    const QByteArray bytes = pngOf(9 * MB + 4321);
    {
        QFile f(dir.filePath(QStringLiteral("scan.png")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    auto added = store.add(dir.filePath(QStringLiteral("scan.png")));
    QVERIFY(added.ok());
    m_sha = added.value();
    QCOMPARE(valueOf(remote->uploadedBytes(m_sha)), 0);
    // An earlier run sent the first chunk, then stopped.
    QCOMPARE(valueOf(remote->uploadChunk(m_sha, 0, bytes.size(), bytes.left(4 * MB))), 4 * MB);

    AttachmentTransfer transfer(*remote, store);
    QList<qint64> progress;
    const qint64 sent = valueOf(
        transfer.upload(m_sha, [&progress](qint64 done, qint64) { progress.append(done); }));
    QCOMPARE(sent, bytes.size());
    QCOMPARE(progress.first(), 4 * MB); // resumed, not restarted
    QCOMPARE(valueOf(remote->uploadedBytes(m_sha)), bytes.size());

    FileStore elsewhere(dir.filePath(QStringLiteral("other-computer")));
    AttachmentTransfer fetch(*remote, elsewhere);
    const QString path = valueOf(fetch.download(m_sha));
    QCOMPARE(path, elsewhere.path(m_sha));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == bytes);
}

void TestHttpRemoteServer::otherEnterprisesFileIsNotFound()
{
    QVERIFY2(!m_sha.isEmpty(), "runs after uploadResumedAndDownloadVerified");
    auto stranger = remoteFor(m_otherToken);
    QTemporaryDir dir;
    auto r = stranger->download(m_sha, dir.filePath(QStringLiteral("x")), {});
    QCOMPARE(errorOf(r).kind, Kind::NotFound);
    QCOMPARE(errorOf(r).httpStatus, 404);
    QCOMPARE(valueOf(stranger->uploadedBytes(m_sha)), 0);
}

void TestHttpRemoteServer::oldProtocolGets426()
{
    HttpRemote::Options old;
    old.protocolVersion = 0;
    auto remote = remoteFor(m_token, old);
    const RemoteError e = errorOf(remote->changes({}, 10));
    QCOMPARE(e.kind, Kind::UpgradeRequired);
    QCOMPARE(e.httpStatus, 426);
    QVERIFY(e.minVersion >= 1);
    QVERIFY(!e.message.isEmpty());
}

void TestHttpRemoteServer::expiredTokenRefreshed()
{
    auto remote = remoteFor(QStringLiteral("expired-or-unknown"));
    StaticTokens &tokens = m_tokens.back();
    tokens.answers = {TokenProvider::Refresh::Refreshed};
    tokens.nextToken = m_token;
    QVERIFY(!valueOf(remote->changes({}, 1)).cursor.isEmpty());
    QCOMPARE(tokens.refreshes, 1);

    auto revoked = remoteFor(QStringLiteral("revoked"));
    m_tokens.back().answers = {TokenProvider::Refresh::LoginRequired};
    QCOMPARE(errorOf(revoked->changes({}, 1)).kind, Kind::LoginRequired);
}

QTEST_MAIN(TestHttpRemoteServer)
#include "tst_httpremoteserver.moc"
