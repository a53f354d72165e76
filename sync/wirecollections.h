#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace jl::sync {

// The one table between the client's collection names (the outbox and the engine:
// "instrument", "site", "contact", "enterprise", "verificationRecord") and the reference
// server's (its path segments and feed names: "instruments", "sites", …), and what of a
// local record may travel to the server. Only HttpRemote uses it: another server's adapter
// has its own.
class WireCollections final {
public:
    // The wire name, or an empty string for a collection the server does not have.
    static QString toWire(const QString &clientName);
    // The client name; a collection this client does not know keeps its wire name, so that
    // the engine can skip it (a newer server may feed collections an older client lacks).
    static QString fromWire(const QString &wireName);
    // Whether the client may write the collection (the others are the server's alone).
    static bool isWritable(const QString &clientName);

    // The fields of a local record the server accepts in an upsert. The server owns the
    // envelope (id, rev, updatedAt, deleted …) and refuses unknown fields with 422, so the
    // payload keeps only what the collection's rules allow; site fields set by the operating
    // platforms are left out (the server keeps its values when they are absent).
    static QJsonObject outgoingPayload(const QString &clientName, const QJsonObject &record);
    static QStringList writableFields(const QString &clientName);
};

} // namespace jl::sync
