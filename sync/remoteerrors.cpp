#include "sync/remoteerrors.h"

#include "models/common/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace jl::sync {

namespace {

using Kind = RemoteError::Kind;

RemoteError make(Kind kind, int status, QString message)
{
    RemoteError e;
    e.kind = kind;
    e.httpStatus = status;
    e.message = std::move(message);
    return e;
}

// Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); anything else waits a second.
int retryAfterSeconds(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return std::max(seconds, 0);
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(value.trimmed()), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid()) {
        QDateTime utc = when;
        utc.setTimeSpec(Qt::UTC);
        return int(std::max<qint64>(QDateTime::currentDateTimeUtc().secsTo(utc), 0));
    }
    return 1;
}

} // namespace

QString RemoteErrors::problemDetail(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.object().value(QStringLiteral("detail")).toString();
}

RemoteError RemoteErrors::fromAnswer(const HttpAnswer &a)
{
    if (a.cancelled)
        return cancelled();
    if (a.timedOut) {
        return make(Kind::Network, 0,
                    tr("The server did not answer in time. Your changes are kept and sent "
                       "later."));
    }
    if (!a.answered()) {
        qCInfo(models::lcSync) << "network error" << a.error << a.errorString;
        return make(Kind::Network, 0,
                    tr("The server cannot be reached (%1). Your changes are kept and sent "
                       "when the connection is back.")
                        .arg(a.errorString));
    }
    const QJsonObject problem = QJsonDocument::fromJson(a.body).object();
    const QString detail = problem.value(QStringLiteral("detail")).toString();
    const int s = a.status;
    auto withDetail = [&](Kind kind, const QString &fallback) {
        return make(kind, s, detail.isEmpty() ? fallback : detail);
    };
    if (s == 401)
        return loginRequired();
    if (s == 404)
        return withDetail(Kind::NotFound, tr("Not found on the server."));
    if (s == 410)
        return withDetail(Kind::Gone, tr("The server's change history moved on: everything is "
                                         "downloaded again, and your unsynced changes are kept."));
    if (s == 426) {
        RemoteError e = withDetail(Kind::UpgradeRequired, QString());
        e.minVersion = problem.value(QStringLiteral("minVersion")).toInt();
        if (detail.isEmpty())
            e.message = tr("This version of Jiliang is too old for the server (it needs protocol "
                           "version %1). Please install the latest version.")
                            .arg(e.minVersion);
        return e;
    }
    if (s == 429) {
        RemoteError e = withDetail(Kind::RateLimited, QString());
        e.retryAfterSeconds = retryAfterSeconds(a.header("Retry-After"));
        if (detail.isEmpty())
            e.message = tr("The server is busy. Sync continues in %n second(s).", nullptr,
                           e.retryAfterSeconds);
        return e;
    }
    if (s >= 500)
        return withDetail(Kind::Server, tr("The server has a problem (HTTP %1). Your changes are "
                                           "kept and sent later.")
                                            .arg(s));
    if (s >= 400)
        return withDetail(Kind::Rejected, tr("The server refused the request (HTTP %1).").arg(s));
    // 1xx/3xx: not something this API answers.
    return badReply(QStringLiteral("unexpected HTTP status %1").arg(s));
}

RemoteError RemoteErrors::badReply(const QString &why)
{
    qCWarning(models::lcSync).noquote() << "refused a server reply:" << why;
    return make(Kind::BadReply, 0,
                tr("The server sent an answer this version of Jiliang cannot read; nothing of it "
                   "was applied."));
}

RemoteError RemoteErrors::loginRequired()
{
    return make(Kind::LoginRequired, 401,
                tr("Your login has expired. Please log in again; your unsynced changes are "
                   "kept."));
}

RemoteError RemoteErrors::refreshUnavailable()
{
    return make(Kind::Network, 401,
                tr("The login could not be renewed just now. Sync tries again later."));
}

RemoteError RemoteErrors::cancelled()
{
    return make(Kind::Cancelled, 0, tr("Cancelled."));
}

RemoteError RemoteErrors::localFile(const QString &path, const QString &why)
{
    return make(Kind::Network, 0, tr("Cannot write %1: %2").arg(path, why));
}

} // namespace jl::sync
