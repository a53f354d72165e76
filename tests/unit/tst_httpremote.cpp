// HttpRemote against a scripted network: what it sends (headers, batch bodies, the same keys
// on a retry) and how every fault becomes a RemoteError of the right kind (sync.md §12).
#include "sync/httpremote.h"
#include "sync/requestreachability.h"
#include "unit/scriptednetwork.h"
#include "unit/statictokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <thread>

using namespace jl::sync;
using namespace jl::synctest;
using Kind = RemoteError::Kind;

namespace {

const QString Sha =
    QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

template <typename T> const RemoteError &errorOf(const RemoteResult<T> &r)
{
    static const RemoteError none{};
    const RemoteError *e = std::get_if<RemoteError>(&r);
    if (!e)
        qWarning("expected an error, got a value");
    return e ? *e : none;
}

QJsonObject bodyOf(const Sent &s)
{
    return QJsonDocument::fromJson(s.body).object();
}

QByteArray record(const char *collection, const char *id, int rev, const QByteArray &data)
{
    return QByteArray("{\"collection\":\"") + collection + "\",\"id\":\"" + id +
           "\",\"rev\":" + QByteArray::number(rev) +
           ",\"deleted\":false,\"updatedAt\":\"2026-01-01T00:00:00.000Z\",\"data\":" + data + '}';
}

QList<PushEntry> twoEntries()
{
    PushEntry create;
    create.key = QStringLiteral("op-1");
    create.collection = QStringLiteral("instrument");
    create.recordId = QStringLiteral("11111111-1111-1111-1111-111111111111");
    create.kind = QStringLiteral("upsert");
    create.payload = QJsonObject{{QStringLiteral("id"), create.recordId},
                                 {QStringLiteral("serialNo"), QStringLiteral("A-1")},
                                 {QStringLiteral("name"), QStringLiteral("加油机")},
                                 {QStringLiteral("rev"), 4},
                                 {QStringLiteral("updatedAt"), QStringLiteral("2026-01-01")},
                                 {QStringLiteral("deleted"), false},
                                 {QStringLiteral("localOnly"), QStringLiteral("x")}};
    PushEntry update = create;
    update.key = QStringLiteral("op-2");
    update.collection = QStringLiteral("contact");
    update.recordId = QStringLiteral("22222222-2222-2222-2222-222222222222");
    update.baseRev = 3;
    update.payload = QJsonObject{{QStringLiteral("name"), QStringLiteral("王五")},
                                 {QStringLiteral("enterpriseId"), QStringLiteral("e")}};
    return {create, update};
}

QByteArray twoResults()
{
    return "{\"results\":[{\"key\":\"op-1\",\"status\":201,\"body\":" +
           record("instruments", "11111111-1111-1111-1111-111111111111", 1,
                  "{\"id\":\"11111111-1111-1111-1111-111111111111\",\"serialNo\":\"A-1\"}") +
           "},{\"key\":\"op-2\",\"status\":412,\"body\":{\"status\":412,\"detail\":\"已被修改\","
           "\"current\":" +
           record("contacts", "22222222-2222-2222-2222-222222222222", 5, "{\"name\":\"赵六\"}") +
           "}}],\"processed\":2,\"stopped\":false}";
}

} // namespace

class TestHttpRemote : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyRequestCarriesTheHeaders();
    void changesPageMapsCollections();
    void malformedRepliesAreRefusedWhole_data();
    void malformedRepliesAreRefusedWhole();
    void batchBodyAndResults();
    void batchAnswerNotMatchingIsRefused();
    void stoppedBatch();
    void lostAnswerRetriedWithTheSameKeys();
    void timeout();
    void serverErrors();
    void rateLimitedWithRetryAfter();
    void unauthorizedRefreshesAndRetries();
    void refreshSaysLoginRequired();
    void refreshUnavailable();
    void upgradeRequired();
    void notFoundAndRejected();
    void cancelFromAnotherThread();
    void uploadSendsContentRange();
    void downloadStreamsIntoTheFile();
    void reachabilityFollowsOutcomes();
    void prefetchedPageIsTakenOnce();
    void prefetchOfAnotherPageIsDropped();
    void prefetchAnswered401RefreshesAndAsksAgain();
    void otherCallDropsThePrefetch();
};

void TestHttpRemote::everyRequestCarriesTheHeaders()
{
    ScriptedNetwork net;
    StaticTokens tokens(QStringLiteral("abc"));
    HttpRemote remote(net, QUrl(QStringLiteral("https://example.test/jl/")), tokens);
    net.add(Step::json(200, "{\"protocolVersion\":1,\"minProtocolVersion\":1,\"epoch\":\"E1\"}"));
    net.add(
        Step::json(200, "{\"changes\":[],\"cursor\":\"c2\",\"hasMore\":false,\"epoch\":\"E1\"}"));
    auto epoch = remote.epoch();
    QCOMPARE(std::get<QString>(epoch), QStringLiteral("E1"));
    auto page = remote.changes(QStringLiteral("a+b/c=="), 500);
    QVERIFY(std::holds_alternative<ChangesPage>(page));
    QCOMPARE(net.sent.size(), 2);
    QCOMPARE(net.sent.at(0).url.path(), QStringLiteral("/jl/api/v1/version"));
    QCOMPARE(net.sent.at(1).url.path(), QStringLiteral("/jl/api/v1/changes"));
    // The cursor is opaque: it must arrive byte for byte, '+' and '=' included.
    QCOMPARE(
        QUrlQuery(net.sent.at(1).url).queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded),
        QStringLiteral("a+b/c=="));
    QCOMPARE(QUrlQuery(net.sent.at(1).url).queryItemValue(QStringLiteral("limit")),
             QStringLiteral("500"));
    for (const Sent &s : std::as_const(net.sent)) {
        QCOMPARE(s.header("Jiliang-Protocol-Version"), QByteArray("1"));
        QCOMPARE(s.header("Accept-Language"), QByteArray("zh-CN"));
        QCOMPARE(s.header("Authorization"), QByteArray("Bearer abc"));
        QVERIFY(s.request.transferTimeout() > 0);
    }
}

void TestHttpRemote::changesPageMapsCollections()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(
        Step::json(200, "{\"changes\":[" +
                            record("instruments", "i1", 3, "{\"id\":\"i1\",\"serialNo\":\"S\"}") +
                            ',' + record("verificationRecords", "v1", 1, "{\"id\":\"v1\"}") + ',' +
                            "{\"collection\":\"sites\",\"id\":\"s1\",\"rev\":7,\"deleted\":true,"
                            "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"data\":null}" +
                            "],\"cursor\":\"next\",\"hasMore\":true,\"epoch\":\"E\"}"));
    auto r = remote.changes({}, 0);
    QVERIFY(std::holds_alternative<ChangesPage>(r));
    const ChangesPage page = std::get<ChangesPage>(r);
    QVERIFY(!net.sent.at(0).url.hasQuery()); // no cursor at the beginning
    QCOMPARE(page.changes.size(), 3);
    QCOMPARE(page.changes.at(0).collection, QStringLiteral("instrument"));
    QCOMPARE(page.changes.at(0).rev, 3);
    QCOMPARE(page.changes.at(0).data.value(u"serialNo").toString(), QStringLiteral("S"));
    QCOMPARE(page.changes.at(1).collection, QStringLiteral("verificationRecord"));
    QCOMPARE(page.changes.at(2).collection, QStringLiteral("site"));
    QVERIFY(page.changes.at(2).deleted);
    QVERIFY(page.changes.at(2).data.isEmpty());
    QCOMPARE(page.cursor, QStringLiteral("next"));
    QVERIFY(page.hasMore);
    QCOMPARE(page.epoch, QStringLiteral("E"));
}

void TestHttpRemote::malformedRepliesAreRefusedWhole_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>proxy</html>");
    QTest::newRow("cut short") << QByteArray("{\"changes\":[");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no cursor") << QByteArray("{\"changes\":[],\"hasMore\":false,\"epoch\":\"E\"}");
    QTest::newRow("hasMore text") << QByteArray(
        "{\"changes\":[],\"cursor\":\"c\",\"hasMore\":\"no\",\"epoch\":\"E\"}");
    // One bad change among good ones: the page is refused, not applied in part.
    QTest::newRow("a change without rev")
        << ("{\"changes\":[" + record("instruments", "i1", 1, "{}") +
            ",{\"collection\":\"instruments\",\"id\":\"i2\",\"deleted\":false,\"data\":{}}],"
            "\"cursor\":\"c\",\"hasMore\":false,\"epoch\":\"E\"}");
    QTest::newRow("live change without data")
        << QByteArray("{\"changes\":[{\"collection\":\"sites\",\"id\":\"s\",\"rev\":1,"
                      "\"deleted\":false,\"data\":null}],\"cursor\":\"c\",\"hasMore\":false,"
                      "\"epoch\":\"E\"}");
}

void TestHttpRemote::malformedRepliesAreRefusedWhole()
{
    QFETCH(QByteArray, body);
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::json(200, body));
    auto r = remote.changes(QStringLiteral("c"), 10);
    QCOMPARE(errorOf(r).kind, Kind::BadReply);
    QVERIFY(!errorOf(r).message.isEmpty());
}

void TestHttpRemote::batchBodyAndResults()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::json(200, twoResults()));
    auto r = remote.push(twoEntries());
    QVERIFY(std::holds_alternative<PushReply>(r));
    const PushReply reply = std::get<PushReply>(r);

    const Sent &s = net.sent.at(0);
    QCOMPARE(s.method, QByteArray("POST"));
    QCOMPARE(s.url.path(), QStringLiteral("/api/v1/batch"));
    QCOMPARE(s.request.header(QNetworkRequest::ContentTypeHeader).toString(),
             QStringLiteral("application/json"));
    const QJsonArray entries = bodyOf(s).value(u"entries").toArray();
    QCOMPARE(entries.size(), 2);
    const QJsonObject first = entries.at(0).toObject();
    QCOMPARE(first.value(u"key").toString(), QStringLiteral("op-1"));
    QCOMPARE(first.value(u"collection").toString(), QStringLiteral("instruments"));
    QCOMPARE(first.value(u"kind").toString(), QStringLiteral("upsert"));
    QCOMPARE(first.value(u"baseRev").toInt(-1), 0);
    // The envelope and fields the server does not know stay home.
    const QJsonObject payload = first.value(u"payload").toObject();
    QCOMPARE(payload.keys(), (QStringList{QStringLiteral("name"), QStringLiteral("serialNo")}));
    const QJsonObject second = entries.at(1).toObject();
    QCOMPARE(second.value(u"collection").toString(), QStringLiteral("contacts"));
    QCOMPARE(second.value(u"baseRev").toInt(), 3);
    QCOMPARE(second.value(u"payload").toObject().keys(), QStringList{QStringLiteral("name")});

    QCOMPARE(reply.results.size(), 2);
    QVERIFY(!reply.stopped);
    QCOMPARE(reply.results.at(0).key, QStringLiteral("op-1"));
    QCOMPARE(reply.results.at(0).status, 201);
    QCOMPARE(reply.results.at(0).body.value(u"collection").toString(),
             QStringLiteral("instrument"));
    QCOMPARE(reply.results.at(0).body.value(u"rev").toInt(), 1);
    QCOMPARE(reply.results.at(1).status, 412);
    QCOMPARE(reply.results.at(1).message, QStringLiteral("已被修改"));
    // A conflict carries the server's record, in the client's names.
    QCOMPARE(reply.results.at(1).body.value(u"collection").toString(), QStringLiteral("contact"));
    QCOMPARE(reply.results.at(1).body.value(u"rev").toInt(), 5);
    QCOMPARE(reply.results.at(1).body.value(u"data").toObject().value(u"name").toString(),
             QStringLiteral("赵六"));
}

void TestHttpRemote::batchAnswerNotMatchingIsRefused()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    // One result for two entries; then keys swapped; then a 412 without the current record.
    net.add(Step::json(200, "{\"results\":[{\"key\":\"op-1\",\"status\":201,\"body\":" +
                                record("instruments", "i", 1, "{}") + "}]}"));
    QByteArray swapped = twoResults();
    swapped.replace("\"op-1\"", "\"op-x\"");
    net.add(Step::json(200, swapped));
    net.add(
        Step::json(200, "{\"results\":[{\"key\":\"op-1\",\"status\":201,\"body\":" +
                            record("instruments", "i", 1, "{}") +
                            "},{\"key\":\"op-2\",\"status\":412,\"body\":{\"detail\":\"x\"}}]}"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(errorOf(remote.push(twoEntries())).kind, Kind::BadReply);
}

void TestHttpRemote::stoppedBatch()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::json(200, "{\"results\":[{\"key\":\"op-1\",\"status\":409,\"body\":{\"detail\":"
                            "\"处理中\"}},{\"key\":\"op-2\",\"status\":424,\"body\":{\"detail\":"
                            "\"未处理\"}}],\"processed\":1,\"stopped\":true}"));
    auto r = remote.push(twoEntries());
    const PushReply reply = std::get<PushReply>(r);
    QVERIFY(reply.stopped);
    QCOMPARE(reply.results.at(0).status, 409);
    QCOMPARE(reply.results.at(0).message, QStringLiteral("处理中"));
    QCOMPARE(reply.results.at(1).status, 424);
}

void TestHttpRemote::lostAnswerRetriedWithTheSameKeys()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    // The server commits, then the connection drops in the middle of its answer.
    int committed = 0;
    Step lost = Step::json(200, twoResults().left(40));
    lost.error = QNetworkReply::RemoteHostClosedError;
    lost.onRequest = [&committed] {
        ++committed;
    };
    net.add(lost);
    Step replay = Step::json(200, twoResults());
    replay.headers.append({QByteArray("Idempotent-Replayed"), QByteArray("true")});
    net.add(replay);

    auto first = remote.push(twoEntries());
    QCOMPARE(errorOf(first).kind, Kind::Network);
    QCOMPARE(committed, 1);
    // The engine sends the same outbox entries again later.
    auto second = remote.push(twoEntries());
    QVERIFY(std::holds_alternative<PushReply>(second));
    QCOMPARE(net.sent.size(), 2);
    // Same keys, same bases, same payloads: the server's key store answers the retry.
    QCOMPARE(net.sent.at(1).body, net.sent.at(0).body);
    const QJsonArray entries = bodyOf(net.sent.at(1)).value(u"entries").toArray();
    QCOMPARE(entries.at(0).toObject().value(u"key").toString(), QStringLiteral("op-1"));
    QCOMPARE(entries.at(1).toObject().value(u"key").toString(), QStringLiteral("op-2"));
}

void TestHttpRemote::timeout()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote::Options options;
    options.timeoutMs = 50;
    RequestReachability reach;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens, options);
    remote.setReachabilityObserver([&reach](bool answered) { reach.report(answered); });
    net.add(Step::hanging());
    auto r = remote.epoch();
    QCOMPARE(errorOf(r).kind, Kind::Network);
    QVERIFY(!errorOf(r).message.isEmpty());
    QVERIFY(!reach.isOnline());
    QCOMPARE(net.sent.at(0).request.transferTimeout(), 50);
}

void TestHttpRemote::serverErrors()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::problem(503, QStringLiteral("服务器维护中")));
    Step html = Step::json(502, "<html>Bad Gateway</html>");
    html.headers = {{"Content-Type", "text/html"}};
    net.add(html);
    auto a = remote.changes({}, 10);
    QCOMPARE(errorOf(a).kind, Kind::Server);
    QCOMPARE(errorOf(a).httpStatus, 503);
    QCOMPARE(errorOf(a).message, QStringLiteral("服务器维护中"));
    auto b = remote.push(twoEntries());
    QCOMPARE(errorOf(b).kind, Kind::Server);
    QCOMPARE(errorOf(b).httpStatus, 502);
    QVERIFY(errorOf(b).message.contains(QStringLiteral("502")));
}

void TestHttpRemote::rateLimitedWithRetryAfter()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    Step limited = Step::problem(429, QStringLiteral("请求过多"));
    limited.headers.append({QByteArray("Retry-After"), QByteArray("7")});
    net.add(limited);
    net.add(Step::problem(429, QStringLiteral("请求过多"))); // no header: a second
    auto r = remote.changes({}, 10);
    QCOMPARE(errorOf(r).kind, Kind::RateLimited);
    QCOMPARE(errorOf(r).retryAfterSeconds, 7);
    QCOMPARE(errorOf(r).message, QStringLiteral("请求过多"));
    QCOMPARE(errorOf(remote.changes({}, 10)).retryAfterSeconds, 1);
}

void TestHttpRemote::unauthorizedRefreshesAndRetries()
{
    ScriptedNetwork net;
    StaticTokens tokens(QStringLiteral("old"));
    tokens.answers = {TokenProvider::Refresh::Refreshed};
    tokens.nextToken = QStringLiteral("new");
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::problem(401, QStringLiteral("令牌已过期")));
    net.add(Step::json(200, twoResults()));
    auto r = remote.push(twoEntries());
    QVERIFY(std::holds_alternative<PushReply>(r));
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(net.sent.size(), 2);
    QCOMPARE(net.sent.at(0).header("Authorization"), QByteArray("Bearer old"));
    QCOMPARE(net.sent.at(1).header("Authorization"), QByteArray("Bearer new"));
    QCOMPARE(net.sent.at(1).body, net.sent.at(0).body);

    // A fresh token refused as well: no loop, the user logs in again.
    tokens.answers = {TokenProvider::Refresh::Refreshed};
    net.add(Step::problem(401, QStringLiteral("x")));
    net.add(Step::problem(401, QStringLiteral("x")));
    QCOMPARE(errorOf(remote.changes({}, 1)).kind, Kind::LoginRequired);
    QCOMPARE(tokens.refreshes, 2);
    QCOMPARE(net.sent.size(), 4);
}

void TestHttpRemote::refreshSaysLoginRequired()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    tokens.answers = {TokenProvider::Refresh::LoginRequired};
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::problem(401, QStringLiteral("令牌已吊销")));
    auto r = remote.push(twoEntries());
    QCOMPARE(errorOf(r).kind, Kind::LoginRequired);
    QVERIFY(!errorOf(r).message.isEmpty());
    QCOMPARE(net.sent.size(), 1);
}

void TestHttpRemote::refreshUnavailable()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    tokens.answers = {TokenProvider::Refresh::Unavailable};
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::problem(401, QStringLiteral("x")));
    // Retry later with backoff; not a reason to ask for a login.
    QCOMPARE(errorOf(remote.changes({}, 1)).kind, Kind::Network);
}

void TestHttpRemote::upgradeRequired()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(
        Step::problem(426, QStringLiteral("请升级客户端"), ",\"minVersion\":3,\"maxVersion\":4"));
    net.add(Step::json(426, "{}"));
    auto r = remote.changes({}, 1);
    QCOMPARE(errorOf(r).kind, Kind::UpgradeRequired);
    QCOMPARE(errorOf(r).minVersion, 3);
    QCOMPARE(errorOf(r).message, QStringLiteral("请升级客户端"));
    auto bare = remote.changes({}, 1);
    QCOMPARE(errorOf(bare).kind, Kind::UpgradeRequired);
    QVERIFY(!errorOf(bare).message.isEmpty());
}

void TestHttpRemote::notFoundAndRejected()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::problem(410, QStringLiteral("游标过期")));
    net.add(Step::problem(404, QStringLiteral("不存在")));
    net.add(Step::problem(413, QStringLiteral("太大")));
    QCOMPARE(errorOf(remote.changes(QStringLiteral("c"), 1)).kind, Kind::Gone);
    QCOMPARE(errorOf(remote.changes(QStringLiteral("c"), 1)).kind, Kind::NotFound);
    auto r = remote.push(twoEntries());
    QCOMPARE(errorOf(r).kind, Kind::Rejected);
    QCOMPARE(errorOf(r).httpStatus, 413);
    QCOMPARE(errorOf(r).message, QStringLiteral("太大"));
}

void TestHttpRemote::cancelFromAnotherThread()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    std::thread canceller;
    Step hang = Step::hanging();
    hang.onRequest = [&] {
        canceller = std::thread([&remote] { remote.cancel(); });
    };
    net.add(hang);
    auto r = remote.changes({}, 1);
    canceller.join();
    QCOMPARE(errorOf(r).kind, Kind::Cancelled);
    // The cancel belonged to that call: the next one runs.
    QCoreApplication::processEvents();
    net.add(Step::json(200, "{\"epoch\":\"E\"}"));
    QCOMPARE(std::get<QString>(remote.epoch()), QStringLiteral("E"));
}

void TestHttpRemote::uploadSendsContentRange()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::problem(404, QStringLiteral("不存在")));
    net.add(Step::json(200, "{\"received\":4,\"size\":10,\"complete\":false}"));
    net.add(Step::problem(409, QStringLiteral("顺序不对"), ",\"received\":4"));
    QCOMPARE(std::get<qint64>(remote.uploadedBytes(Sha)), 0);
    QCOMPARE(net.sent.at(0).url.path(), QStringLiteral("/api/v1/files/") + Sha + u"/upload");
    QCOMPARE(std::get<qint64>(remote.uploadChunk(Sha, 0, 10, "abcd")), 4);
    const Sent &put = net.sent.at(1);
    QCOMPARE(put.method, QByteArray("PUT"));
    QCOMPARE(put.header("Content-Range"), QByteArray("bytes 0-3/10"));
    QCOMPARE(put.body, QByteArray("abcd"));
    auto conflict = remote.uploadChunk(Sha, 8, 10, "ij");
    QCOMPARE(errorOf(conflict).kind, Kind::Rejected);
    QCOMPARE(errorOf(conflict).httpStatus, 409);
    QCOMPARE(errorOf(remote.uploadChunk(QStringLiteral("nothex"), 0, 1, "a")).kind, Kind::BadReply);
}

void TestHttpRemote::downloadStreamsIntoTheFile()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("part"));
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    Step bytes;
    bytes.body = QByteArray(1000, 'x');
    net.add(bytes);
    net.add(Step::problem(404, QStringLiteral("不存在")));
    qint64 lastDone = 0;
    auto r = remote.download(Sha, target, [&](qint64 done, qint64) { lastDone = done; });
    QVERIFY(std::get<bool>(r));
    QCOMPARE(lastDone, 1000);
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray(1000, 'x'));
    file.close();
    auto missing = remote.download(Sha, target, {});
    QCOMPARE(errorOf(missing).kind, Kind::NotFound);
    QCOMPARE(errorOf(missing).message, QStringLiteral("不存在"));
    QCOMPARE(QFileInfo(target).size(), 0); // the problem's body never lands in the file
}

void TestHttpRemote::reachabilityFollowsOutcomes()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    RequestReachability reach;
    QSignalSpy changed(&reach, &Reachability::onlineChanged);
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    remote.setReachabilityObserver([&reach](bool answered) { reach.report(answered); });
    net.add(Step::networkDown());
    net.add(Step::networkDown());
    net.add(Step::problem(500, QStringLiteral("x"))); // an answer, even a bad one
    QCOMPARE(errorOf(remote.epoch()).kind, Kind::Network);
    QVERIFY(!reach.isOnline());
    QCOMPARE(errorOf(remote.epoch()).kind, Kind::Network);
    QCOMPARE(changed.size(), 1); // once per change, not per request
    QCOMPARE(errorOf(remote.epoch()).kind, Kind::Server);
    QVERIFY(reach.isOnline());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toBool(), true);
}

namespace {

QByteArray onePage(const char *id, const char *cursor)
{
    return "{\"changes\":[" + record("instruments", id, 1, "{\"serialNo\":\"S\"}") +
           "],\"cursor\":\"" + cursor + "\",\"hasMore\":true,\"epoch\":\"E\"}";
}

QString cursorOf(const Sent &s)
{
    return QUrlQuery(s.url).queryItemValue(QStringLiteral("cursor"));
}

} // namespace

void TestHttpRemote::prefetchedPageIsTakenOnce()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::json(200, onePage("i2", "c2")));
    net.add(Step::json(200, onePage("i3", "c3")));
    remote.prefetchChanges(QStringLiteral("c1"), 1000);
    QCOMPARE(net.sent.size(), 1); // sent at once, before anyone asks
    QCOMPARE(cursorOf(net.sent.at(0)), QStringLiteral("c1"));
    auto r = remote.changes(QStringLiteral("c1"), 1000);
    QVERIFY(std::holds_alternative<ChangesPage>(r));
    QCOMPARE(net.sent.size(), 1); // the answer sent ahead, not a second request
    QCOMPARE(std::get<ChangesPage>(r).changes.at(0).id, QStringLiteral("i2"));
    QCOMPARE(std::get<ChangesPage>(r).cursor, QStringLiteral("c2"));
    // Taken once: the same page again is a request of its own.
    r = remote.changes(QStringLiteral("c1"), 1000);
    QCOMPARE(net.sent.size(), 2);
    QCOMPARE(std::get<ChangesPage>(r).changes.at(0).id, QStringLiteral("i3"));
}

void TestHttpRemote::prefetchOfAnotherPageIsDropped()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::json(200, onePage("wrong", "cx")));
    net.add(Step::json(200, onePage("right", "c3")));
    remote.prefetchChanges(QStringLiteral("c1"), 1000);
    auto r = remote.changes(QStringLiteral("c2"), 1000);
    QVERIFY(std::holds_alternative<ChangesPage>(r));
    QCOMPARE(net.sent.size(), 2);
    QCOMPARE(cursorOf(net.sent.at(1)), QStringLiteral("c2"));
    QCOMPARE(std::get<ChangesPage>(r).changes.at(0).id, QStringLiteral("right"));
}

void TestHttpRemote::prefetchAnswered401RefreshesAndAsksAgain()
{
    ScriptedNetwork net;
    StaticTokens tokens(QStringLiteral("old"));
    tokens.answers = {TokenProvider::Refresh::Refreshed};
    tokens.nextToken = QStringLiteral("new");
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::problem(401, QStringLiteral("令牌已过期")));
    net.add(Step::problem(401, QStringLiteral("令牌已过期")));
    net.add(Step::json(200, onePage("i2", "c2")));
    remote.prefetchChanges(QStringLiteral("c1"), 1000);
    auto r = remote.changes(QStringLiteral("c1"), 1000);
    QVERIFY(std::holds_alternative<ChangesPage>(r));
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(net.sent.size(), 3);
    QCOMPARE(net.sent.at(2).header("Authorization"), QByteArray("Bearer new"));
    QCOMPARE(cursorOf(net.sent.at(2)), QStringLiteral("c1"));
}

void TestHttpRemote::otherCallDropsThePrefetch()
{
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote(net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens);
    net.add(Step::json(200, onePage("stale", "c2")));
    net.add(Step::json(200, twoResults()));
    net.add(Step::json(200, onePage("fresh", "c2")));
    remote.prefetchChanges(QStringLiteral("c1"), 1000);
    QVERIFY(std::holds_alternative<PushReply>(remote.push(twoEntries())));
    auto r = remote.changes(QStringLiteral("c1"), 1000);
    QCOMPARE(net.sent.size(), 3); // asked again after the push: it may change the page
    QCOMPARE(std::get<ChangesPage>(r).changes.at(0).id, QStringLiteral("fresh"));
}

QTEST_GUILESS_MAIN(TestHttpRemote)
#include "tst_httpremote.moc"
