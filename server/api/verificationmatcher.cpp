#include "server/api/verificationmatcher.h"

#include "models/domain/instrumentvalidator.h"
#include "server/storage/recordstore.h"

#include <algorithm>

namespace jl::server {

namespace {

QString field(const StoredRecord &r, const char *name)
{
    return r.data.value(QLatin1String(name)).toString();
}

} // namespace

bool VerificationMatcher::needsMatching(const StoredRecord &instrument,
                                        const std::optional<StoredRecord> &before)
{
    if (instrument.deleted || instrument.flag != 1 || instrument.matchKey.isEmpty())
        return false;
    return !before || before->deleted || before->flag != 1 ||
           before->matchKey != instrument.matchKey;
}

void VerificationMatcher::sortNewestFirst(QList<StoredRecord> &records)
{
    std::sort(records.begin(), records.end(), [](const StoredRecord &a, const StoredRecord &b) {
        return field(a, "verifiedAt") > field(b, "verifiedAt");
    });
}

bool VerificationMatcher::applyTo(StoredRecord &instrument, const StoredRecord &verification)
{
    const QString verifiedAt = field(verification, "verifiedAt");
    const QString current = field(instrument, "lastVerificationDate");
    // ISO dates compare as text; an instrument's newer verification is kept.
    if (verifiedAt.isEmpty() || (!current.isEmpty() && current > verifiedAt))
        return false;
    QJsonObject &d = instrument.data;
    d.insert(QStringLiteral("verificationResult"), field(verification, "result"));
    d.insert(QStringLiteral("lastVerificationDate"), verifiedAt);
    d.insert(QStringLiteral("validUntil"), field(verification, "validUntil"));
    d.insert(QStringLiteral("lastInstitution"), field(verification, "institution"));
    return true;
}

Done VerificationMatcher::link(RecordStore &store, const QList<StoredRecord> &records,
                               const QString &instrumentId)
{
    for (StoredRecord r : records) {
        r.data.insert(QStringLiteral("matchedInstrumentId"), instrumentId);
        r.flag = 0;
        if (auto w = store.write(r); !w)
            return w.error();
    }
    return {};
}

Outcome<StoredRecord> VerificationMatcher::arrive(RecordStore &store, StoredRecord record)
{
    record.matchKey = models::InstrumentValidator::normalizedSerial(field(record, "serialNo"));
    record.flag = 1;
    record.data.insert(QStringLiteral("matchedInstrumentId"), QString());
    auto instruments = store.findByMatchKey({QLatin1String(Instruments)}, record.matchKey, 1);
    if (!instruments)
        return instruments.error();
    if (!instruments->isEmpty() && !record.matchKey.isEmpty()) {
        StoredRecord instrument = instruments->constFirst();
        record.data.insert(QStringLiteral("matchedInstrumentId"), instrument.id);
        record.flag = 0;
        if (applyTo(instrument, record)) {
            if (auto w = store.write(instrument); !w)
                return w.error();
        }
    }
    return store.write(record);
}

} // namespace jl::server
