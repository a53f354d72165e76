#pragma once

#include "server/core/outcome.h"

namespace jl::server {

class SqlConnection;

// Brings the schema to the program's version (server/sql/v*.sql, cumulative, each in the one
// transaction) and creates the epoch and cursor secret. Safe when several instances start
// at once on PostgreSQL (an advisory lock serialises them). A database newer than the
// program is refused.
class Migrations final {
public:
    static constexpr int SchemaVersion = 1;
    static Done run(SqlConnection &db);
};

} // namespace jl::server
