#include "sync/oauthclient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace jl::sync::oauth {

namespace {

Answer finish(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    if (a.status == 0)
        a.networkError = reply->errorString();
    reply->deleteLater();
    return a;
}

QNetworkRequest request(const QUrl &url, int timeoutMs)
{
    QNetworkRequest r(url);
    r.setTransferTimeout(timeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setRawHeader("Accept", "application/json");
    return r;
}

} // namespace

QUrl endpoint(const QUrl &server, const QString &path)
{
    QUrl url = server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(QString());
    return url;
}

Answer postForm(const QUrl &url, const QList<std::pair<QString, QString>> &items, int timeoutMs)
{
    QByteArray body;
    for (const auto &[name, value] : items) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkAccessManager nam;
    QNetworkRequest r = request(url, timeoutMs);
    r.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArrayLiteral("application/x-www-form-urlencoded"));
    return finish(nam.post(r, body));
}

Answer get(const QUrl &url, const QByteArray &bearer, int timeoutMs)
{
    QNetworkAccessManager nam;
    QNetworkRequest r = request(url, timeoutMs);
    if (!bearer.isEmpty())
        r.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + bearer);
    return finish(nam.get(r));
}

} // namespace jl::sync::oauth
