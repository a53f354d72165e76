#pragma once

#include "server/core/outcome.h"
#include "server/storage/databaseconfig.h"
#include "server/storage/sqlconnection.h"

#include <QThreadStorage>

namespace jl::server {

// A database connection per thread (Qt SQL connections must stay in the thread that made
// them), opened on first use and closed when the thread ends.
class ConnectionPool final {
    Q_DISABLE_COPY_MOVE(ConnectionPool)

public:
    explicit ConnectionPool(DatabaseConfig config);
    // Closes the calling thread's connection; worker threads close theirs when they end, so
    // destroy their thread pool first.
    ~ConnectionPool();

    const DatabaseConfig &config() const { return m_config; }
    Dialect dialect() const { return m_config.dialect; }

    // This thread's connection, reopened if the last one broke.
    Outcome<SqlConnection *> local();

private:
    DatabaseConfig m_config;
    QThreadStorage<SqlConnection *> m_connections;
};

} // namespace jl::server
