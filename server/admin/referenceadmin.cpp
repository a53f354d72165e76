#include "server/admin/referenceadmin.h"

#include "models/reference/divisions.h"
#include "models/reference/instrumentcategories.h"
#include "models/rules/workcalendar.h"
#include "server/api/referencedata.h"
#include "server/storage/connectionpool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace jl::server {

namespace {

ApiError invalid(const QString &what)
{
    return ApiError::make(422, Msg::Validation, {what});
}

// Institution ids stay the same across reloads of the same list (appointments refer to them).
const QUuid InstitutionNamespace(QStringLiteral("{6d1f0c59-3a49-4c39-9d7e-3c1b2f6a7e10}"));

} // namespace

ReferenceAdmin::ReferenceAdmin(ConnectionPool &pool)
    : m_pool(pool)
{}

Outcome<QJsonObject> ReferenceAdmin::loadInstitutions(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isArray())
        return invalid(QStringLiteral("Institutions come as a JSON array."));
    auto db = m_pool.local();
    if (!db)
        return db.error();
    auto stored = ReferenceData::read(**db, QLatin1String(ReferenceData::Categories));
    if (!stored)
        return stored.error();
    QStringList categories;
    const QJsonArray catalogue = stored->value.toArray();
    for (const QJsonValue &c : catalogue)
        categories.append(c.toObject().value(QStringLiteral("name")).toString());
    static const models::Divisions divisions = models::Divisions::bundled();
    QJsonArray out;
    int n = 0;
    const QJsonArray input = doc.array();
    for (const QJsonValue &v : input) {
        ++n;
        QJsonObject i = v.toObject();
        const QString name = i.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty())
            return invalid(QStringLiteral("Institution %1 has no name.").arg(n));
        const QString code = i.value(QStringLiteral("divisionCode")).toString();
        if (!code.isEmpty() && !divisions.contains(code))
            return invalid(
                QStringLiteral("%1: divisionCode %2 is not a division code.").arg(name, code));
        const QJsonArray scope = i.value(QStringLiteral("scope")).toArray();
        for (const QJsonValue &s : scope) {
            if (!categories.contains(s.toString()))
                return invalid(QStringLiteral("%1: %2 is not in the category catalogue.")
                                   .arg(name, s.toString()));
        }
        if (i.value(QStringLiteral("id")).toString().isEmpty())
            i.insert(
                QStringLiteral("id"),
                QUuid::createUuidV5(InstitutionNamespace, name).toString(QUuid::WithoutBraces));
        i.insert(QStringLiteral("name"), name);
        out.append(i);
    }
    if (Done d = ReferenceData::write(**db, QLatin1String(ReferenceData::Institutions), out); !d)
        return d.error();
    return QJsonObject{{QStringLiteral("institutions"), out.size()}};
}

Outcome<QJsonObject> ReferenceAdmin::publishCalendar(const QByteArray &json)
{
    auto incoming = models::WorkCalendar::fromJson(json);
    if (!incoming)
        return invalid(incoming.error().message + QLatin1Char(' ') + incoming.error().detail);
    auto db = m_pool.local();
    if (!db)
        return db.error();
    auto stored = ReferenceData::read(**db, QLatin1String(ReferenceData::Calendar));
    if (!stored)
        return stored.error();
    auto current = models::WorkCalendar::fromJson(
        QJsonDocument(stored->value.toObject()).toJson(QJsonDocument::Compact));
    const models::WorkCalendar base = current ? current.value() : models::WorkCalendar();
    const models::WorkCalendar merged = base.merged(incoming.value());
    const QJsonObject mergedJson = QJsonDocument::fromJson(merged.toJson()).object();
    if (Done d = ReferenceData::write(**db, QLatin1String(ReferenceData::Calendar), mergedJson); !d)
        return d.error();
    QJsonArray years;
    const auto published = incoming->publishedYears();
    for (int y : published)
        years.append(y);
    return QJsonObject{{QStringLiteral("published"), years}};
}

Outcome<QJsonObject> ReferenceAdmin::setThresholds(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const int notice = o.value(QStringLiteral("noticeDays")).toInt(-1);
    const int warning = o.value(QStringLiteral("warningDays")).toInt(-1);
    if (warning < 0 || notice <= warning || notice > 365)
        return invalid(QStringLiteral(
            "Thresholds need 0 <= warningDays < noticeDays <= 365, e.g. {\"noticeDays\": 40, "
            "\"warningDays\": 20}."));
    const QJsonObject t{{QStringLiteral("noticeDays"), notice},
                        {QStringLiteral("warningDays"), warning}};
    auto db = m_pool.local();
    if (!db)
        return db.error();
    if (Done d = ReferenceData::write(**db, QLatin1String(ReferenceData::Thresholds), t); !d)
        return d.error();
    return t;
}

Outcome<QJsonObject> ReferenceAdmin::setSettings(const QByteArray &json)
{
    const QJsonObject in = QJsonDocument::fromJson(json).object();
    auto db = m_pool.local();
    if (!db)
        return db.error();
    auto stored = ReferenceData::read(**db, QLatin1String(ReferenceData::Settings));
    if (!stored)
        return stored.error();
    QJsonObject s = stored->value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (it.key() == QLatin1String("hangzhouPlatformUrl")) {
            const QUrl url(it.value().toString(), QUrl::StrictMode);
            if (!url.isValid() ||
                (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
                return invalid(QStringLiteral("hangzhouPlatformUrl must be an http(s) address."));
        } else if (it.key() == QLatin1String("maxUploadBytes")) {
            const qint64 v = it.value().toInteger(-1);
            if (v < 1024 || v > 100 * 1024 * 1024)
                return invalid(QStringLiteral("maxUploadBytes must be 1 KB to 100 MB."));
        } else {
            return invalid(QStringLiteral("Unknown setting %1.").arg(it.key()));
        }
        s.insert(it.key(), it.value());
    }
    if (Done d = ReferenceData::write(**db, QLatin1String(ReferenceData::Settings), s); !d)
        return d.error();
    return s;
}

} // namespace jl::server
