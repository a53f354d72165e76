#include "server/http/httpfrontend.h"

#include "server/core/log.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace jl::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

Request copyOf(const QHttpServerRequest &r)
{
    Request out;
    out.method = methodName(r.method());
    const QUrl url = r.url();
    out.path = url.path(QUrl::FullyDecoded);
    out.query = QUrlQuery(url);
    const auto headers = r.headers();
    out.headers.reserve(headers.size());
    for (const auto &h : headers)
        out.headers.append({h.first.toLower(), h.second});
    out.body = r.body();
    out.peer = r.remoteAddress();
    return out;
}

} // namespace

HttpFrontend::HttpFrontend(Dispatch dispatch, QThreadPool *pool, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatch(std::move(dispatch))
    , m_pool(pool)
{}

quint16 HttpFrontend::start(const QHostAddress &address, quint16 port, QString *error)
{
    // bind() with a QTcpServer we listen ourselves works in 6.4 and later alike (6.8 drops
    // listen() from QAbstractHttpServer).
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        if (error)
            *error = tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QPointer<QTcpSocket> target(socket);
    QtConcurrent::run(m_pool, [dispatch = m_dispatch, req = copyOf(request)]() mutable {
        return dispatch(req);
    }).then(this, [target](const Response &response) {
        if (target)
            write(target, response);
    });
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest takes every request; this runs only if Qt calls it anyway.
    write(socket, Response::empty(404));
}

void HttpFrontend::write(QTcpSocket *socket, const Response &response)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &h : response.headers)
        head += h.first + ": " + h.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    socket->write(head);
    socket->write(response.body);
}

} // namespace jl::server
