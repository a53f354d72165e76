#pragma once

#include "sync/remoteapi.h"

#include <QJsonObject>

#include <optional>

namespace jl::sync {

// The reference server's JSON shapes (docs/api/openapi.yaml) to and from the RemoteApi
// structs. A reply missing anything the API promises yields nothing at all: half a page or
// half a batch answer is never handed to the engine.
class WireReplies final {
public:
    // {changes: [Record…], cursor, hasMore, epoch}
    static std::optional<ChangesPage> changesPage(const QJsonObject &reply);
    // {results: [{key, status, body}…], processed, stopped}, checked against what was sent.
    static std::optional<PushReply> pushReply(const QJsonObject &reply,
                                              const QList<PushEntry> &sent);
    // A Record envelope with the client's collection name; data {} for a tombstone.
    static std::optional<QJsonObject> clientRecord(const QJsonValue &wireRecord);

    // {entries: [{key, collection, id, kind, command?, baseRev?, payload?}…]}
    static QJsonObject batchRequest(const QList<PushEntry> &entries);
};

} // namespace jl::sync
