#pragma once

#include "server/messages.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace jl::server {

// A failure on its way to becoming a problem+json response (RFC 9457): the HTTP status, the
// message shown to the user, extension members (the current record on 412 …) and what goes
// to the log only.
struct ApiError {
    int status = 500;
    Msg msg = Msg::InternalError;
    QStringList args;
    QJsonObject extra;
    QString log;
    // A database conflict that the same transaction may well pass on a second try
    // (SQLITE_BUSY, a PostgreSQL deadlock or serialization failure).
    bool transient = false;
    // A unique constraint refused the row (an active serial number taken, a key claimed).
    bool duplicate = false;

    static ApiError make(int status, Msg msg, QStringList args = {})
    {
        ApiError e;
        e.status = status;
        e.msg = msg;
        e.args = std::move(args);
        return e;
    }
    static ApiError internal(const QString &log)
    {
        ApiError e;
        e.log = log;
        return e;
    }
    ApiError &with(const QString &key, const QJsonValue &value)
    {
        extra.insert(key, value);
        return *this;
    }
};

} // namespace jl::server
