#include "models/store/instrumentrow.h"

#include <QStringList>

namespace jl::models::instrumentrow {

namespace {

const char *const Columns[] = {
    "id",
    "rev",
    "updated_at",
    "deleted",
    "serial_no",
    "name",
    "category",
    "model",
    "measuring_range",
    "accuracy_class",
    "manufacturer",
    "production_date",
    "user_unit",
    "install_location",
    "division_code",
    "install_date",
    "status",
    "verification_period_months",
    "verification_result",
    "last_verification_date",
    "valid_until",
    "last_institution",
    "site_id",
    "remarks",
    "lifecycle",
    "removed_at",
};

QVariant dateValue(QDate d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QDate dateOf(const QVariant &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

} // namespace

QString columns()
{
    QStringList names;
    for (const char *c : Columns)
        names.append(QLatin1String(c));
    return names.join(QLatin1String(", "));
}

QString activeBySerialsSql()
{
    return QStringLiteral("SELECT %1 FROM instrument INDEXED BY instrument_active_serial "
                          "WHERE lifecycle = 'active' AND deleted = 0 AND serial_no IN "
                          "(SELECT value FROM json_each(?))")
        .arg(columns());
}

QString jsonArrayOf(const QStringList &texts)
{
    qsizetype size = 2;
    for (const QString &t : texts)
        size += t.size() + 3;
    QString json;
    json.reserve(size);
    json += QLatin1Char('[');
    for (qsizetype n = 0; n < texts.size(); ++n) {
        if (n > 0)
            json += QLatin1Char(',');
        json += QLatin1Char('"');
        // Runs of plain text are copied whole. RFC 8259: the quote, the backslash and the
        // controls below U+0020 are escaped; so is a surrogate without its pair, which SQLite's
        // conversion to UTF-8 would otherwise merge with the next code unit (the closing
        // quote), breaking the array.
        const QStringView t(texts.at(n));
        qsizetype plainFrom = 0;
        for (qsizetype k = 0; k < t.size(); ++k) {
            const QChar c = t.at(k);
            if (c.unicode() >= 0x20 && c != QLatin1Char('"') && c != QLatin1Char('\\') &&
                !c.isSurrogate())
                continue;
            if (c.isHighSurrogate() && k + 1 < t.size() && t.at(k + 1).isLowSurrogate()) {
                ++k; // a pair: plain text
                continue;
            }
            json += t.mid(plainFrom, k - plainFrom);
            plainFrom = k + 1;
            json += QLatin1Char('\\');
            if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
                json += c;
                continue;
            }
            static const char digits[] = "0123456789abcdef";
            json += QLatin1Char('u');
            for (int shift = 12; shift >= 0; shift -= 4)
                json += QLatin1Char(digits[(c.unicode() >> shift) & 0xf]);
        }
        json += t.mid(plainFrom);
        json += QLatin1Char('"');
    }
    json += QLatin1Char(']');
    return json;
}

QString upsertSql()
{
    // ON CONFLICT(id), never INSERT OR REPLACE: REPLACE would resolve a clash on the unique
    // active-serial index by deleting the *other* instrument.
    QStringList marks;
    QStringList updates;
    for (const char *c : Columns) {
        marks.append(QStringLiteral("?"));
        if (qstrcmp(c, "id") != 0)
            updates.append(QStringLiteral("%1 = excluded.%1").arg(QLatin1String(c)));
    }
    return QStringLiteral(
               "INSERT INTO instrument (%1) VALUES (%2) ON CONFLICT(id) DO UPDATE SET %3")
        .arg(columns(), marks.join(QLatin1String(", ")), updates.join(QLatin1String(", ")));
}

Instrument fromQuery(const QSqlQuery &q)
{
    Instrument i;
    int c = 0;
    i.id = q.value(c++).toString();
    i.rev = q.value(c++).toLongLong();
    i.updatedAt = timeOf(q.value(c++));
    i.deleted = q.value(c++).toInt() != 0;
    i.serialNo = q.value(c++).toString();
    i.name = q.value(c++).toString();
    i.category = q.value(c++).toString();
    i.model = q.value(c++).toString();
    i.measuringRange = q.value(c++).toString();
    i.accuracyClass = q.value(c++).toString();
    i.manufacturer = q.value(c++).toString();
    i.productionDate = dateOf(q.value(c++));
    i.userUnit = q.value(c++).toString();
    i.installLocation = q.value(c++).toString();
    i.divisionCode = q.value(c++).toString();
    i.installDate = dateOf(q.value(c++));
    i.status = instrumentStatusFromWire(q.value(c++).toString());
    i.verificationPeriodMonths = q.value(c++).toInt();
    i.verificationResult = verificationResultFromWire(q.value(c++).toString());
    i.lastVerificationDate = dateOf(q.value(c++));
    i.validUntil = dateOf(q.value(c++));
    i.lastInstitution = q.value(c++).toString();
    i.siteId = q.value(c++).toString();
    i.remarks = q.value(c++).toString();
    i.lifecycle = lifecycleFromWire(q.value(c++).toString());
    i.removedAt = timeOf(q.value(c++));
    return i;
}

QVariantList values(const Instrument &i)
{
    return values(i, timeValue(i.updatedAt));
}

QVariantList values(const Instrument &i, const QVariant &updatedAt)
{
    return {i.id,
            i.rev,
            updatedAt,
            i.deleted ? 1 : 0,
            i.serialNo,
            i.name,
            i.category,
            i.model,
            i.measuringRange,
            i.accuracyClass,
            i.manufacturer,
            dateValue(i.productionDate),
            i.userUnit,
            i.installLocation,
            i.divisionCode,
            dateValue(i.installDate),
            toWire(i.status),
            i.verificationPeriodMonths,
            toWire(i.verificationResult),
            dateValue(i.lastVerificationDate),
            dateValue(i.validUntil),
            i.lastInstitution,
            i.siteId,
            i.remarks,
            toWire(i.lifecycle),
            timeValue(i.removedAt)};
}

} // namespace jl::models::instrumentrow
