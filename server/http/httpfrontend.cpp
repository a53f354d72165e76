#include "server/http/httpfrontend.h"

#include "server/core/log.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

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

// Qt HttpServer 6.4 reads a whole request body into memory before any handler runs, so the
// dispatcher's 413 came only after the last byte. This watches a connection's bytes ahead of
// Qt (its readyRead slot is connected first, and Qt reads everything there is each time) and
// answers 413 as soon as a request's headers announce a body over the limit: the request is
// taken off the socket before Qt sees any of it, and its body is read and dropped as it
// arrives (neither kept nor waited for), after which the connection goes on. It follows the
// framing itself (headers, then Content-Length bytes). A request it cannot take whole (its
// headers split across reads, or following another in the same read) goes to Qt and the
// dispatcher's own check; a connection it cannot follow (chunked bodies, anything not
// HTTP/1.1 with a Content-Length) is left to Qt from then on.
class BodyLimitGuard final : public QObject {
public:
    BodyLimitGuard(QTcpSocket *socket, qint64 maxBodyBytes)
        : QObject(socket)
        , m_socket(socket)
        , m_max(maxBodyBytes)
    {
        connect(socket, &QTcpSocket::readyRead, this, &BodyLimitGuard::onReadyRead);
    }

private:
    enum class State { Start, Headers, Body, Discard, Off };
    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;

    // The body length the header block announces; -1 when the guard cannot follow it.
    static qint64 bodyLength(const QByteArray &head, Request *out)
    {
        static const QRegularExpression requestLine(QStringLiteral("^[A-Z]+ \\S+ HTTP/1\\.[01]$"));
        const QList<QByteArray> lines = head.split('\n');
        if (lines.isEmpty() ||
            !requestLine.match(QString::fromLatin1(lines.first().trimmed())).hasMatch())
            return -1;
        qint64 length = 0;
        bool seen = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            out->headers.append({name, value});
            if (name == "transfer-encoding" || name == "upgrade")
                return -1;
            if (name == "content-length") {
                bool ok = false;
                const qint64 n = value.toLongLong(&ok);
                if (!ok || n < 0 || (seen && n != length))
                    return -1;
                length = n;
                seen = true;
            }
        }
        return length;
    }

    void onReadyRead()
    {
        if (m_state == State::Off)
            return;
        const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
        qsizetype at = 0;   // how far this read is followed
        qsizetype ours = 0; // a prefix of it taken off the socket before Qt reads
        while (at < fresh.size() && m_state != State::Off) {
            switch (m_state) {
            case State::Start:
            case State::Headers: {
                const bool whole = m_state == State::Start && at == ours;
                m_head += fresh.mid(at);
                const qsizetype end = m_head.indexOf("\r\n\r\n");
                if (end < 0) {
                    at = fresh.size();
                    m_state = m_head.size() > MaxHeaderBytes ? State::Off : State::Headers;
                    break;
                }
                // Of this read, the bytes up to the end of the header block.
                at = fresh.size() - (m_head.size() - (end + 4));
                Request request;
                m_remaining = bodyLength(m_head.left(end), &request);
                m_head.clear();
                if (m_remaining < 0) {
                    m_state = State::Off;
                } else if (m_remaining > m_max && whole) {
                    refuse(request);
                    ours = at;
                    if (m_closeAfter)
                        m_remaining = std::numeric_limits<qint64>::max(); // all, till it closes
                    m_state = m_remaining > 0 ? State::Discard : State::Start;
                } else {
                    m_state = m_remaining > 0 ? State::Body : State::Start;
                }
                break;
            }
            case State::Body:
            case State::Discard: {
                const qint64 n = std::min<qint64>(m_remaining, fresh.size() - at);
                at += n;
                m_remaining -= n;
                if (m_state == State::Discard)
                    ours = at;
                if (m_remaining == 0)
                    m_state = State::Start;
                break;
            }
            case State::Off:
                break;
            }
        }
        if (ours > 0)
            m_socket->skip(ours);
    }

    void refuse(const Request &request)
    {
        Response r = Response::problem(
            ApiError::make(413, Msg::PayloadTooLarge, {QString::number(m_max)}), request.lang());
        // A client waiting for "100 Continue" sends no body after a final answer: the
        // connection cannot go on in step, so it ends.
        m_closeAfter = request.header("expect").toLower() == "100-continue";
        if (m_closeAfter)
            r.withHeader("Connection", "close");
        HttpFrontend::write(m_socket, r);
        if (m_closeAfter)
            m_socket->disconnectFromHost();
    }

    QTcpSocket *m_socket;
    qint64 m_max;
    State m_state = State::Start;
    QByteArray m_head;
    qint64 m_remaining = 0;
    bool m_closeAfter = false;
};

// Hands Qt HttpServer sockets with a BodyLimitGuard connected before Qt connects its own
// reading.
class GuardedTcpServer final : public QTcpServer {
public:
    GuardedTcpServer(qint64 maxBodyBytes, QObject *parent)
        : QTcpServer(parent)
        , m_max(maxBodyBytes)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new BodyLimitGuard(socket, m_max);
        addPendingConnection(socket);
    }

private:
    qint64 m_max;
};

} // namespace

HttpFrontend::HttpFrontend(Dispatch dispatch, QThreadPool *pool, qint64 maxBodyBytes,
                           QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatch(std::move(dispatch))
    , m_pool(pool)
    , m_maxBodyBytes(maxBodyBytes)
{}

quint16 HttpFrontend::start(const QHostAddress &address, quint16 port, QString *error)
{
    // bind() with a QTcpServer we listen ourselves works in 6.4 and later alike (6.8 drops
    // listen() from QAbstractHttpServer).
    auto *tcp = new GuardedTcpServer(m_maxBodyBytes, this);
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
