#pragma once

#include "server/api/idempotency.h"
#include "server/api/writeop.h"
#include "server/core/server.h"

namespace jl::server {

class RecordStore;

// POST /api/v1/batch (sync.md §11b): up to Settings::batchMax outbox entries, each with its
// own Idempotency key, base revision and payload, applied in order in one transaction with
// one result per entry; a rejected entry leaves no trace (rejections come before writes).
// Processing stops at the first entry that fails for a reason other than a rejection (in
// flight elsewhere, a server error); the entries after it are answered "not processed" and
// their keys released, so the client sends them again, in order.
class BatchEndpoint final : public Endpoints {
public:
    explicit BatchEndpoint(Services services)
        : m_services(services)
    {}
    void addRoutes(Router &router) override;

private:
    struct Entry {
        QString key;
        WriteOp op;
        std::optional<ApiError> invalid; // refused before any work
        Idempotency::Claim claim;
        QString requestHash; // of op, once claimed
    };
    Response batch(const Request &request, const Principal &who);
    static Entry parseEntry(const QJsonValue &value);
    static Done prefetch(RecordStore &store, const QList<Entry> &entries);

    Services m_services;
};

} // namespace jl::server
