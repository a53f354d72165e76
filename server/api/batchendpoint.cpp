#include "server/api/batchendpoint.h"

#include "server/api/collectionrules.h"
#include "server/api/recordendpoints.h"
#include "server/api/verificationmatcher.h"
#include "server/api/writeservice.h"
#include "server/core/settings.h"
#include "server/http/jsontext.h"
#include "server/storage/connectionpool.h"
#include "server/storage/recordstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jl::server {

namespace {

ApiError badEntry(const QString &why)
{
    return ApiError::make(400, Msg::BadRequest, {why});
}

// One entry's result, its body kept as the bytes already made for the answer (and stored with
// the key): a batch answers with hundreds, and serialising each body a second time showed.
struct EntryResult {
    QString key;
    int status = 0;
    QByteArray body;
};

EntryResult result(const QString &key, const Response &r)
{
    return {key, r.status, r.body.isEmpty() ? QByteArrayLiteral("{}") : r.body};
}

} // namespace

void BatchEndpoint::addRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/v1/batch"), Access::Enterprise,
               [this](const Request &r, const Principal &p) { return batch(r, p); });
}

BatchEndpoint::Entry BatchEndpoint::parseEntry(const QJsonValue &value)
{
    Entry e;
    const QJsonObject o = value.toObject();
    e.key = o.value(QStringLiteral("key")).toString();
    e.op.collection = o.value(QStringLiteral("collection")).toString();
    e.op.id = o.value(QStringLiteral("id")).toString();
    e.op.command = o.value(QStringLiteral("command")).toString();
    e.op.payload = o.value(QStringLiteral("payload")).toObject();
    const QJsonValue base = o.value(QStringLiteral("baseRev"));
    if (base.isDouble())
        e.op.baseRev = qint64(base.toDouble());
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("upsert"))
        e.op.kind = WriteOp::Kind::Upsert;
    else if (kind == QLatin1String("delete"))
        e.op.kind = WriteOp::Kind::Delete;
    else if (kind == QLatin1String("command"))
        e.op.kind = WriteOp::Kind::Command;
    else
        e.invalid = badEntry(QStringLiteral("kind must be upsert, delete or command"));
    if (!value.isObject())
        e.invalid = badEntry(QStringLiteral("an entry is a JSON object"));
    else if (!Idempotency::isValidKey(e.key))
        e.invalid = ApiError::make(400, Msg::IdempotencyKeyInvalid);
    else if (!RecordEndpoints::isUuid(e.op.id))
        e.invalid = ApiError::make(400, Msg::InvalidId, {e.op.id});
    else if (e.op.baseRev && *e.op.baseRev < 0)
        e.invalid = badEntry(QStringLiteral("baseRev must not be negative"));
    else if (e.op.kind == WriteOp::Kind::Command && e.op.command.isEmpty())
        e.invalid = badEntry(QStringLiteral("a command entry names its command"));
    return e;
}

// What the entries will read, loaded in a few queries instead of several per entry: the
// records they name, and every live record sharing a match key (instrument serial) with one of
// them, for the serial check and the waiting verification records.
Done BatchEndpoint::prefetch(RecordStore &store, const QList<Entry> &entries)
{
    if (Done d = store.enableBatchMode(); !d)
        return d;
    QHash<QString, QStringList> ids; // collection → ids
    for (const Entry &e : entries) {
        if (!e.invalid && e.claim.state == Idempotency::State::Claimed &&
            Collections::find(e.op.collection))
            ids[e.op.collection].append(e.op.id);
    }
    QStringList keys;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        if (Done d = store.prefetch(it.key(), it.value()); !d)
            return d;
    }
    for (const Entry &e : entries) {
        if (e.invalid || e.claim.state != Idempotency::State::Claimed)
            continue;
        const CollectionRules *rules = Collections::find(e.op.collection);
        if (!rules)
            continue;
        // The key the payload will have (upserts), and the one the record has now.
        StoredRecord probe;
        probe.collection = e.op.collection;
        probe.data = e.op.payload;
        rules->index(probe);
        if (!probe.matchKey.isEmpty())
            keys.append(probe.matchKey);
        auto current = store.get(e.op.collection, e.op.id);
        if (!current)
            return current.error();
        if (current->has_value() && !(*current)->matchKey.isEmpty())
            keys.append((*current)->matchKey);
    }
    return store.prefetchMatchKeys({QLatin1String(VerificationMatcher::Instruments),
                                    QLatin1String(VerificationMatcher::Records)},
                                   keys);
}

Response BatchEndpoint::batch(const Request &request, const Principal &who)
{
    const Lang lang = request.lang();
    const Settings &settings = m_services.settings;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    const QJsonArray input = doc.object().value(QStringLiteral("entries")).toArray();
    if (!doc.isObject() || !doc.object().value(QStringLiteral("entries")).isArray())
        return Response::problem(ApiError::make(400, Msg::BadJson), lang);
    if (input.size() > settings.batchMax)
        return Response::problem(
            ApiError::make(413, Msg::BatchTooLarge, {QString::number(settings.batchMax)}), lang);
    QList<Entry> entries;
    entries.reserve(input.size());
    for (const QJsonValue &v : input)
        entries.append(parseEntry(v));

    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    SqlConnection &c = **db;
    const QString &enterprise = who.enterpriseId;

    // 1. Every key claimed and committed before any work (sync.md §11c).
    auto claimed = c.transaction<bool>([&]() -> Outcome<bool> {
        if (Done d = c.commitWithoutFlush(); !d) // see Idempotency
            return d.error();
        QList<Idempotency::KeyRequest> keys;
        for (Entry &e : entries) {
            if (!e.invalid) {
                e.requestHash = e.op.requestHash();
                keys.append({e.key, e.requestHash});
            }
        }
        auto claims = Idempotency::claimAll(c, enterprise, keys, settings);
        if (!claims)
            return claims.error();
        qsizetype next = 0;
        for (Entry &e : entries) {
            if (!e.invalid)
                e.claim = claims->at(next++);
        }
        return true;
    });
    if (!claimed)
        return Response::problem(claimed.error(), lang);

    // 2. The work, in order, in one transaction, with the answers stored beside the changes.
    // Every rejection is decided before an entry writes anything (checked below), so a
    // rejected entry leaves nothing behind without a savepoint per entry (two round trips
    // each on PostgreSQL). An entry failing otherwise aborts the transaction: the batch then
    // runs again up to that entry and stops there.
    qsizetype stopAt = entries.size();
    std::optional<ApiError> stopError;
    qsizetype failedAt = -1;
    ApiError failure;
    auto work = [&](RecordStore &store) -> Outcome<QList<EntryResult>> {
        failedAt = -1;
        QList<EntryResult> out;
        QList<Idempotency::Answer> answers; // stored with their keys at the end
        if (Done d = prefetch(store, entries); !d)
            return d.error();
        bool stopped = false;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const Entry &e = entries.at(i);
            const bool ours = !e.invalid && e.claim.state == Idempotency::State::Claimed;
            if (ours && (stopped || (i == stopAt && stopError))) {
                // Given back, so that the client's retry runs it.
                if (Done d = Idempotency::release(c, enterprise, e.key); !d)
                    return d.error();
            }
            if (stopped) {
                out.append(
                    result(e.key, Response::problem(ApiError::make(424, Msg::BatchStopped), lang)));
                continue;
            }
            if (i == stopAt && stopError) {
                out.append(result(e.key, Response::problem(*stopError, lang)));
                stopped = true;
                continue;
            }
            if (e.invalid) {
                out.append(result(e.key, Response::problem(*e.invalid, lang)));
                continue;
            }
            if (!ours) {
                stopped = e.claim.state == Idempotency::State::InFlight;
                out.append(result(e.key, Idempotency::answer(e.claim, lang)));
                continue;
            }
            const int writesBefore = store.writes();
            auto written = WriteService::apply(store, e.op);
            Response answer;
            if (written) {
                answer = WriteService::answer(written.value());
            } else {
                ApiError error = written.error();
                if (WriteService::isRejection(error) && store.writes() != writesBefore) {
                    // Rules that reject after writing would leave part of the entry behind:
                    // treated as a server error, so the entry is rolled back with the rest.
                    error = ApiError::internal(QStringLiteral("%1 rejected an entry after "
                                                              "writing")
                                                   .arg(e.op.collection));
                }
                if (!WriteService::isRejection(error)) {
                    failedAt = i;
                    failure = error;
                    return error;
                }
                answer = Response::problem(error, lang);
            }
            answers.append({e.key, e.requestHash, answer});
            out.append(result(e.key, answer));
        }
        if (Done d = Idempotency::completeAll(c, enterprise, answers, settings); !d)
            return d.error();
        return out;
    };
    auto done = RecordStore::transact<QList<EntryResult>>(c, enterprise, settings, work);
    while (!done && failedAt >= 0 && failedAt < stopAt) {
        stopAt = failedAt;
        stopError = failure;
        done = RecordStore::transact<QList<EntryResult>>(c, enterprise, settings, work);
    }
    if (!done) {
        // Nothing of the work stuck: give every key we claimed back for the retry.
        for (const Entry &e : entries) {
            if (!e.invalid && e.claim.state == Idempotency::State::Claimed)
                (void)Idempotency::release(c, enterprise, e.key);
        }
        return Response::problem(done.error(), lang);
    }
    int processed = 0;
    QByteArray body = "{\"results\":[";
    qsizetype size = 64;
    for (const EntryResult &r : done.value())
        size += r.body.size() + r.key.size() + 40;
    body.reserve(size);
    for (const EntryResult &r : done.value()) {
        if (r.status != 424)
            ++processed;
        if (body.size() > 12)
            body += ',';
        body += "{\"key\":";
        appendJsonString(body, r.key);
        body += ",\"status\":";
        body += QByteArray::number(r.status);
        body += ",\"body\":";
        body += r.body;
        body += '}';
    }
    body += "],\"processed\":" + QByteArray::number(processed) +
            ",\"stopped\":" + (processed < entries.size() ? "true" : "false") + '}';
    return Response::bytes(200, QByteArrayLiteral("application/json"), body);
}

} // namespace jl::server
