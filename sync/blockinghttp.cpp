#include "sync/blockinghttp.h"

#include <QEventLoop>
#include <QIODevice>
#include <QMetaObject>
#include <QObject>
#include <QThread>
#include <QTimer>

namespace jl::sync {

BlockingHttp::BlockingHttp(QNetworkAccessManager &nam)
    : m_nam(nam)
    , m_context(std::make_unique<QObject>())
{
    m_context->moveToThread(nam.thread());
}

BlockingHttp::~BlockingHttp() = default;

void BlockingHttp::beginCall()
{
    ++m_call;
}

bool BlockingHttp::isCancelled() const
{
    return m_cancelledCall.load() == m_call.load();
}

void BlockingHttp::cancel()
{
    const quint64 call = m_call.load();
    m_cancelledCall.store(call);
    // The reply belongs to the manager's thread: abort it there.
    QMetaObject::invokeMethod(
        m_context.get(),
        [this, call] {
            if (m_current && m_call.load() == call)
                m_current->abort();
        },
        Qt::QueuedConnection);
}

HttpAnswer BlockingHttp::run(const QByteArray &method, QNetworkRequest request,
                             const QByteArray &body, QIODevice *sink, const Progress &progress)
{
    if (isCancelled()) {
        HttpAnswer answer;
        answer.cancelled = true;
        return answer;
    }
    return finish(start(method, std::move(request), body), sink, progress);
}

QNetworkReply *BlockingHttp::start(const QByteArray &method, QNetworkRequest request,
                                   const QByteArray &body)
{
    Q_ASSERT(QThread::currentThread() == m_nam.thread());
    request.setTransferTimeout(m_timeoutMs);
    if (method == "GET")
        return m_nam.get(request);
    if (method == "PUT")
        return m_nam.put(request, body);
    if (method == "POST")
        return m_nam.post(request, body);
    return m_nam.sendCustomRequest(request, method, body);
}

void BlockingHttp::drop(QNetworkReply *reply)
{
    if (!reply)
        return;
    reply->abort();
    delete reply;
}

HttpAnswer BlockingHttp::finish(QNetworkReply *reply, QIODevice *sink, const Progress &progress)
{
    Q_ASSERT(QThread::currentThread() == m_nam.thread());
    HttpAnswer answer;
    m_current = reply;

    auto statusOf = [reply] {
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    auto drain = [&] {
        const QByteArray bytes = reply->readAll();
        const int status = statusOf();
        if (sink && status >= 200 && status < 300) {
            if (!answer.sinkFailed && sink->write(bytes) != bytes.size()) {
                answer.sinkFailed = true;
                answer.sinkError = sink->errorString();
                reply->abort();
            }
        } else {
            answer.body += bytes;
        }
    };

    QEventLoop loop;
    // Qt's transfer timeout covers real transfers; this one also covers a reply that never
    // starts (and the scripted replies of the tests), restarted whenever bytes move.
    QTimer idle;
    idle.setSingleShot(true);
    idle.setInterval(m_timeoutMs);
    QObject::connect(&idle, &QTimer::timeout, &loop, [&] {
        answer.timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        idle.start();
        drain();
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop,
                     [&](qint64 done, qint64 total) {
                         idle.start();
                         if (progress && statusOf() >= 200 && statusOf() < 300)
                             progress(done, total);
                     });
    QObject::connect(reply, &QNetworkReply::uploadProgress, &loop, [&] { idle.start(); });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        idle.start();
        loop.exec();
    }
    idle.stop();
    drain();

    answer.status = statusOf();
    answer.headers = reply->rawHeaderPairs();
    answer.error = reply->error();
    answer.errorString = reply->errorString();
    // Qt reports its own transfer timeout as an abort (OperationCanceledError) or, in later
    // versions, as TimeoutError; only cancel() aborts otherwise.
    if (isCancelled())
        answer.cancelled = true;
    else if (answer.error == QNetworkReply::OperationCanceledError ||
             answer.error == QNetworkReply::TimeoutError)
        answer.timedOut = answer.timedOut || !answer.sinkFailed;
    m_current = nullptr;
    QObject::disconnect(reply, nullptr, &loop, nullptr);
    delete reply;
    return answer;
}

} // namespace jl::sync
