// Commands in the push (sync.md §13): a state transition (move to history, submit, revoke…)
// travels as an outbox entry of kind `command` through the same batch, in order, with its
// idempotency key. The server's state machine decides; the engine only keeps the order and
// shows a refusal on the entry.
#include "models/store/database.h"
#include "models/store/outbox.h"
#include "sync/collections/synccollection.h"
#include "sync/syncengine.h"

#include <QUuid>

namespace jl::sync {

using models::OutboxEntry;
using models::Status;

Status SyncEngine::rebaseCommand(const OutboxEntry &e, const PushResult &result)
{
    // A command is not merged field by field: on the record's newer revision it goes again
    // with that revision as its base, in its place in the queue, and the server says whether
    // it is still allowed. That is a new operation: the server keeps the 412 under the old
    // key (the same key with another base would be refused as a reuse, 422), so it gets a
    // new one. A deleted record, or an answer that moves nothing on, ends it as a refusal
    // instead of a loop.
    const SyncedRecord theirs = recordFromBody(e.recordId, result.body);
    if (theirs.deleted || theirs.rev <= e.baseRev)
        return reject(e, result.message);
    auto q = m_db.exec(
        QStringLiteral("sync.outbox.write"),
        QStringLiteral("UPDATE outbox SET op_id = ?, base_rev = ? WHERE seq = ?"),
        QVariantList{QUuid::createUuid().toString(QUuid::WithoutBraces), theirs.rev, e.seq});
    return q ? Status{} : Status{q.error()};
}

} // namespace jl::sync
