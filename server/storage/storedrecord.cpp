#include "server/storage/storedrecord.h"

#include <QDateTime>

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

} // namespace jl::server
