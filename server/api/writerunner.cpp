#include "server/api/writerunner.h"

#include "server/api/idempotency.h"
#include "server/api/writeservice.h"
#include "server/storage/connectionpool.h"
#include "server/storage/recordstore.h"

namespace jl::server {

std::optional<qint64> WriteRunner::ifMatch(const Request &request)
{
    if (!request.hasHeader("if-match"))
        return std::nullopt;
    QByteArray v = request.header("if-match").trimmed();
    if (v.startsWith("W/"))
        v = v.mid(2);
    if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
        v = v.mid(1, v.size() - 2);
    bool ok = false;
    const qint64 rev = v.toLongLong(&ok);
    return ok && rev >= 0 ? rev : -1;
}

Response WriteRunner::run(Services services, const Principal &principal, const Request &request,
                          const WriteOp &op)
{
    const Lang lang = request.lang();
    if (op.baseRev && *op.baseRev < 0)
        return Response::problem(
            ApiError::make(400, Msg::InvalidQuery, {QStringLiteral("If-Match")}), lang);
    auto db = services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    SqlConnection &c = **db;
    const QString key = QString::fromLatin1(request.header("idempotency-key"));
    const bool keyed = request.hasHeader("idempotency-key");
    if (keyed) {
        if (!Idempotency::isValidKey(key))
            return Response::problem(ApiError::make(400, Msg::IdempotencyKeyInvalid), lang);
        auto claim =
            Idempotency::claim(c, principal.enterpriseId, key, op.requestHash(), services.settings);
        if (!claim)
            return Response::problem(claim.error(), lang);
        if (claim->state != Idempotency::State::Claimed)
            return Idempotency::answer(claim.value(), lang);
    }
    auto done = RecordStore::transact<Response>(
        c, principal.enterpriseId, services.settings, [&](RecordStore &store) -> Outcome<Response> {
            auto written = WriteService::apply(store, op);
            if (!written)
                return written.error();
            Response response = WriteService::answer(written.value());
            if (keyed) {
                if (Done d = Idempotency::complete(c, principal.enterpriseId, key, response); !d)
                    return d.error();
            }
            return response;
        });
    if (done)
        return done.value();
    const Response problem = Response::problem(done.error(), lang);
    if (keyed) {
        // A rejection is the answer a retry must get again; anything else may pass next time.
        const Done d = WriteService::isRejection(done.error())
                           ? Idempotency::complete(c, principal.enterpriseId, key, problem)
                           : Idempotency::release(c, principal.enterpriseId, key);
        if (!d)
            return Response::problem(d.error(), lang);
    }
    return problem;
}

} // namespace jl::server
