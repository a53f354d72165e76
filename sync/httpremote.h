#pragma once

#include "sync/blockinghttp.h"
#include "sync/remoteapi.h"

#include <QUrl>

#include <functional>
#include <optional>

class QIODevice;
class QNetworkAccessManager;

namespace jl::sync {

class TokenProvider;

// RemoteApi over the reference server's API v1 (docs/api/openapi.yaml), through an injected
// QNetworkAccessManager that lives on the engine's thread (tests inject a scripted one).
// Every request carries Jiliang-Protocol-Version, Accept-Language: zh-CN (problem details
// come in Chinese), the bearer token and a timeout. A 401 refreshes the token once and
// retries; nothing else is retried here: retries with backoff are the engine's (sync.md §12).
class HttpRemote final : public RemoteApi {
public:
    static constexpr int ProtocolVersion = 1;

    struct Options {
        int protocolVersion = ProtocolVersion; // tests send an old one to see 426
        int timeoutMs = 30000;                 // without a byte moving
    };

    HttpRemote(QNetworkAccessManager &nam, QUrl baseUrl, TokenProvider &tokens);
    HttpRemote(QNetworkAccessManager &nam, QUrl baseUrl, TokenProvider &tokens, Options options);
    ~HttpRemote() override;
    Q_DISABLE_COPY_MOVE(HttpRemote)

    // Told after every exchange whether the server answered (true) or could not be reached
    // (false); a RequestReachability listens here. Called on the engine's thread.
    void setReachabilityObserver(std::function<void(bool answered)> observer);

    RemoteResult<QString> epoch() override;
    RemoteResult<ChangesPage> changes(const QString &cursor, int limit) override;
    void prefetchChanges(const QString &cursor, int limit) override;
    RemoteResult<PushReply> push(const QList<PushEntry> &entries) override;
    RemoteResult<qint64> uploadedBytes(const QString &sha256) override;
    RemoteResult<qint64> uploadChunk(const QString &sha256, qint64 offset, qint64 total,
                                     const QByteArray &chunk) override;
    RemoteResult<bool> download(const QString &sha256, const QString &targetPath,
                                const std::function<void(qint64, qint64)> &progress) override;
    void cancel() override;

private:
    struct Call {
        QByteArray method = "GET";
        QString path;
        QList<std::pair<QString, QString>> query;
        QByteArray body;
        QByteArray contentType;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QIODevice *sink = nullptr;
        BlockingHttp::Progress progress;
    };
    // One request with the 401 → refresh → retry-once rule; a 2xx answer or the error.
    RemoteResult<HttpAnswer> send(const Call &call);
    RemoteResult<QJsonObject> sendJson(const Call &call);
    RemoteResult<QJsonObject> parseJson(const Call &call, const HttpAnswer &answer) const;
    QNetworkRequest request(const Call &call) const;
    static Call changesCall(const QString &cursor, int limit);
    // The answer of a prefetched page when it is the one asked for and went well; anything
    // else (another page, an error, a 401 to refresh) drops it and the call goes normally.
    std::optional<HttpAnswer> takePrefetch(const Call &call);
    void dropPrefetch();

    QUrl m_base;
    TokenProvider &m_tokens;
    Options m_options;
    BlockingHttp m_http;
    std::function<void(bool)> m_observer;
    QNetworkReply *m_prefetch = nullptr; // a changes page sent ahead; owned
    QUrl m_prefetchUrl;
};

} // namespace jl::sync
