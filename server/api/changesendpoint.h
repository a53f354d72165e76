#pragma once

#include "server/core/server.h"

namespace jl::server {

// GET /api/v1/changes?cursor=C&limit=N (sync.md §1–6): the enterprise's records in change
// order after the cursor, tombstones included, with the next cursor, hasMore and the epoch.
// A cursor of another enterprise is 404; of another epoch, or older than the tombstone
// horizon, 410 (the client downloads everything again).
class ChangesEndpoint final : public Endpoints {
public:
    explicit ChangesEndpoint(Services services)
        : m_services(services)
    {}
    void addRoutes(Router &router) override;

private:
    Response changes(const Request &request, const Principal &who);

    Services m_services;
};

} // namespace jl::server
