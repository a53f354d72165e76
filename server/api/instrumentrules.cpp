#include "server/api/instrumentrules.h"

#include "models/domain/instrument.h"
#include "models/domain/instrumentvalidator.h"
#include "server/api/verificationmatcher.h"
#include "server/storage/recordstore.h"

#include <QDateTime>
#include <QJsonArray>

namespace jl::server {

namespace {

namespace F = models::InstrumentField;

const QStringList &allowedFields()
{
    static const QStringList fields = [] {
        QStringList f = models::instrumentFields();
        f << QStringLiteral("lifecycle") << QStringLiteral("removedAt");
        return f;
    }();
    return fields;
}

ApiError fieldError(const QString &field, const QString &message)
{
    ApiError e = ApiError::make(422, Msg::Validation, {field + QLatin1String(": ") + message});
    e.with(QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("field"), field},
                                                            {QStringLiteral("message"), message}}});
    return e;
}

// instrumentFromJson() turns what it cannot read into "not set"; a server must say so.
Done checkShapes(const QJsonObject &p)
{
    for (const char *date :
         {F::ProductionDate, F::InstallDate, F::LastVerificationDate, F::ValidUntil}) {
        const QJsonValue v = p.value(QLatin1String(date));
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
            continue;
        if (!v.isString() || !QDate::fromString(v.toString(), Qt::ISODate).isValid())
            return fieldError(QLatin1String(date), QStringLiteral("not a date (yyyy-MM-dd)"));
    }
    auto oneOf = [&p](const char *key, const QStringList &values) -> Done {
        const QJsonValue v = p.value(QLatin1String(key));
        if (v.isUndefined() ||
            (v.isString() && (v.toString().isEmpty() || values.contains(v.toString()))))
            return {};
        return fieldError(QLatin1String(key),
                          QStringLiteral("must be one of ") + values.join(QLatin1String(", ")));
    };
    if (Done d = oneOf(F::Status, {QStringLiteral("inUse"), QStringLiteral("suspended"),
                                   QStringLiteral("scrapped")});
        !d)
        return d;
    if (Done d = oneOf(F::VerificationResult,
                       {QStringLiteral("none"), QStringLiteral("pass"), QStringLiteral("fail")});
        !d)
        return d;
    if (Done d = oneOf("lifecycle", {QStringLiteral("active"), QStringLiteral("history")}); !d)
        return d;
    const QJsonValue period = p.value(QLatin1String(F::VerificationPeriodMonths));
    if (!period.isUndefined() &&
        (!period.isDouble() || period.toDouble() < 0 || period.toDouble() > 240 ||
         period.toDouble() != double(period.toInt())))
        return fieldError(QLatin1String(F::VerificationPeriodMonths),
                          QStringLiteral("a whole number of months, 0 to 240"));
    const QString removed = p.value(QStringLiteral("removedAt")).toString();
    if (!removed.isEmpty() && !QDateTime::fromString(removed, Qt::ISODateWithMs).isValid())
        return fieldError(QStringLiteral("removedAt"), QStringLiteral("not an ISO date-time"));
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.key() != QLatin1String(F::VerificationPeriodMonths) && !it.value().isString() &&
            !it.value().isNull())
            return fieldError(it.key(), QStringLiteral("must be text"));
    }
    return {};
}

} // namespace

Outcome<QJsonObject> InstrumentRules::normalize(RecordStore &store, const QJsonObject &payload,
                                                const std::optional<StoredRecord> &) const
{
    if (Done d = checkFields(payload, allowedFields()); !d)
        return d.error();
    if (Done d = checkShapes(payload); !d)
        return d.error();
    models::Instrument i =
        models::InstrumentValidator::normalized(models::instrumentFromJson(payload));
    const QList<models::FieldError> errors = models::InstrumentValidator::validate(i);
    if (!errors.isEmpty()) {
        QStringList lines;
        QJsonArray list;
        for (const models::FieldError &e : errors) {
            lines.append(e.field + QLatin1String(": ") + e.message);
            list.append(QJsonObject{{QStringLiteral("field"), e.field},
                                    {QStringLiteral("message"), e.message}});
        }
        ApiError e = ApiError::make(422, Msg::Validation, {lines.join(QLatin1String("; "))});
        e.with(QStringLiteral("errors"), list);
        return e;
    }
    if (!i.siteId.isEmpty()) {
        auto site = store.get(QStringLiteral("sites"), i.siteId);
        if (!site)
            return site.error();
        if (!site->has_value() || (*site)->deleted)
            return ApiError::make(422, Msg::ReferenceNotFound, {QStringLiteral("site"), i.siteId});
    }
    if (i.lifecycle == models::Lifecycle::History && !i.removedAt.isValid())
        i.removedAt = QDateTime::currentDateTimeUtc();
    if (i.lifecycle == models::Lifecycle::Active)
        i.removedAt = {};
    QJsonObject data = models::toJson(i);
    data.remove(QStringLiteral("id"));
    return data;
}

void InstrumentRules::index(StoredRecord &r) const
{
    r.matchKey = models::InstrumentValidator::normalizedSerial(
        r.data.value(QLatin1String(F::SerialNo)).toString());
    r.flag =
        r.data.value(QStringLiteral("lifecycle")).toString() == QLatin1String("history") ? 0 : 1;
}

Done InstrumentRules::checkDelete(RecordStore &, const StoredRecord &current) const
{
    if (current.flag == 1)
        return ApiError::make(422, Msg::DeleteOnlyHistory);
    return {};
}

Outcome<StoredRecord> InstrumentRules::beforeWrite(RecordStore &store, StoredRecord record,
                                                   const std::optional<StoredRecord> &before) const
{
    if (record.flag != 1 || record.deleted)
        return record; // in history: neither unique nor matched
    // One look-up for both questions about the serial: is it active elsewhere, and do
    // verification records wait for it?
    auto found = store.findByMatchKey(
        {QStringLiteral("instruments"), QLatin1String(VerificationMatcher::Records)},
        record.matchKey, 1);
    if (!found)
        return found.error();
    QList<StoredRecord> unmatched;
    for (const StoredRecord &other : found.value()) {
        if (other.collection == QLatin1String(VerificationMatcher::Records)) {
            unmatched.append(other);
        } else if (other.id != record.id) {
            const bool restoring = before && !before->deleted && before->flag == 0;
            return ApiError::make(422, restoring ? Msg::RestoreSerialTaken : Msg::SerialTaken,
                                  {record.data.value(QLatin1String(F::SerialNo)).toString()})
                .with(QStringLiteral("conflictingId"), other.id);
        }
    }
    if (!VerificationMatcher::needsMatching(record, before) || unmatched.isEmpty())
        return record;
    VerificationMatcher::sortNewestFirst(unmatched);
    VerificationMatcher::applyTo(record, unmatched.constFirst());
    // Linked before the instrument is written: the same transaction (and savepoint) either
    // way. Nothing after this point rejects the change.
    if (Done d = VerificationMatcher::link(store, unmatched, record.id); !d)
        return d.error();
    return record;
}

Outcome<StoredRecord> InstrumentRules::command(RecordStore &, const StoredRecord &current,
                                               const QString &command, const QJsonObject &) const
{
    StoredRecord next = current;
    const QString lifecycle = current.data.value(QStringLiteral("lifecycle")).toString();
    if (command == QLatin1String("moveToHistory")) {
        if (lifecycle == QLatin1String("history"))
            return ApiError::make(409, Msg::CommandNotAllowed, {command, lifecycle});
        next.data.insert(QStringLiteral("lifecycle"), QStringLiteral("history"));
        next.data.insert(QStringLiteral("removedAt"),
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    } else if (command == QLatin1String("restore")) {
        if (lifecycle != QLatin1String("history"))
            return ApiError::make(409, Msg::CommandNotAllowed, {command, lifecycle});
        next.data.insert(QStringLiteral("lifecycle"), QStringLiteral("active"));
        next.data.insert(QStringLiteral("removedAt"), QString());
    } else {
        return ApiError::make(404, Msg::UnknownCommand, {command});
    }
    index(next);
    return next;
}

} // namespace jl::server
