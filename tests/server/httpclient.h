#pragma once

// A small synchronous HTTP client for the server tests.

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace jl::servertest {

struct Reply {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QString error;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
};

// Synchronous requests with a QNetworkAccessManager of its own; redirects are not followed
// (the login flow reads the Location header).
class Http {
public:
    explicit Http(QString base = {})
        : m_nam(std::make_unique<QNetworkAccessManager>())
        , m_base(std::move(base))
    {}
    void setBase(const QString &base) { m_base = base; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(
            QUrl(path.startsWith(QLatin1String("http")) ? path : m_base + path));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(60000);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        if (!body.isEmpty())
            request.setRawHeader("Content-Type", "application/json");
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        if (r.status == 0)
            r.error = reply->errorString();
        reply->deleteLater();
        return r;
    }
    // Starts a request without waiting; finish() waits for it.
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(
            QUrl(path.startsWith(QLatin1String("http")) ? path : m_base + path));
        request.setTransferTimeout(60000);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setRawHeader("Content-Type", "application/json");
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        return m_nam->sendCustomRequest(request, method, body);
    }
    static Reply finish(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        if (r.status == 0)
            r.error = reply->errorString();
        reply->deleteLater();
        return r;
    }
    Reply get(const QString &path) { return send("GET", path); }
    Reply put(const QString &path, const QJsonObject &body,
              const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    Reply post(const QString &path, const QJsonObject &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    Reply postForm(const QString &path, const QUrlQuery &form)
    {
        return send("POST", path, form.toString(QUrl::FullyEncoded).toUtf8(),
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    }
    Reply del(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("DELETE", path, {}, headers);
    }

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_base;
    QString m_token;
};

} // namespace jl::servertest
