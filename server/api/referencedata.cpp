#include "server/api/referencedata.h"

#include "models/rules/warninglevel.h"
#include "server/storage/sqlconnection.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jl::server {

namespace {

QJsonValue bundled(const QString &resource)
{
    QFile f(resource);
    if (!f.open(QIODevice::ReadOnly))
        return QJsonValue();
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

bool ReferenceData::isKnown(const QString &name)
{
    for (const char *n : {Institutions, Categories, Calendar, Thresholds, Settings}) {
        if (name == QLatin1String(n))
            return true;
    }
    return false;
}

QJsonValue ReferenceData::defaultValue(const QString &name)
{
    if (name == QLatin1String(Institutions))
        return QJsonArray();
    if (name == QLatin1String(Categories))
        return bundled(QStringLiteral(":/reference/categories.json"))
            .toObject()
            .value(QStringLiteral("categories"));
    if (name == QLatin1String(Calendar))
        return bundled(QStringLiteral(":/reference/calendar.json"));
    if (name == QLatin1String(Thresholds)) {
        const models::WarningThresholds t;
        return QJsonObject{{QStringLiteral("noticeDays"), t.noticeDays},
                           {QStringLiteral("warningDays"), t.warningDays}};
    }
    // domain.md §5.3: 20 MB a file. The Hangzhou platform's address is the operator's to set.
    return QJsonObject{{QStringLiteral("hangzhouPlatformUrl"), QString()},
                       {QStringLiteral("maxUploadBytes"), 20 * 1024 * 1024}};
}

Outcome<ReferenceData::Document> ReferenceData::read(SqlConnection &db, const QString &name)
{
    auto rows = db.run(QStringLiteral("SELECT data, updated_at FROM reference_data WHERE name = ?"),
                       {name});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Document{defaultValue(name), 0};
    const QJsonDocument doc = QJsonDocument::fromJson(rows->value(0, 0).toString().toUtf8());
    return Document{doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()),
                    rows->value(0, 1).toLongLong()};
}

Done ReferenceData::write(SqlConnection &db, const QString &name, const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    auto rows = db.run(QStringLiteral("INSERT INTO reference_data (name, data, updated_at) "
                                      "VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                                      "data = excluded.data, updated_at = excluded.updated_at"),
                       {name, QString::fromUtf8(doc.toJson(QJsonDocument::Compact)),
                        QDateTime::currentMSecsSinceEpoch()});
    if (!rows)
        return rows.error();
    return {};
}

} // namespace jl::server
