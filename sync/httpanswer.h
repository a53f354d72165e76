#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QString>

namespace jl::sync {

// What one HTTP request came back with, before anyone interpreted it.
struct HttpAnswer {
    int status = 0;  // 0: no HTTP answer at all (see error)
    QByteArray body; // empty when a download went into a file
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;   // no byte moved for the timeout
    bool cancelled = false;  // cancel() stopped it
    bool sinkFailed = false; // the download's file could not be written
    QString sinkError;

    // A whole HTTP answer arrived. Qt also sets `error` for 4xx/5xx (content and server
    // errors); connection and proxy errors (codes below 200) mean the exchange broke, even
    // after a status line, and so does any error under a 2xx (a body cut short).
    bool answered() const
    {
        const int code = int(error);
        return status > 0 && !cancelled && !timedOut && !sinkFailed && !(code > 0 && code < 200) &&
               !(status / 100 == 2 && error != QNetworkReply::NoError);
    }
    bool ok() const { return answered() && status / 100 == 2; }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

} // namespace jl::sync
