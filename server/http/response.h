#pragma once

#include "server/core/apierror.h"
#include "server/messages.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace jl::server {

// What a handler answers. Bodies are small (the largest is a 4 MB file chunk), so they are
// built whole.
struct Response {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static Response json(int status, const QJsonObject &object);
    static Response json(int status, const QJsonArray &array);
    static Response html(int status, const QString &html);
    static Response bytes(int status, const QByteArray &contentType, const QByteArray &body);
    static Response empty(int status);
    static Response redirect(const QByteArray &location);
    // application/problem+json (RFC 9457) with the message in the request's language.
    static Response problem(const ApiError &error, Lang lang);

    Response &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

QByteArray reasonPhrase(int status);

} // namespace jl::server
