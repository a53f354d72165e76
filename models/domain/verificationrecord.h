#pragma once

#include "models/domain/instrument.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace jl::models {

// One verification certificate as the server made it from an institution's upload
// (domain.md §3; server/admin/verificationupload.cpp): read-only on the client. The server
// matches it to the active instrument with the same normalised serial; matchedInstrumentId
// stays empty while nothing matches (未匹配检定记录).
struct VerificationRecord {
    QString id;
    qint64 rev = 0;
    bool deleted = false;

    QString certificateNo;
    QString serialNo;
    QString instrumentName;
    QString model;
    QString institution;
    QDate verifiedAt;
    QDate validUntil;
    VerificationResult result = VerificationResult::None;
    QString certificate; // SHA-256 of the certificate file, or empty
    QString matchedInstrumentId;
    // Where the instrument stands, when the upload carried it (not every institution sends
    // it): the wire's installLocation, or else its stationName.
    QString location;

    friend bool operator==(const VerificationRecord &, const VerificationRecord &) = default;
};

// The record from its wire JSON (the `data` column keeps it whole).
VerificationRecord verificationRecordFromJson(const QJsonObject &json);

// 导入: the instrument the record describes, as the add form starts from it. The user
// completes and saves it; nothing of the record is written by itself.
Instrument instrumentFromRecord(const VerificationRecord &record);

} // namespace jl::models
