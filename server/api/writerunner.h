#pragma once

#include "server/api/writeop.h"
#include "server/core/services.h"
#include "server/http/principal.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace jl::server {

// One write request end to end: the Idempotency-Key claimed first (sync.md §11c), the change
// applied and its answer stored in one transaction, a rejection's answer stored as well, and
// the key released after a failure worth retrying.
class WriteRunner final {
public:
    static Response run(Services services, const Principal &principal, const Request &request,
                        const WriteOp &op);
    // If-Match: "3", 3 or W/"3". Absent gives nullopt; unreadable gives -1.
    static std::optional<qint64> ifMatch(const Request &request);
};

} // namespace jl::server
