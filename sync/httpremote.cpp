#include "sync/httpremote.h"

#include "models/common/logging.h"
#include "sync/remoteerrors.h"
#include "sync/tokenprovider.h"
#include "sync/wirereplies.h"

#include <QFile>
#include <QJsonDocument>
#include <QUrlQuery>

namespace jl::sync {

namespace {

using Kind = RemoteError::Kind;

bool isSha256(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

HttpRemote::HttpRemote(QNetworkAccessManager &nam, QUrl baseUrl, TokenProvider &tokens)
    : HttpRemote(nam, std::move(baseUrl), tokens, Options())
{}

HttpRemote::HttpRemote(QNetworkAccessManager &nam, QUrl baseUrl, TokenProvider &tokens,
                       Options options)
    : m_base(std::move(baseUrl))
    , m_tokens(tokens)
    , m_options(options)
    , m_http(nam)
{
    m_http.setTimeout(options.timeoutMs);
}

HttpRemote::~HttpRemote()
{
    dropPrefetch();
}

void HttpRemote::setReachabilityObserver(std::function<void(bool)> observer)
{
    m_observer = std::move(observer);
}

void HttpRemote::cancel()
{
    m_http.cancel();
}

QNetworkRequest HttpRemote::request(const Call &call) const
{
    QUrl url = m_base;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + call.path);
    if (!call.query.isEmpty()) {
        QUrlQuery q;
        for (const auto &[k, v] : call.query)
            q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
        url.setQuery(q);
    }
    QNetworkRequest r(url);
    r.setRawHeader("Jiliang-Protocol-Version", QByteArray::number(m_options.protocolVersion));
    r.setRawHeader("Accept-Language", "zh-CN");
    r.setRawHeader("Accept", "application/json, application/problem+json");
    const QString token = m_tokens.accessToken();
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!call.contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    for (const auto &[name, value] : call.headers)
        r.setRawHeader(name, value);
    // The engine retries with its own backoff; Qt must not replay a POST behind its back.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return r;
}

RemoteResult<HttpAnswer> HttpRemote::send(const Call &call)
{
    dropPrefetch(); // any other request means the page sent ahead is not wanted
    for (int attempt = 0;; ++attempt) {
        if (auto *file = qobject_cast<QFileDevice *>(call.sink)) {
            file->resize(0);
            file->seek(0);
        }
        HttpAnswer a = m_http.run(call.method, request(call), call.body, call.sink, call.progress);
        if (m_observer && !a.cancelled && !a.sinkFailed)
            m_observer(a.answered());
        if (a.sinkFailed)
            return RemoteErrors::localFile(
                call.sink ? qobject_cast<QFileDevice *>(call.sink)->fileName() : QString(),
                a.sinkError);
        if (a.ok())
            return a;
        if (a.answered() && a.status == 401) {
            if (attempt > 0)
                return RemoteErrors::loginRequired(); // a fresh token refused too
            switch (m_tokens.refresh()) {
            case TokenProvider::Refresh::Refreshed:
                if (m_http.isCancelled())
                    return RemoteErrors::cancelled();
                continue;
            case TokenProvider::Refresh::LoginRequired:
                return RemoteErrors::loginRequired();
            case TokenProvider::Refresh::Unavailable:
                return RemoteErrors::refreshUnavailable();
            }
        }
        return RemoteErrors::fromAnswer(a);
    }
}

RemoteResult<QJsonObject> HttpRemote::sendJson(const Call &call)
{
    auto answer = send(call);
    if (auto *e = std::get_if<RemoteError>(&answer))
        return *e;
    return parseJson(call, std::get<HttpAnswer>(answer));
}

RemoteResult<QJsonObject> HttpRemote::parseJson(const Call &call, const HttpAnswer &answer) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return RemoteErrors::badReply(call.path + QStringLiteral(": not a JSON object (") +
                                      error.errorString() + u')');
    return doc.object();
}

RemoteResult<QString> HttpRemote::epoch()
{
    m_http.beginCall();
    Call call;
    call.path = QStringLiteral("/api/v1/version");
    auto reply = sendJson(call);
    if (auto *e = std::get_if<RemoteError>(&reply))
        return *e;
    const QJsonValue epoch = std::get<QJsonObject>(reply).value(QStringLiteral("epoch"));
    if (!epoch.isString() || epoch.toString().isEmpty())
        return RemoteErrors::badReply(QStringLiteral("version without an epoch"));
    return epoch.toString();
}

HttpRemote::Call HttpRemote::changesCall(const QString &cursor, int limit)
{
    Call call;
    call.path = QStringLiteral("/api/v1/changes");
    if (!cursor.isEmpty())
        call.query.append({QStringLiteral("cursor"), cursor});
    if (limit > 0)
        call.query.append({QStringLiteral("limit"), QString::number(limit)});
    return call;
}

void HttpRemote::prefetchChanges(const QString &cursor, int limit)
{
    dropPrefetch();
    if (m_http.isCancelled())
        return;
    const QNetworkRequest r = request(changesCall(cursor, limit));
    m_prefetchUrl = r.url();
    m_prefetch = m_http.start("GET", r);
}

void HttpRemote::dropPrefetch()
{
    BlockingHttp::drop(m_prefetch);
    m_prefetch = nullptr;
}

std::optional<HttpAnswer> HttpRemote::takePrefetch(const Call &call)
{
    if (!m_prefetch)
        return std::nullopt;
    if (m_prefetchUrl != request(call).url()) {
        dropPrefetch();
        return std::nullopt;
    }
    QNetworkReply *reply = m_prefetch;
    m_prefetch = nullptr;
    HttpAnswer a = m_http.finish(reply);
    if (m_observer && !a.cancelled && !a.sinkFailed)
        m_observer(a.answered());
    if (!a.ok())
        return std::nullopt; // a 401, a lost answer, a cancel: the normal path decides
    return a;
}

RemoteResult<ChangesPage> HttpRemote::changes(const QString &cursor, int limit)
{
    m_http.beginCall();
    const Call call = changesCall(cursor, limit);
    const std::optional<HttpAnswer> ahead = takePrefetch(call);
    auto reply = ahead ? parseJson(call, *ahead) : sendJson(call);
    if (auto *e = std::get_if<RemoteError>(&reply))
        return *e;
    auto page = WireReplies::changesPage(std::get<QJsonObject>(reply));
    if (!page)
        return RemoteErrors::badReply(QStringLiteral("changes page without its fields"));
    return *page;
}

RemoteResult<PushReply> HttpRemote::push(const QList<PushEntry> &entries)
{
    m_http.beginCall();
    if (entries.isEmpty())
        return PushReply{};
    Q_ASSERT(entries.size() <= maxBatch());
    // The same entries always make the same bytes: a retry after a lost answer repeats the
    // request exactly, keys included, and the server answers it from its key store.
    const QByteArray body =
        QJsonDocument(WireReplies::batchRequest(entries)).toJson(QJsonDocument::Compact);
    Call call;
    call.method = "POST";
    call.path = QStringLiteral("/api/v1/batch");
    call.body = body;
    call.contentType = "application/json";
    auto reply = sendJson(call);
    if (auto *e = std::get_if<RemoteError>(&reply))
        return *e;
    auto results = WireReplies::pushReply(std::get<QJsonObject>(reply), entries);
    if (!results)
        return RemoteErrors::badReply(QStringLiteral("batch answer not one result per entry"));
    return *results;
}

RemoteResult<qint64> HttpRemote::uploadedBytes(const QString &sha256)
{
    m_http.beginCall();
    if (!isSha256(sha256))
        return RemoteErrors::badReply(QStringLiteral("not a SHA-256: ") + sha256);
    Call call;
    call.path = QStringLiteral("/api/v1/files/%1/upload").arg(sha256);
    auto reply = sendJson(call);
    if (auto *e = std::get_if<RemoteError>(&reply)) {
        if (e->kind == Kind::NotFound)
            return qint64(0); // nothing of it on the server yet
        return *e;
    }
    const QJsonValue received = std::get<QJsonObject>(reply).value(QStringLiteral("received"));
    if (!received.isDouble() || received.toInteger() < 0)
        return RemoteErrors::badReply(QStringLiteral("upload status without received"));
    return received.toInteger();
}

RemoteResult<qint64> HttpRemote::uploadChunk(const QString &sha256, qint64 offset, qint64 total,
                                             const QByteArray &chunk)
{
    m_http.beginCall();
    if (!isSha256(sha256) || chunk.isEmpty() || offset < 0 || offset + chunk.size() > total)
        return RemoteErrors::badReply(QStringLiteral("chunk outside the file"));
    const QByteArray range = "bytes " + QByteArray::number(offset) + '-' +
                             QByteArray::number(offset + chunk.size() - 1) + '/' +
                             QByteArray::number(total);
    Call call;
    call.method = "PUT";
    call.path = QStringLiteral("/api/v1/files/%1").arg(sha256);
    call.body = chunk;
    call.contentType = "application/octet-stream";
    call.headers = {{"Content-Range", range}};
    auto reply = sendJson(call);
    if (auto *e = std::get_if<RemoteError>(&reply))
        return *e;
    const QJsonValue received = std::get<QJsonObject>(reply).value(QStringLiteral("received"));
    if (!received.isDouble() || received.toInteger() < 0 || received.toInteger() > total)
        return RemoteErrors::badReply(QStringLiteral("chunk answer without received"));
    return received.toInteger();
}

RemoteResult<bool> HttpRemote::download(const QString &sha256, const QString &targetPath,
                                        const std::function<void(qint64, qint64)> &progress)
{
    m_http.beginCall();
    if (!isSha256(sha256))
        return RemoteErrors::badReply(QStringLiteral("not a SHA-256: ") + sha256);
    QFile file(targetPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return RemoteErrors::localFile(targetPath, file.errorString());
    Call call;
    call.path = QStringLiteral("/api/v1/files/%1").arg(sha256);
    call.sink = &file;
    call.progress = progress;
    auto reply = send(call);
    if (auto *e = std::get_if<RemoteError>(&reply))
        return *e;
    if (!file.flush()) {
        const QString why = file.errorString();
        file.close();
        return RemoteErrors::localFile(targetPath, why);
    }
    file.close();
    return true;
}

} // namespace jl::sync
