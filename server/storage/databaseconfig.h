#pragma once

#include "server/core/outcome.h"

#include <QString>

namespace jl::server {

enum class Dialect { Sqlite, Postgres };

// Where the data lives: `sqlite:PATH` (the embedded default for demos and tests) or
// `postgresql://user:password@host:port/dbname` (production, shared by several instances).
struct DatabaseConfig {
    Dialect dialect = Dialect::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QString options; // QPSQL connect options (sslmode …)

    static Outcome<DatabaseConfig> parse(const QString &url);
    QString driverName() const;
    // For logs: the URL without its password.
    QString redacted() const;
};

} // namespace jl::server
