#include "server/api/writeservice.h"

#include "server/api/collectionrules.h"
#include "server/storage/recordstore.h"

namespace jl::server {

namespace {

ApiError conflict(qint64 baseRev, const StoredRecord &current)
{
    ApiError e = ApiError::make(412, Msg::PreconditionFailed,
                                {QString::number(baseRev), QString::number(current.rev)});
    e.with(QStringLiteral("current"), current.toWire());
    return e;
}

} // namespace

bool WriteService::isRejection(const ApiError &e)
{
    if (e.status >= 500 || e.transient)
        return false;
    return e.msg != Msg::IdempotencyInFlight && e.msg != Msg::RateLimited &&
           e.msg != Msg::Unauthorized && e.msg != Msg::TokenExpired;
}

Outcome<WriteService::Written> WriteService::apply(RecordStore &store, const WriteOp &op)
{
    const CollectionRules *rules = Collections::find(op.collection);
    if (!rules)
        return ApiError::make(404, Msg::NotFound);
    if (!rules->clientWritable())
        return ApiError::make(405, Msg::ReadOnlyCollection);
    auto found = store.get(op.collection, op.id);
    if (!found)
        return found.error();
    const std::optional<StoredRecord> current = found.value();

    StoredRecord next;
    next.collection = op.collection;
    next.id = op.id;
    switch (op.kind) {
    case WriteOp::Kind::Upsert: {
        if (!current) {
            // Updating what is not there (or is another enterprise's) reveals nothing.
            if (op.baseRev && *op.baseRev != 0)
                return ApiError::make(404, Msg::NotFound);
        } else {
            // An edit against a delete is a conflict too (sync.md §15).
            if (current->deleted)
                return conflict(op.baseRev.value_or(0), *current);
            if (!op.baseRev)
                return ApiError::make(428, Msg::PreconditionRequired);
            if (*op.baseRev != current->rev)
                return conflict(*op.baseRev, *current);
            next.rev = current->rev;
        }
        auto data = rules->normalize(store, op.payload, current);
        if (!data)
            return data.error();
        next.data = data.value();
        break;
    }
    case WriteOp::Kind::Delete:
        if (!current || current->deleted)
            return ApiError::make(404, current ? Msg::RecordDeleted : Msg::NotFound);
        if (!op.baseRev)
            return ApiError::make(428, Msg::PreconditionRequired);
        if (*op.baseRev != current->rev)
            return conflict(*op.baseRev, *current);
        if (Done d = rules->checkDelete(store, *current); !d)
            return d.error();
        next = *current;
        next.deleted = true;
        break;
    case WriteOp::Kind::Command: {
        if (!current || current->deleted)
            return ApiError::make(404, current ? Msg::RecordDeleted : Msg::NotFound);
        if (!rules->commands().contains(op.command))
            return ApiError::make(404, Msg::UnknownCommand, {op.command});
        if (op.baseRev && *op.baseRev != current->rev)
            return conflict(*op.baseRev, *current);
        auto after = rules->command(store, *current, op.command, op.payload);
        if (!after)
            return after.error();
        next = after.value();
        break;
    }
    }
    if (!next.deleted)
        rules->index(next);
    else
        next.flag = 0;
    auto prepared = rules->beforeWrite(store, next, current);
    if (!prepared)
        return prepared.error();
    auto written = store.write(prepared.value());
    if (!written)
        return written.error();
    auto result = rules->afterWrite(store, written.value(), current);
    if (!result)
        return result.error();
    return Written{result.value(), !current.has_value()};
}

Response WriteService::answer(const Written &w)
{
    // As text from the JSON the store made for the row (a batch answers hundreds of these).
    return Response::bytes(w.created ? 201 : 200, QByteArrayLiteral("application/json"),
                           w.record.wireJson())
        .withHeader("ETag", w.record.etag());
}

} // namespace jl::server
