#include "models/itemmodels/verificationrecordfilter.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/verificationrecordstore.h"

#include <QStringList>

namespace jl::models {

namespace {

// LIKE wildcards typed by the user are meant literally ("50%", "A_1").
QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 6);
    escaped += QLatin1Char('%');
    for (QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    escaped += QLatin1Char('%');
    return escaped;
}

} // namespace

SqlWhere toSql(const VerificationRecordFilter &filter)
{
    SqlWhere where;
    QStringList parts{VerificationRecordStore::unmatchedSql()};

    // The server trims serials on upload; the prefix typed is normalised like the library's.
    const QString serial = InstrumentValidator::normalizedSerial(filter.serialNo);
    if (!serial.isEmpty()) {
        // A range on the serial index rather than LIKE 'p%' (see InstrumentFilter).
        parts.append(QStringLiteral("serial_no >= :f_serial"));
        where.binds.insert(QStringLiteral(":f_serial"), serial);
        const QString next = prefixUpperBound(serial);
        if (!next.isEmpty()) {
            parts.append(QStringLiteral("serial_no < :f_serial_next"));
            where.binds.insert(QStringLiteral(":f_serial_next"), next);
        }
    }
    const QString name = InstrumentValidator::trimmed(filter.name);
    if (!name.isEmpty()) {
        parts.append(QStringLiteral("instrument_name LIKE :f_name ESCAPE '\\'"));
        where.binds.insert(QStringLiteral(":f_name"), containsPattern(name));
    }
    const QString institution = InstrumentValidator::trimmed(filter.institution);
    if (!institution.isEmpty()) {
        parts.append(QStringLiteral("institution LIKE :f_institution ESCAPE '\\'"));
        where.binds.insert(QStringLiteral(":f_institution"), containsPattern(institution));
    }
    // ISO dates compare as text; a record without a date never passes a date filter.
    if (filter.verifiedFrom.isValid()) {
        parts.append(QStringLiteral("verified_at >= :f_from"));
        where.binds.insert(QStringLiteral(":f_from"), filter.verifiedFrom.toString(Qt::ISODate));
    }
    if (filter.verifiedTo.isValid()) {
        parts.append(QStringLiteral("verified_at <= :f_to"));
        where.binds.insert(QStringLiteral(":f_to"), filter.verifiedTo.toString(Qt::ISODate));
    }
    where.clause = parts.join(QStringLiteral(" AND "));
    return where;
}

} // namespace jl::models
