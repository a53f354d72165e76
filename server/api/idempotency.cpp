#include "server/api/idempotency.h"

#include "server/core/settings.h"
#include "server/storage/pgarray.h"
#include "server/storage/sqlconnection.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace jl::server {

namespace {

// "content-type\netag\nbody": the body is stored as it is, not escaped into JSON again (a
// batch stores hundreds of answers per request).
QByteArray encodeUtf8(const Response &r)
{
    const QByteArray etag = r.header("ETag");
    QByteArray out;
    out.reserve(r.contentType.size() + etag.size() + r.body.size() + 2);
    out += r.contentType;
    out += '\n';
    out += etag;
    out += '\n';
    out += r.body;
    return out;
}

QString encode(const Response &r)
{
    return QString::fromUtf8(encodeUtf8(r));
}

Response decode(int status, const QString &text)
{
    const qsizetype first = text.indexOf(QLatin1Char('\n'));
    const qsizetype second = text.indexOf(QLatin1Char('\n'), first + 1);
    Response r =
        Response::bytes(status, text.left(first).toLatin1(), text.mid(second + 1).toUtf8());
    const QByteArray etag = text.mid(first + 1, second - first - 1).toLatin1();
    if (!etag.isEmpty())
        r.withHeader("ETag", etag);
    return r;
}

} // namespace

bool Idempotency::isValidKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 200)
        return false;
    for (const QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

Outcome<Idempotency::Claim> Idempotency::claim(SqlConnection &db, const QString &enterpriseId,
                                               const QString &key, const QString &requestHash,
                                               const Settings &settings)
{
    return db.transaction<Claim>([&]() -> Outcome<Claim> {
        if (Done d = db.commitWithoutFlush(); !d)
            return d.error();
        return claimWithin(db, enterpriseId, key, requestHash, settings);
    });
}

Outcome<Idempotency::Claim> Idempotency::claimWithin(SqlConnection &db, const QString &enterpriseId,
                                                     const QString &key, const QString &requestHash,
                                                     const Settings &settings)
{
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 expires = now + qint64(settings.idempotencyDays) * 24 * 3600 * 1000;
        auto inserted = db.run(
            QStringLiteral("INSERT INTO idempotency_keys (enterprise_id, key, request_hash, state, "
                           "claimed_at, expires_at) VALUES (?, ?, ?, 'inflight', ?, ?) "
                           "ON CONFLICT (enterprise_id, key) DO NOTHING"),
            {enterpriseId, key, requestHash, now, expires});
        if (!inserted)
            return inserted.error();
        if (inserted->affected == 1)
            return Claim{};
        auto rows = db.run(QStringLiteral("SELECT request_hash, state, status, response, "
                                          "claimed_at, expires_at FROM idempotency_keys WHERE "
                                          "enterprise_id = ? AND key = ?"),
                           {enterpriseId, key});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return ApiError::internal(QStringLiteral("idempotency key vanished"));
        const QVariantList &row = rows->at(0);
        const bool expired = row.value(5).toLongLong() < now;
        const bool abandoned =
            row.value(1).toString() == QLatin1String("inflight") &&
            row.value(4).toLongLong() < now - qint64(settings.inFlightLeaseSeconds) * 1000;
        if (expired || (abandoned && row.value(0).toString() == requestHash)) {
            // Retake it; the compare on claimed_at makes sure only one taker wins.
            auto taken = db.run(QStringLiteral("UPDATE idempotency_keys SET request_hash = ?, "
                                               "state = 'inflight', status = 0, response = '', "
                                               "claimed_at = ?, expires_at = ? WHERE "
                                               "enterprise_id = ? AND key = ? AND claimed_at = ?"),
                                {requestHash, now, expires, enterpriseId, key, row.value(4)});
            if (!taken)
                return taken.error();
            return Claim{taken->affected == 1 ? State::Claimed : State::InFlight, {}};
        }
        if (row.value(0).toString() != requestHash)
            return Claim{State::Mismatch, {}};
        if (row.value(1).toString() == QLatin1String("inflight"))
            return Claim{State::InFlight, {}};
        return Claim{State::Replay, decode(row.value(2).toInt(), row.value(3).toString())};
    }
}

Outcome<QList<Idempotency::Claim>> Idempotency::claimAll(SqlConnection &db,
                                                         const QString &enterpriseId,
                                                         const QList<KeyRequest> &keys,
                                                         const Settings &settings)
{
    constexpr qsizetype Chunk = 100;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expires = now + qint64(settings.idempotencyDays) * 24 * 3600 * 1000;
    QSet<QString> inserted;
    if (db.isPostgres() && !keys.isEmpty()) {
        // One statement, the keys and hashes as two arrays (see pgarray.h).
        QStringList names, hashes;
        for (const KeyRequest &k : keys) {
            names.append(k.key);
            hashes.append(k.requestHash);
        }
        auto r = db.run(QStringLiteral("INSERT INTO idempotency_keys (enterprise_id, key, "
                                       "request_hash, state, claimed_at, expires_at) SELECT ?, "
                                       "k, h, 'inflight', ?, ? FROM unnest(CAST(? AS text[]), "
                                       "CAST(? AS text[])) AS v(k, h) ON CONFLICT "
                                       "(enterprise_id, key) DO NOTHING RETURNING key"),
                        {enterpriseId, now, expires, pgTextArray(names), pgTextArray(hashes)});
        if (!r)
            return r.error();
        for (const QVariantList &row : r->rows)
            inserted.insert(row.value(0).toString());
    }
    for (qsizetype at = db.isPostgres() ? keys.size() : 0; at < keys.size(); at += Chunk) {
        const qsizetype n = std::min(Chunk, keys.size() - at);
        QStringList rows;
        QVariantList binds;
        for (qsizetype i = at; i < at + n; ++i) {
            rows.append(QStringLiteral("(?, ?, ?, 'inflight', ?, ?)"));
            binds << enterpriseId << keys.at(i).key << keys.at(i).requestHash << now << expires;
        }
        auto r = db.run(QStringLiteral("INSERT INTO idempotency_keys (enterprise_id, key, "
                                       "request_hash, state, claimed_at, expires_at) VALUES ") +
                            rows.join(QLatin1String(", ")) +
                            QStringLiteral(" ON CONFLICT (enterprise_id, key) DO NOTHING "
                                           "RETURNING key"),
                        binds);
        if (!r)
            return r.error();
        for (const QVariantList &row : r->rows)
            inserted.insert(row.value(0).toString());
    }
    // Keys that were there already (or twice in this batch) go the long way.
    QList<Claim> claims;
    claims.reserve(keys.size());
    for (const KeyRequest &k : keys) {
        if (inserted.remove(k.key)) {
            claims.append(Claim{});
            continue;
        }
        auto c = claimWithin(db, enterpriseId, k.key, k.requestHash, settings);
        if (!c)
            return c.error();
        claims.append(c.value());
    }
    return claims;
}

Done Idempotency::completeAll(SqlConnection &db, const QString &enterpriseId,
                              const QList<Answer> &answers, const Settings &settings)
{
    // An insert that always meets its claimed row and updates it through the primary key. An
    // UPDATE … FROM a list of keys leaves the join to the planner, and with statistics behind
    // a fast-growing table it scanned all the enterprise's keys for every 100 answers
    // (9 ms a statement at 40,000 keys, growing with each batch).
    constexpr qsizetype Chunk = 100;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expires = now + qint64(settings.idempotencyDays) * 24 * 3600 * 1000;
    if (db.isPostgres() && !answers.isEmpty()) {
        // One statement, each column one array (see pgarray.h).
        QStringList keys, hashes;
        QList<QByteArray> bodies;
        QList<qint64> statuses;
        for (const Answer &a : answers) {
            keys.append(a.key);
            hashes.append(a.requestHash);
            statuses.append(a.response.status);
            bodies.append(encodeUtf8(a.response));
        }
        auto r = db.run(QStringLiteral("INSERT INTO idempotency_keys (enterprise_id, key, "
                                       "request_hash, state, status, response, claimed_at, "
                                       "expires_at) SELECT ?, k, h, 'done', st, resp, ?, ? FROM "
                                       "unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS "
                                       "integer[]), CAST(? AS text[])) AS v(k, h, st, resp) "
                                       "ON CONFLICT (enterprise_id, key) DO UPDATE SET state = "
                                       "'done', status = excluded.status, response = "
                                       "excluded.response"),
                        {enterpriseId, now, expires, pgTextArray(keys), pgTextArray(hashes),
                         pgIntArray(statuses), pgTextArray(bodies)});
        if (!r)
            return r.error();
        return {};
    }
    for (qsizetype at = 0; at < answers.size(); at += Chunk) {
        const qsizetype n = std::min(Chunk, answers.size() - at);
        QStringList rows;
        QVariantList binds;
        binds.reserve(n * 7);
        for (qsizetype i = at; i < at + n; ++i) {
            // The cast gives PostgreSQL the type when it prepares the statement.
            rows.append(QStringLiteral("(?, ?, ?, 'done', CAST(? AS INTEGER), ?, ?, ?)"));
            const Answer &a = answers.at(i);
            binds << enterpriseId << a.key << a.requestHash << a.response.status
                  << encode(a.response) << now << expires;
        }
        auto r = db.run(QStringLiteral("INSERT INTO idempotency_keys (enterprise_id, key, "
                                       "request_hash, state, status, response, claimed_at, "
                                       "expires_at) VALUES ") +
                            rows.join(QLatin1String(", ")) +
                            QStringLiteral(" ON CONFLICT (enterprise_id, key) DO UPDATE SET "
                                           "state = 'done', status = excluded.status, "
                                           "response = excluded.response"),
                        binds);
        if (!r)
            return r.error();
    }
    return {};
}

Done Idempotency::complete(SqlConnection &db, const QString &enterpriseId, const QString &key,
                           const Response &response)
{
    auto rows = db.run(QStringLiteral("UPDATE idempotency_keys SET state = 'done', status = ?, "
                                      "response = ? WHERE enterprise_id = ? AND key = ?"),
                       {response.status, encode(response), enterpriseId, key});
    if (!rows)
        return rows.error();
    return {};
}

Done Idempotency::release(SqlConnection &db, const QString &enterpriseId, const QString &key)
{
    auto rows = db.run(QStringLiteral("DELETE FROM idempotency_keys WHERE enterprise_id = ? AND "
                                      "key = ? AND state = 'inflight'"),
                       {enterpriseId, key});
    if (!rows)
        return rows.error();
    return {};
}

Response Idempotency::answer(const Claim &claim, Lang lang)
{
    switch (claim.state) {
    case State::Replay: {
        Response r = claim.stored;
        return r.withHeader("Idempotent-Replayed", "true");
    }
    case State::Mismatch:
        return Response::problem(ApiError::make(422, Msg::IdempotencyMismatch), lang);
    case State::InFlight:
        return Response::problem(ApiError::make(409, Msg::IdempotencyInFlight), lang)
            .withHeader("Retry-After", "1");
    case State::Claimed:
        break;
    }
    return Response::problem(ApiError::internal(QStringLiteral("answer for own claim")), lang);
}

Outcome<int> Idempotency::purgeExpired(SqlConnection &db)
{
    auto rows = db.run(QStringLiteral("DELETE FROM idempotency_keys WHERE expires_at < ?"),
                       {QDateTime::currentMSecsSinceEpoch()});
    if (!rows)
        return rows.error();
    return rows->affected;
}

} // namespace jl::server
