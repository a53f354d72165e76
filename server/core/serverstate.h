#pragma once

#include "server/core/outcome.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

namespace jl::server {

class SqlConnection;

// The epoch (sync.md §6) and the cursor-signing secret, read from server_meta and cached
// for a second, so that `admin new-epoch` reaches every instance without a restart.
class ServerState final {
public:
    struct Snapshot {
        QString epoch;
        QByteArray cursorSecret;
    };

    Outcome<Snapshot> get(SqlConnection &db);
    // The last snapshot read, for headers; empty before the first read.
    QString cachedEpoch();

private:
    QMutex m_mutex;
    Snapshot m_snapshot;
    qint64 m_readAtMs = 0;
};

} // namespace jl::server
