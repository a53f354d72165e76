#include "server/storage/storedrecord.h"

#include "server/http/jsontext.h"

#include <QDateTime>
#include <QJsonDocument>

namespace jl::server {

QString isoUtc(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject StoredRecord::toWire() const
{
    QJsonObject o{{QStringLiteral("collection"), collection},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("rev"), rev},
                  {QStringLiteral("deleted"), deleted},
                  {QStringLiteral("updatedAt"), isoUtc(updatedAtMs)}};
    if (deleted) {
        o.insert(QStringLiteral("data"), QJsonValue::Null);
    } else {
        QJsonObject d = data;
        d.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("data"), d);
    }
    return o;
}

QByteArray StoredRecord::wireJson() const
{
    QByteArray d;
    if (!deleted) {
        if (!dataJson.isEmpty()) {
            d = dataJson;
        } else {
            QJsonObject plain = data;
            plain.remove(QStringLiteral("id"));
            d = QJsonDocument(plain).toJson(QJsonDocument::Compact);
        }
    }
    QByteArray out;
    out.reserve(d.size() + 192);
    out += "{\"collection\":";
    appendJsonString(out, collection);
    if (deleted) {
        out += ",\"data\":null";
    } else {
        out += ",\"data\":{\"id\":";
        appendJsonString(out, id);
        if (d.size() > 2) { // d is "{…}": its members follow the id
            out += ',';
            out.append(d.constData() + 1, d.size() - 1);
        } else {
            out += '}';
        }
    }
    out += deleted ? ",\"deleted\":true,\"id\":" : ",\"deleted\":false,\"id\":";
    appendJsonString(out, id);
    out += ",\"rev\":";
    out += QByteArray::number(rev);
    out += ",\"updatedAt\":";
    appendJsonString(out, isoUtc(updatedAtMs));
    out += '}';
    return out;
}

} // namespace jl::server
