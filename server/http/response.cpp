#include "server/http/response.h"

#include "server/core/log.h"

#include <QJsonDocument>

namespace jl::server {

Response Response::json(int status, const QJsonObject &object)
{
    return bytes(status, QByteArrayLiteral("application/json"),
                 QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Response Response::json(int status, const QJsonArray &array)
{
    return bytes(status, QByteArrayLiteral("application/json"),
                 QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Response Response::html(int status, const QString &html)
{
    Response r = bytes(status, QByteArrayLiteral("text/html; charset=utf-8"), html.toUtf8());
    // The login page must not be framed (clickjacking) nor cached.
    r.withHeader("X-Frame-Options", "DENY")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                                               "form-action 'self'; frame-ancestors 'none'")
        .withHeader("Cache-Control", "no-store");
    return r;
}

Response Response::bytes(int status, const QByteArray &contentType, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.contentType = contentType;
    r.body = body;
    return r;
}

Response Response::empty(int status)
{
    Response r;
    r.status = status;
    return r;
}

Response Response::redirect(const QByteArray &location)
{
    Response r;
    r.status = 302;
    r.withHeader("Location", location).withHeader("Cache-Control", "no-store");
    return r;
}

Response Response::problem(const ApiError &error, Lang lang)
{
    // What went wrong inside stays in the log; the user gets the message.
    if (!error.log.isEmpty()) {
        if (error.status >= 500)
            qCWarning(lcServer).noquote() << error.status << error.log;
        else
            qCDebug(lcServer).noquote() << error.status << error.log;
    }
    QJsonObject o = error.extra;
    o.insert(QStringLiteral("type"),
             QString(QStringLiteral("urn:jiliang:problem:") + messageCode(error.msg)));
    o.insert(QStringLiteral("code"), messageCode(error.msg));
    o.insert(QStringLiteral("title"), messageTitle(error.msg, lang));
    o.insert(QStringLiteral("status"), error.status);
    o.insert(QStringLiteral("detail"), messageDetail(error.msg, lang, error.args));
    return bytes(error.status, QByteArrayLiteral("application/problem+json"),
                 QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Content";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace jl::server
