#include "server/storage/databaseconfig.h"

#include <QUrl>
#include <QUrlQuery>

namespace jl::server {

Outcome<DatabaseConfig> DatabaseConfig::parse(const QString &url)
{
    DatabaseConfig c;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        c.dialect = Dialect::Sqlite;
        c.path = url.mid(7);
        if (c.path.startsWith(QLatin1String("//")))
            c.path = c.path.mid(2);
        if (c.path.isEmpty())
            return ApiError::make(400, Msg::BadRequest,
                                  {QStringLiteral("sqlite: needs a file path")});
        return c;
    }
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres")))
        return ApiError::make(
            400, Msg::BadRequest,
            {QStringLiteral("--database takes sqlite:PATH or postgresql://user@host:port/db")});
    c.dialect = Dialect::Postgres;
    c.host = u.host().isEmpty() ? QStringLiteral("127.0.0.1") : u.host();
    c.port = u.port(5432);
    c.user = u.userName(QUrl::FullyDecoded);
    c.password = u.password(QUrl::FullyDecoded);
    c.databaseName = u.path(QUrl::FullyDecoded).mid(1);
    if (c.databaseName.isEmpty())
        c.databaseName = QStringLiteral("postgres");
    // Query items pass through as libpq connect options (sslmode=require …).
    QStringList options;
    const auto items = QUrlQuery(u).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        options.append(item.first + QLatin1Char('=') + item.second);
    c.options = options.join(QLatin1Char(';'));
    return c;
}

QString DatabaseConfig::driverName() const
{
    return dialect == Dialect::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString DatabaseConfig::redacted() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite:") + path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

} // namespace jl::server
