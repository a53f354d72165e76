#pragma once

#include "sync/httpanswer.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

#include <atomic>
#include <functional>
#include <memory>

class QIODevice;
class QObject;

namespace jl::sync {

// Sends one request through the injected QNetworkAccessManager and waits for its end on the
// calling thread, which must be the manager's (the sync engine's thread: the RemoteApi calls
// block by contract). The wait ends on the answer, on `timeoutMs` without a byte moving
// (so a slow but moving download is not cut), or on cancel() from any thread.
class BlockingHttp final {
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit BlockingHttp(QNetworkAccessManager &nam);
    ~BlockingHttp();
    Q_DISABLE_COPY_MOVE(BlockingHttp)

    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }

    // A RemoteApi call starts: cancel() stops the requests of this call only, so a cancel
    // that arrives between two calls is not left behind to break the next one.
    void beginCall();
    bool isCancelled() const;
    void cancel();

    // method is GET, PUT or POST. A 2xx body goes to `sink` when one is given (a download),
    // any other body into the answer (the problem to read).
    HttpAnswer run(const QByteArray &method, QNetworkRequest request, const QByteArray &body = {},
                   QIODevice *sink = nullptr, const Progress &progress = {});

    // run() in two halves, for a GET sent ahead of the call that wants it: start() sends it
    // and returns at once (Qt's HTTP thread receives the answer meanwhile); finish() waits
    // for it like run() and takes ownership; drop() aborts and deletes an unwanted one.
    QNetworkReply *start(const QByteArray &method, QNetworkRequest request,
                         const QByteArray &body = {});
    HttpAnswer finish(QNetworkReply *reply, QIODevice *sink = nullptr,
                      const Progress &progress = {});
    static void drop(QNetworkReply *reply);

private:
    QNetworkAccessManager &m_nam;
    int m_timeoutMs = 30000;
    std::atomic<quint64> m_call{1};
    std::atomic<quint64> m_cancelledCall{0};
    QNetworkReply *m_current = nullptr; // only touched on the manager's thread
    std::unique_ptr<QObject> m_context; // lives on the manager's thread; carries cancel() there
};

} // namespace jl::sync
