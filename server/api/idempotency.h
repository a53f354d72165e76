#pragma once

#include "server/core/outcome.h"
#include "server/http/response.h"

#include <QString>

namespace jl::server {

class SqlConnection;
struct Settings;

// Idempotency keys (sync.md §10–11c): (enterprise, key) → the first response, kept for
// Settings::idempotencyDays. A key is claimed in its own committed transaction before the
// work starts (insert-if-absent), so a duplicate on any instance sees it: a finished one is
// answered from the store, a different payload is 422, one still running is 409. A claim
// whose instance died is retaken after Settings::inFlightLeaseSeconds. A claim's commit does
// not wait for the disk: the work commits after it and flushes it too, and a database crash
// before that loses the work as well, so the retry finds no claim and runs it.
class Idempotency final {
public:
    enum class State { Claimed, Replay, Mismatch, InFlight };
    struct Claim {
        State state = State::Claimed;
        Response stored; // Replay
    };

    static bool isValidKey(const QString &key);
    struct KeyRequest {
        QString key;
        QString requestHash;
    };
    // claimWithin() for many keys (a batch), in a transaction the caller opened: the new ones
    // in a few multi-row statements. The claims come back in the order of `keys`.
    static Outcome<QList<Claim>> claimAll(SqlConnection &db, const QString &enterpriseId,
                                          const QList<KeyRequest> &keys, const Settings &settings);
    struct Answer {
        QString key;
        QString requestHash;
        Response response;
    };
    // complete() for many answers, in a few multi-row statements.
    static Done completeAll(SqlConnection &db, const QString &enterpriseId,
                            const QList<Answer> &answers, const Settings &settings);
    static Outcome<Claim> claim(SqlConnection &db, const QString &enterpriseId, const QString &key,
                                const QString &requestHash, const Settings &settings);
    // The same inside a transaction the caller opened (a batch claims all its keys at once).
    static Outcome<Claim> claimWithin(SqlConnection &db, const QString &enterpriseId,
                                      const QString &key, const QString &requestHash,
                                      const Settings &settings);
    // Stores the response (inside the work's transaction when it succeeded, so the change
    // and its answer commit together).
    static Done complete(SqlConnection &db, const QString &enterpriseId, const QString &key,
                         const Response &response);
    // Gives the key up after a failure worth retrying (5xx), so the retry runs the work.
    static Done release(SqlConnection &db, const QString &enterpriseId, const QString &key);
    // The answer for a claim that is not ours.
    static Response answer(const Claim &claim, Lang lang);
    // Drops keys past their expiry; returns how many.
    static Outcome<int> purgeExpired(SqlConnection &db);
};

} // namespace jl::server
