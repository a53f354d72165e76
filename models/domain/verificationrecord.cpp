#include "models/domain/verificationrecord.h"

#include "models/domain/instrumentvalidator.h"

namespace jl::models {

namespace {

QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

QDate date(const QJsonObject &json, const char *key)
{
    return QDate::fromString(text(json, key), Qt::ISODate);
}

} // namespace

VerificationRecord verificationRecordFromJson(const QJsonObject &json)
{
    VerificationRecord r;
    r.id = text(json, "id");
    r.rev = json.value(QLatin1String("rev")).toInteger();
    r.deleted = json.value(QLatin1String("deleted")).toBool();
    r.certificateNo = text(json, "certificateNo");
    r.serialNo = text(json, "serialNo");
    r.instrumentName = text(json, "instrumentName");
    r.model = text(json, "model");
    r.institution = text(json, "institution");
    r.verifiedAt = date(json, "verifiedAt");
    r.validUntil = date(json, "validUntil");
    r.result = verificationResultFromWire(text(json, "result"));
    r.certificate = text(json, "certificate");
    r.matchedInstrumentId = text(json, "matchedInstrumentId");
    r.location = text(json, "installLocation");
    if (r.location.isEmpty())
        r.location = text(json, "stationName");
    return r;
}

Instrument instrumentFromRecord(const VerificationRecord &record)
{
    Instrument i;
    i.serialNo = InstrumentValidator::normalizedSerial(record.serialNo);
    i.name = InstrumentValidator::trimmed(record.instrumentName);
    i.model = InstrumentValidator::trimmed(record.model);
    i.lastInstitution = InstrumentValidator::trimmed(record.institution);
    i.lastVerificationDate = record.verifiedAt;
    i.validUntil = record.validUntil;
    i.verificationResult = record.result;
    i.installLocation = InstrumentValidator::trimmed(record.location);
    return i;
}

} // namespace jl::models
