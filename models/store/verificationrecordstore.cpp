#include "models/store/verificationrecordstore.h"

#include "models/store/database.h"

#include <QJsonDocument>

namespace jl::models {

VerificationRecordStore::VerificationRecordStore(Database &db)
    : m_db(db)
{}

QString VerificationRecordStore::columns()
{
    return QStringLiteral("id, rev, deleted, certificate_no, serial_no, instrument_name, model, "
                          "institution, verified_at, valid_until, result, certificate, "
                          "matched_instrument_id, data");
}

QString VerificationRecordStore::unmatchedSql()
{
    return QStringLiteral("matched_instrument_id = '' AND deleted = 0");
}

VerificationRecord VerificationRecordStore::fromQuery(const QSqlQuery &query)
{
    VerificationRecord r;
    r.id = query.value(0).toString();
    r.rev = query.value(1).toLongLong();
    r.deleted = query.value(2).toInt() != 0;
    r.certificateNo = query.value(3).toString();
    r.serialNo = query.value(4).toString();
    r.instrumentName = query.value(5).toString();
    r.model = query.value(6).toString();
    r.institution = query.value(7).toString();
    r.verifiedAt = QDate::fromString(query.value(8).toString(), Qt::ISODate);
    r.validUntil = QDate::fromString(query.value(9).toString(), Qt::ISODate);
    r.result = verificationResultFromWire(query.value(10).toString());
    r.certificate = query.value(11).toString();
    r.matchedInstrumentId = query.value(12).toString();
    // The columns hold what every record has; the wire JSON may hold more (a location).
    const QJsonObject data = QJsonDocument::fromJson(query.value(13).toByteArray()).object();
    r.location = verificationRecordFromJson(data).location;
    return r;
}

Result<VerificationRecord> VerificationRecordStore::get(const QString &id) const
{
    auto q = m_db.exec(QStringLiteral("store.verification_record.get"),
                       QStringLiteral("SELECT ") + columns() +
                           QStringLiteral(" FROM verification_record WHERE id = ?"),
                       QVariantList{id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error{tr("The verification record no longer exists; it may have been "
                        "matched or removed by the last sync."),
                     QStringLiteral("verification record %1 not found").arg(id)};
    return fromQuery(q.value());
}

Result<int> VerificationRecordStore::countUnmatched() const
{
    auto q = m_db.exec(QStringLiteral("store.verification_record.count"),
                       QStringLiteral("SELECT COUNT(*) FROM verification_record WHERE ") +
                           unmatchedSql());
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

} // namespace jl::models
