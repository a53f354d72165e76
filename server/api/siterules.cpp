#include "server/api/siterules.h"

#include "models/domain/instrumentvalidator.h"
#include "models/reference/divisions.h"
#include "server/storage/recordstore.h"

namespace jl::server {

namespace {

const QStringList Editable = {QStringLiteral("kind"), QStringLiteral("stationCode"),
                              QStringLiteral("name"), QStringLiteral("divisionCode"),
                              QStringLiteral("address")};
// Set by the operating platforms' feed, read-only for the enterprise.
const QStringList PlatformOwned = {QStringLiteral("platform"), QStringLiteral("operator"),
                                   QStringLiteral("operatingStatus"), QStringLiteral("pileCount"),
                                   QStringLiteral("gunCount")};

ApiError invalid(const QString &field, const QString &message)
{
    return ApiError::make(422, Msg::Validation, {field + QLatin1String(": ") + message})
        .with(QStringLiteral("field"), field);
}

} // namespace

Outcome<QJsonObject> SiteRules::normalize(RecordStore &, const QJsonObject &payload,
                                          const std::optional<StoredRecord> &current) const
{
    if (Done d = checkFields(payload, Editable + PlatformOwned); !d)
        return d.error();
    QJsonObject data;
    const QJsonObject before = current && !current->deleted ? current->data : QJsonObject();
    for (const QString &f : PlatformOwned) {
        const bool number = f.endsWith(QLatin1String("Count"));
        const QJsonValue stored = before.value(f).isUndefined()
                                      ? (number ? QJsonValue(0) : QJsonValue(QString()))
                                      : before.value(f);
        const QJsonValue sent = payload.value(f);
        if (!sent.isUndefined() && sent != stored)
            return ApiError::make(422, Msg::ServerOwnedField, {f}).with(QStringLiteral("field"), f);
        data.insert(f, stored);
    }
    for (const QString &f : Editable) {
        const QJsonValue v = payload.value(f);
        if (!v.isUndefined() && !v.isString())
            return invalid(f, QStringLiteral("must be text"));
        data.insert(f, models::InstrumentValidator::trimmed(v.toString()));
    }
    static const QStringList kinds = {QStringLiteral("charging"), QStringLiteral("fuel"),
                                      QStringLiteral("shop"), QStringLiteral("other")};
    if (data.value(QStringLiteral("kind")).toString().isEmpty())
        data.insert(QStringLiteral("kind"), QStringLiteral("other"));
    if (!kinds.contains(data.value(QStringLiteral("kind")).toString()))
        return invalid(QStringLiteral("kind"), QStringLiteral("charging, fuel, shop or other"));
    if (data.value(QStringLiteral("name")).toString().isEmpty())
        return invalid(QStringLiteral("name"), QStringLiteral("required"));
    static const models::Divisions divisions = models::Divisions::bundled();
    const QString code = data.value(QStringLiteral("divisionCode")).toString();
    if (!code.isEmpty() && !divisions.contains(code))
        return invalid(QStringLiteral("divisionCode"), QStringLiteral("not a division code"));
    return data;
}

Done SiteRules::checkDelete(RecordStore &, const StoredRecord &current) const
{
    if (current.data.value(QStringLiteral("kind")).toString() == QLatin1String("charging") &&
        !current.data.value(QStringLiteral("platform")).toString().isEmpty())
        return ApiError::make(422, Msg::ServerOwnedField, {QStringLiteral("platform")});
    return {};
}

} // namespace jl::server
