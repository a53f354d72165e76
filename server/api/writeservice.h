#pragma once

#include "server/api/writeop.h"
#include "server/core/outcome.h"
#include "server/http/response.h"
#include "server/storage/storedrecord.h"

namespace jl::server {

class RecordStore;

// Applies one WriteOp inside an enterprise's write transaction, the same for every
// collection: revision check (If-Match → 412 with the current record, sync.md §15), the
// collection's rules, tombstones, commands (§13).
class WriteService final {
public:
    struct Written {
        StoredRecord record;
        bool created = false;
    };

    static Outcome<Written> apply(RecordStore &store, const WriteOp &op);
    // 201 for a create, else 200; the record's wire form with its ETag.
    static Response answer(const Written &written);
    // Whether a failure is the client's to fix (the outbox marks the entry rejected and moves
    // on) rather than a reason to stop and retry later (sync.md §12).
    static bool isRejection(const ApiError &error);
};

} // namespace jl::server
