#include "server/api/writeop.h"

#include "server/auth/secrets.h"
#include "server/http/jsontext.h"

#include <QJsonDocument>

namespace jl::server {

QString WriteOp::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Upsert:
        return QStringLiteral("upsert");
    case Kind::Delete:
        return QStringLiteral("delete");
    case Kind::Command:
        return QStringLiteral("command");
    }
    return {};
}

QString WriteOp::requestHash() const
{
    // The bytes QJsonDocument writes for {kind, collection, id, command, baseRev, payload}
    // (keys sorted, compact), written directly: building that object copied the payload into
    // it for every batch entry. Hashes stored by earlier versions stay equal.
    QByteArray canonical = "{\"baseRev\":";
    canonical += baseRev ? QByteArray::number(*baseRev) : QByteArrayLiteral("null");
    canonical += ",\"collection\":";
    appendJsonString(canonical, collection);
    canonical += ",\"command\":";
    appendJsonString(canonical, command);
    canonical += ",\"id\":";
    appendJsonString(canonical, id);
    canonical += ",\"kind\":";
    appendJsonString(canonical, kindName(kind));
    canonical += ",\"payload\":";
    canonical += QJsonDocument(payload).toJson(QJsonDocument::Compact);
    canonical += '}';
    return secrets::sha256Hex(canonical);
}

} // namespace jl::server
