#include "models/store/instrumentcollection.h"

#include "models/domain/instrument.h"
#include "models/domain/instrumentvalidator.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"

namespace jl::models {

namespace {
const QString LifecycleField = QStringLiteral("lifecycle");
}

QString InstrumentCollection::name() const
{
    return QStringLiteral("instrument");
}

QString InstrumentCollection::title() const
{
    return tr("Instrument");
}

QStringList InstrumentCollection::fields() const
{
    // Moving to history on one side and editing on the other conflicts on the library.
    return instrumentFields() << LifecycleField;
}

QString InstrumentCollection::fieldLabel(const QString &field) const
{
    if (field == LifecycleField)
        return tr("Library");
    return InstrumentValidator::fieldLabel(field);
}

QString InstrumentCollection::displayValue(const QString &field, const QJsonValue &value) const
{
    namespace F = InstrumentField;
    const QString text = value.toString();
    if (field == QLatin1String(F::Status))
        return displayName(instrumentStatusFromWire(text));
    if (field == QLatin1String(F::VerificationResult))
        return displayName(verificationResultFromWire(text));
    if (field == LifecycleField)
        return displayName(lifecycleFromWire(text));
    if (field == QLatin1String(F::VerificationPeriodMonths))
        return value.toInt() > 0 ? QString::number(value.toInt()) : QString();
    return LocalCollection::displayValue(field, value);
}

QString InstrumentCollection::describe(const QJsonObject &data) const
{
    const QString serial = data.value(QLatin1String(InstrumentField::SerialNo)).toString();
    const QString name = data.value(QLatin1String(InstrumentField::Name)).toString();
    return QString(serial + QLatin1Char(' ') + name).trimmed();
}

Result<std::optional<LocalRecord>> InstrumentCollection::read(Database &db, const QString &id) const
{
    auto q = db.exec(
        QStringLiteral("store.instrument.read"),
        QStringLiteral("SELECT %1 FROM instrument WHERE id = ?").arg(instrumentrow::columns()),
        QVariantList{id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<LocalRecord>();
    const Instrument i = instrumentrow::fromQuery(q.value());
    return std::optional<LocalRecord>(LocalRecord{toJson(i), i.rev, i.deleted});
}

Status InstrumentCollection::write(Database &db, const QString &id, const LocalRecord &record) const
{
    Instrument i = instrumentFromJson(record.data);
    i.id = id;
    i.rev = record.rev;
    i.deleted = record.deleted;
    i.updatedAt = QDateTime::currentDateTimeUtc();
    auto q = db.exec(QStringLiteral("store.instrument.write"), instrumentrow::upsertSql(),
                     instrumentrow::values(i));
    return q ? Status{} : Status{q.error()};
}

Status InstrumentCollection::erase(Database &db, const QString &id) const
{
    auto q = db.exec(QStringLiteral("store.instrument.write"),
                     QStringLiteral("DELETE FROM instrument WHERE id = ?"), QVariantList{id});
    return q ? Status{} : Status{q.error()};
}

} // namespace jl::models
