#pragma once

// A QNetworkAccessManager whose replies follow a script (no socket is opened), for the
// fault cases of the API client: answers lost after the server committed, timeouts, 5xx,
// 429, 401, 426, malformed JSON, the network gone. Every request is recorded as sent.

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <functional>

namespace jl::synctest {

struct Step {
    int status = 200; // 0: no HTTP answer at all (see error)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // A transport error (status 0), or under a status: the connection dropped mid-body.
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool hang = false;               // never answers: a timeout or cancel() ends it
    std::function<void()> onRequest; // runs as the request arrives ("the server commits")

    static Step json(int status, const QByteArray &body)
    {
        Step s;
        s.status = status;
        s.body = body;
        s.headers = {
            {"Content-Type", status >= 400 ? "application/problem+json" : "application/json"}};
        return s;
    }
    static Step problem(int status, const QString &detail, const QByteArray &extra = {})
    {
        return json(status, "{\"status\":" + QByteArray::number(status) +
                                ",\"code\":\"x\",\"detail\":\"" + detail.toUtf8() + '"' + extra +
                                '}');
    }
    static Step networkDown()
    {
        Step s;
        s.status = 0;
        s.error = QNetworkReply::ConnectionRefusedError;
        return s;
    }
    static Step hanging()
    {
        Step s;
        s.hang = true;
        return s;
    }
};

struct Sent {
    QByteArray method;
    QUrl url;
    QNetworkRequest request;
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return request.rawHeader(name); }
};

class ScriptedReply final : public QNetworkReply {
public:
    ScriptedReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, Step step,
                  QObject *parent)
        : QNetworkReply(parent)
        , m_step(std::move(step))
    {
        setOperation(op);
        setRequest(request);
        setUrl(request.url());
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (!m_step.hang)
            QTimer::singleShot(0, this, [this] { deliver(); });
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        Q_EMIT errorOccurred(OperationCanceledError);
        end();
    }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_pos + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_pos);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    void deliver()
    {
        if (isFinished())
            return;
        if (m_step.status > 0) {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_step.status);
            for (const auto &[name, value] : m_step.headers)
                setRawHeader(name, value);
            Q_EMIT metaDataChanged();
            m_data = m_step.body;
            if (!m_data.isEmpty()) {
                Q_EMIT readyRead();
                Q_EMIT downloadProgress(m_data.size(), m_data.size());
            }
        }
        // What Qt's HTTP backend sets for error statuses.
        QNetworkReply::NetworkError error = m_step.error;
        if (error == NoError && m_step.status == 401)
            error = AuthenticationRequiredError;
        else if (error == NoError && m_step.status == 404)
            error = ContentNotFoundError;
        else if (error == NoError && m_step.status >= 500)
            error = InternalServerError;
        else if (error == NoError && m_step.status >= 400)
            error = UnknownContentError;
        if (error != NoError) {
            setError(error, QStringLiteral("scripted error %1").arg(int(error)));
            Q_EMIT errorOccurred(error);
        }
        end();
    }
    void end()
    {
        setFinished(true);
        Q_EMIT finished();
    }

    Step m_step;
    QByteArray m_data;
    qint64 m_pos = 0;
};

class ScriptedNetwork final : public QNetworkAccessManager {
public:
    QList<Step> script;
    QList<Sent> sent;

    void add(Step step) { script.append(std::move(step)); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        Sent s;
        switch (op) {
        case GetOperation:
            s.method = "GET";
            break;
        case PutOperation:
            s.method = "PUT";
            break;
        case PostOperation:
            s.method = "POST";
            break;
        case DeleteOperation:
            s.method = "DELETE";
            break;
        default:
            s.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        }
        s.url = request.url();
        s.request = request;
        if (outgoingData)
            s.body = outgoingData->readAll();
        sent.append(s);
        Step step = script.isEmpty() ? Step::problem(599, QStringLiteral("script ran out"))
                                     : script.takeFirst();
        if (step.onRequest)
            step.onRequest();
        return new ScriptedReply(op, request, std::move(step), this);
    }
};

} // namespace jl::synctest
