#pragma once

#include "server/core/outcome.h"

#include <QByteArray>
#include <QString>

namespace jl::server {

// The changes feed's position (sync.md §2): opaque to the client, bound to the enterprise and
// the server epoch, signed so that it cannot be made up (HMAC-SHA256 with the secret in
// server_meta, shared by every instance).
struct Cursor {
    QString enterpriseId;
    QString epoch;
    qint64 seq = 0;

    QString encode(const QByteArray &secret) const;
    // 400 cursor-invalid when it is not one of ours.
    static Outcome<Cursor> decode(const QString &text, const QByteArray &secret);
};

} // namespace jl::server
