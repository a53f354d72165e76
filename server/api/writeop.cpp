#include "server/api/writeop.h"

#include "server/auth/secrets.h"

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
    // QJsonObject keeps its keys sorted, so equal operations give equal bytes.
    const QJsonObject canonical{
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("collection"), collection},
        {QStringLiteral("id"), id},
        {QStringLiteral("command"), command},
        {QStringLiteral("baseRev"), baseRev ? QJsonValue(*baseRev) : QJsonValue()},
        {QStringLiteral("payload"), payload}};
    return secrets::sha256Hex(QJsonDocument(canonical).toJson(QJsonDocument::Compact));
}

} // namespace jl::server
