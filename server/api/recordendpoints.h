#pragma once

#include "server/core/server.h"

namespace jl::server {

class CollectionRules;

// The collections' REST routes, from the registry (api/collectionrules.h):
//   GET /api/v1/enterprise                      the token's enterprise
//   GET /api/v1/{collection}?limit&after        live records by id (keyset paging)
//   GET /api/v1/{collection}/{id}
//   PUT, DELETE /api/v1/{collection}/{id}       writable collections (If-Match, Idempotency-Key)
//   POST /api/v1/{collection}/{id}/{command}    state transitions (sync.md §13)
// Every query is scoped to the token's enterprise: another's ids are simply not there (404).
class RecordEndpoints final : public Endpoints {
public:
    explicit RecordEndpoints(Services services)
        : m_services(services)
    {}
    void addRoutes(Router &router) override;

    // 0 < limit <= max, default when absent; nullopt when not a number.
    static std::optional<int> pageSize(const Request &request, int defaultSize, int maxSize);
    static bool isUuid(const QString &id);

private:
    Response list(const Request &request, const Principal &who, const QString &collection);
    Response getOne(const Request &request, const Principal &who, const QString &collection,
                    const QString &id);
    Response write(const Request &request, const Principal &who, const QString &collection,
                   int kind, const QString &command = {});

    Services m_services;
};

} // namespace jl::server
