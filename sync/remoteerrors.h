#pragma once

#include "sync/httpanswer.h"
#include "sync/remoteapi.h"

#include <QCoreApplication>

namespace jl::sync {

// Turns what went wrong on the wire into a RemoteError of the right kind (sync.md §12) with a
// sentence for the user: the server's problem+json `detail` when it sent one (in Chinese, as
// the request asks), else one of ours.
class RemoteErrors final {
    Q_DECLARE_TR_FUNCTIONS(RemoteErrors)

public:
    // An exchange that is not a 2xx answer: no connection, timeout, cancel or an HTTP error.
    static RemoteError fromAnswer(const HttpAnswer &answer);
    static RemoteError badReply(const QString &why);
    static RemoteError loginRequired();
    static RemoteError refreshUnavailable();
    static RemoteError cancelled();
    static RemoteError localFile(const QString &path, const QString &why);

    // The problem's detail, or an empty string when the body is not problem+json.
    static QString problemDetail(const QByteArray &body);
};

} // namespace jl::sync
