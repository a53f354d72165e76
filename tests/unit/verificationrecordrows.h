#pragma once

// Verification records written straight into the local store, as sync leaves them
// (local_v2.sql): the unit and GUI tests of 未匹配检定记录处理 start from these.
#include "models/store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace jl::test {

struct RecordRow {
    QString certificateNo;
    QString serialNo;
    QString name;
    QString model;
    QString institution;
    QString verifiedAt; // yyyy-MM-dd
    QString validUntil;
    QString result = QStringLiteral("pass");
    QString matchedInstrumentId;
    bool deleted = false;
    QString location; // the wire's installLocation, when the upload had one
};

inline RecordRow recordRow(const QString &certificateNo, const QString &serialNo,
                           const QString &name, const QString &model, const QString &institution,
                           const QString &verifiedAt, const QString &validUntil,
                           const QString &result = QStringLiteral("pass"))
{
    RecordRow r;
    r.certificateNo = certificateNo;
    r.serialNo = serialNo;
    r.name = name;
    r.model = model;
    r.institution = institution;
    r.verifiedAt = verifiedAt;
    r.validUntil = validUntil;
    r.result = result;
    return r;
}

// Returns the record's id, or an empty string when the insert failed.
inline QString insertRecord(models::Database &db, const RecordRow &r)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject data{{QStringLiteral("certificateNo"), r.certificateNo},
                     {QStringLiteral("serialNo"), r.serialNo},
                     {QStringLiteral("instrumentName"), r.name},
                     {QStringLiteral("model"), r.model},
                     {QStringLiteral("institution"), r.institution},
                     {QStringLiteral("verifiedAt"), r.verifiedAt},
                     {QStringLiteral("validUntil"), r.validUntil},
                     {QStringLiteral("result"), r.result},
                     {QStringLiteral("matchedInstrumentId"), r.matchedInstrumentId}};
    if (!r.location.isEmpty())
        data.insert(QStringLiteral("installLocation"), r.location);
    auto q = db.exec(
        QStringLiteral("test.verification_record.insert"),
        QStringLiteral("INSERT INTO verification_record (id, rev, updated_at, deleted, "
                       "certificate_no, serial_no, instrument_name, model, institution, "
                       "verified_at, valid_until, result, certificate, matched_instrument_id, "
                       "data) VALUES (?, 1, '2026-11-27T00:00:00Z', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', "
                       "?, ?)"),
        QVariantList{id, r.deleted ? 1 : 0, r.certificateNo, r.serialNo, r.name, r.model,
                     r.institution, r.verifiedAt.isEmpty() ? QVariant() : QVariant(r.verifiedAt),
                     r.validUntil.isEmpty() ? QVariant() : QVariant(r.validUntil), r.result,
                     r.matchedInstrumentId,
                     QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))});
    return q ? id : QString();
}

} // namespace jl::test
