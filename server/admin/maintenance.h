#pragma once

#include "server/core/outcome.h"

namespace jl::server {

class SqlConnection;

// Housekeeping that keeps the tables from growing without bound. Runs hourly on a worker
// and on demand (`admin purge-tombstones`).
class Maintenance final {
public:
    // sync.md §4: tombstones are kept at least 180 days. Purging older ones raises each
    // enterprise's horizon to the newest change number purged, so a cursor from before it
    // gets 410 and its client downloads everything again instead of missing a delete.
    static Outcome<int> purgeTombstones(SqlConnection &db, int olderThanDays);
    // Expired authorization codes, tokens and idempotency keys.
    static Outcome<int> purgeExpired(SqlConnection &db);
};

} // namespace jl::server
