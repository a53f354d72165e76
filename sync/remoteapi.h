#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <variant>

namespace jl::sync {

// sync.md §21: the engine talks to this interface, never to HTTP. HttpRemote maps it to the
// reference server's API v1; a second adapter could map it to the province's own server.
// Calls block the calling (engine) thread until the answer, a timeout or cancel(); the UI
// thread never calls them.
//
// Collections have the client's names everywhere in this interface: "instrument", "site",
// "contact", "enterprise", "verificationRecord" (the outbox's names). The adapter maps them to
// its server's (HttpRemote: sync/wirecollections.cpp); a collection the client does not know
// keeps the server's name. Records in PushResult::body are envelopes
// {collection, id, rev, deleted, updatedAt, data} with the client's collection name.

// Why a call did not give an answer. kind decides what the engine does (sync.md §12).
struct RemoteError {
    enum class Kind {
        Network,         // no connection, DNS, TLS, timeout, reset: retry later
        Server,          // 5xx: retry later
        RateLimited,     // 429: retry after retryAfterSeconds
        LoginRequired,   // 401 and the refresh failed for good
        Gone,            // 410: cursor too old or from another epoch: resync
        UpgradeRequired, // 426: minVersion tells which protocol the server wants
        NotFound,        // 404
        Rejected,        // any other 4xx: the server's message is for the user
        BadReply,        // a reply that is not what the API promises (refused, never applied)
        Cancelled,
    };
    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString message; // fit to show the user (the server's problem+json detail when it has one)
    int retryAfterSeconds = 0;
    int minVersion = 0;
};

template <typename T> using RemoteResult = std::variant<T, RemoteError>;

struct RemoteChange {
    QString collection; // the client's collection name (the adapter maps wire names)
    QString id;
    qint64 rev = 0;
    bool deleted = false;
    QJsonObject data; // domain fields in the client's JSON form (models toJson keys)
};

struct ChangesPage {
    QList<RemoteChange> changes;
    QString cursor; // opaque; store it with the applied page
    bool hasMore = false;
    QString epoch;
};

// One outbox entry on the way out (sync.md §9–11b).
struct PushEntry {
    QString key; // Idempotency-Key: the outbox opId
    QString collection;
    QString recordId;
    QString kind; // upsert | delete | command
    QString command;
    qint64 baseRev = 0; // If-Match; 0 for a create
    QJsonObject payload;
};

// The answer for one entry, as the single request would have had it.
struct PushResult {
    QString key;
    int status = 0;   // 2xx done; 412 conflict (body = the server's current record); 424 not run
    QJsonObject body; // the stored record (2xx), current record (412) or problem (4xx)
    QString message;  // the problem's detail for the user, when not 2xx
    // A 409 that is the record's state machine refusing a command (sync.md §13), not a key
    // still in flight elsewhere: no retry changes the answer, so the entry is rejected.
    bool refused = false;
};

struct PushReply {
    QList<PushResult> results; // one per entry sent, in order
    bool stopped = false;      // the server stopped early: resend the unprocessed ones later
};

class RemoteApi {
public:
    virtual ~RemoteApi() = default;

    // The server's epoch and protocol range (GET /api/v1/version).
    virtual RemoteResult<QString> epoch() = 0;
    virtual RemoteResult<ChangesPage> changes(const QString &cursor, int limit) = 0;
    // A hint: the next changes() call asks for this page, so the request may go now and the
    // server build it while the caller applies the page before. Only a changes() call with
    // the same cursor and limit takes it; any other call drops it. A remote may ignore this.
    virtual void prefetchChanges(const QString &cursor, int limit)
    {
        Q_UNUSED(cursor);
        Q_UNUSED(limit);
    }
    // Up to maxBatch() entries, applied in order by the server.
    virtual RemoteResult<PushReply> push(const QList<PushEntry> &entries) = 0;
    virtual int maxBatch() const { return 500; }

    // Attachments (sync.md §16): how many bytes the server already has (resume), one chunk
    // of at most 4 MB at an offset, and a download to a local file (caller verifies the hash).
    // uploadedBytes is 0 for a file the server has nothing of; uploadChunk answers how many
    // bytes the server now has (409 Rejected: not the next chunk, ask uploadedBytes again).
    // AttachmentTransfer (sync/attachmenttransfer.h) drives these with the local FileStore.
    virtual RemoteResult<qint64> uploadedBytes(const QString &sha256) = 0;
    virtual RemoteResult<qint64> uploadChunk(const QString &sha256, qint64 offset, qint64 total,
                                             const QByteArray &chunk) = 0;
    virtual RemoteResult<bool> download(const QString &sha256, const QString &targetPath,
                                        const std::function<void(qint64, qint64)> &progress) = 0;

    // Asks a blocked call to return Cancelled as soon as possible (any thread). It stops the
    // call in progress only: a cancel between two calls is not kept for the next one (the
    // engine checks its own flag at page and batch boundaries).
    virtual void cancel() = 0;
};

} // namespace jl::sync
