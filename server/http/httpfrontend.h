#pragma once

#include "server/http/request.h"
#include "server/http/response.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>

class QThreadPool;
class QTcpSocket;

namespace jl::server {

// The one place that knows Qt HttpServer's version-specific API (TOOLCHAIN.md: listen/bind,
// afterRequest and the handler signature change after 6.4). Everything else sees Request
// and Response. Each request is copied out and handled on the worker pool; the answer is
// written back on this object's thread, unless the client has gone.
//
// Responses on one connection go out in the order their work finishes, so a client that
// pipelines requests could see them reordered; neither QNetworkAccessManager (pipelining
// off by default) nor wrk pipelines.
class HttpFrontend final : public QAbstractHttpServer {
    Q_OBJECT

public:
    using Dispatch = std::function<Response(Request &)>;

    // `maxBodyBytes`: a request whose Content-Length is larger is answered 413 as soon as its
    // headers arrive, before Qt reads the body (see BodyLimitGuard in the .cpp).
    HttpFrontend(Dispatch dispatch, QThreadPool *pool, qint64 maxBodyBytes,
                 QObject *parent = nullptr);

    // Binds; port 0 picks a free one. Returns the port, or 0 with `error` set.
    quint16 start(const QHostAddress &address, quint16 port, QString *error);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
public:
    static void write(QTcpSocket *socket, const Response &response);

private:
    Dispatch m_dispatch;
    QThreadPool *m_pool;
    qint64 m_maxBodyBytes;
};

} // namespace jl::server
