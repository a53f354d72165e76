#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace jl::sync {

// The OAuth endpoints outside the browser dance: refresh (with rotation) and revoke, and the
// enterprise the token belongs to. Each call blocks the calling thread in a local event loop
// with its own QNetworkAccessManager, so the engine's thread may call it.
namespace oauth {

inline constexpr char ClientId[] = "jiliang-desktop";

struct Answer {
    int status = 0; // 0: no HTTP answer (network, timeout)
    QByteArray body;
    QString networkError; // for the log; never holds a token
};

// Values are sent percent-encoded (a '+' in a token must not become a space).
Answer postForm(const QUrl &url, const QList<std::pair<QString, QString>> &items, int timeoutMs);
Answer get(const QUrl &url, const QByteArray &bearer, int timeoutMs);

// "<server>/<path>" whatever the trailing slashes.
QUrl endpoint(const QUrl &server, const QString &path);

} // namespace oauth

} // namespace jl::sync
