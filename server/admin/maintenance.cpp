#include "server/admin/maintenance.h"

#include "server/api/idempotency.h"
#include "server/storage/sqlconnection.h"

#include <QDateTime>

namespace jl::server {

Outcome<int> Maintenance::purgeTombstones(SqlConnection &db, int olderThanDays)
{
    const qint64 before =
        QDateTime::currentMSecsSinceEpoch() - qint64(olderThanDays) * 24 * 3600 * 1000;
    return db.transaction<int>([&]() -> Outcome<int> {
        auto horizons = db.run(QStringLiteral("SELECT enterprise_id, MAX(seq) FROM records WHERE "
                                              "deleted = 1 AND updated_at <= ? GROUP BY "
                                              "enterprise_id"),
                               {before});
        if (!horizons)
            return horizons.error();
        for (const QVariantList &row : horizons->rows) {
            auto r = db.run(QStringLiteral("UPDATE enterprise_counters SET horizon = ? WHERE "
                                           "enterprise_id = ? AND horizon < ?"),
                            {row.value(1), row.value(0), row.value(1)});
            if (!r)
                return r.error();
        }
        auto purged = db.run(
            QStringLiteral("DELETE FROM records WHERE deleted = 1 AND updated_at <= ?"), {before});
        if (!purged)
            return purged.error();
        return purged->affected;
    });
}

Outcome<int> Maintenance::purgeExpired(SqlConnection &db)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int total = 0;
    // Used refresh tokens stay until they expire: their reuse must still be recognised.
    for (const char *sql : {"DELETE FROM oauth_codes WHERE expires_at < ?",
                            "DELETE FROM tokens WHERE expires_at < ?"}) {
        auto r = db.run(QString::fromLatin1(sql), {now});
        if (!r)
            return r.error();
        total += r->affected;
    }
    auto keys = Idempotency::purgeExpired(db);
    if (!keys)
        return keys.error();
    return total + keys.value();
}

} // namespace jl::server
