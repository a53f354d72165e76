#include "server/storage/migrations.h"

#include "models/store/sqlscript.h"
#include "server/core/log.h"
#include "server/storage/sqlconnection.h"

#include <QFile>
#include <QRandomGenerator>
#include <QUuid>

namespace jl::server {

namespace {

Done apply(SqlConnection &db, int version)
{
    QFile f(QStringLiteral(":/server/sql/v%1.sql").arg(version));
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::internal(QStringLiteral("missing migration v%1").arg(version));
    QString script = QString::fromUtf8(f.readAll());
    script.replace(QLatin1String("@BLOB@"),
                   db.isPostgres() ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    const QStringList statements = models::sqlStatements(script);
    for (const QString &s : statements) {
        if (Done d = db.execRaw(s); !d)
            return d;
    }
    return db.run(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                 "VALUES (?, CURRENT_TIMESTAMP)"),
                  {version})
               ? Done{}
               : ApiError::internal(QStringLiteral("cannot record migration"));
}

QString randomSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

Done Migrations::run(SqlConnection &db)
{
    auto done = db.transaction<bool>([&]() -> Outcome<bool> {
        if (db.isPostgres()) {
            // Two instances starting together would both try to create the tables.
            if (auto l = db.run(QStringLiteral("SELECT pg_advisory_xact_lock(7317001)")); !l)
                return l.error();
        }
        if (Done d = db.execRaw(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY "
                "NOT NULL, applied_at TEXT NOT NULL)"));
            !d)
            return d.error();
        auto current = db.run(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
        if (!current)
            return current.error();
        const int version = current->isEmpty() ? 0 : current->value(0, 0).toInt();
        if (version > SchemaVersion) {
            ApiError e = ApiError::internal(
                QStringLiteral("the database has schema version %1, newer than this program's "
                               "%2: refusing to touch it")
                    .arg(version)
                    .arg(SchemaVersion));
            return e;
        }
        for (int v = version + 1; v <= SchemaVersion; ++v) {
            qCInfo(lcServer) << "migrating the database to schema version" << v;
            if (Done d = apply(db, v); !d)
                return d.error();
        }
        // The epoch names this database's history (sync.md §6); the secret signs cursors.
        const QString insert = QStringLiteral(
            "INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
        if (auto r = db.run(insert, {QStringLiteral("epoch"),
                                     QUuid::createUuid().toString(QUuid::WithoutBraces)});
            !r)
            return r.error();
        if (auto r = db.run(insert, {QStringLiteral("cursor_secret"), randomSecret()}); !r)
            return r.error();
        return true;
    });
    if (!done)
        return done.error();
    return {};
}

} // namespace jl::server
