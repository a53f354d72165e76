#pragma once

#include "server/messages.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace jl::server {

// One HTTP request, copied out of Qt's per-connection request object so that a worker thread
// can own it (Qt reuses that object for the connection's next request).
struct Request {
    QByteArray method; // GET, PUT …
    QString path;      // decoded, without the query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;
    QHash<QString, QString> args; // {name} captures of the matched route

    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return true;
        }
        return false;
    }
    QString arg(const QString &name) const { return args.value(name); }
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    Lang lang() const { return langFromAcceptLanguage(header("accept-language")); }
};

} // namespace jl::server
