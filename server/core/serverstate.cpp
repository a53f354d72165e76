#include "server/core/serverstate.h"

#include "server/storage/sqlconnection.h"

#include <QDateTime>

namespace jl::server {

Outcome<ServerState::Snapshot> ServerState::get(SqlConnection &db)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        if (now - m_readAtMs < 1000 && !m_snapshot.epoch.isEmpty())
            return m_snapshot;
    }
    auto rows = db.run(QStringLiteral("SELECT key, value FROM server_meta WHERE key IN "
                                      "('epoch', 'cursor_secret')"));
    if (!rows)
        return rows.error();
    Snapshot s;
    for (const QVariantList &row : rows->rows) {
        if (row.value(0).toString() == QLatin1String("epoch"))
            s.epoch = row.value(1).toString();
        else
            s.cursorSecret = QByteArray::fromBase64(row.value(1).toString().toLatin1());
    }
    if (s.epoch.isEmpty() || s.cursorSecret.isEmpty())
        return ApiError::internal(QStringLiteral("server_meta lacks the epoch or the secret"));
    QMutexLocker lock(&m_mutex);
    m_snapshot = s;
    m_readAtMs = now;
    return s;
}

QString ServerState::cachedEpoch()
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot.epoch;
}

} // namespace jl::server
