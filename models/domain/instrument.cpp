#include "models/domain/instrument.h"

#include <QCoreApplication>

namespace jl::models {

namespace {

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QDate dateFrom(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

} // namespace

QStringList instrumentFields()
{
    namespace F = InstrumentField;
    QStringList fields;
    for (const char *f : {F::SerialNo,
                          F::Name,
                          F::Category,
                          F::Model,
                          F::MeasuringRange,
                          F::AccuracyClass,
                          F::Manufacturer,
                          F::ProductionDate,
                          F::UserUnit,
                          F::InstallLocation,
                          F::DivisionCode,
                          F::InstallDate,
                          F::Status,
                          F::VerificationPeriodMonths,
                          F::VerificationResult,
                          F::LastVerificationDate,
                          F::ValidUntil,
                          F::LastInstitution,
                          F::SiteId,
                          F::Remarks})
        fields.append(QLatin1String(f));
    return fields;
}

QString toWire(InstrumentStatus s)
{
    switch (s) {
    case InstrumentStatus::InUse:
        return QStringLiteral("inUse");
    case InstrumentStatus::Suspended:
        return QStringLiteral("suspended");
    case InstrumentStatus::Scrapped:
        return QStringLiteral("scrapped");
    }
    return QStringLiteral("inUse");
}

QString toWire(VerificationResult r)
{
    switch (r) {
    case VerificationResult::None:
        return QStringLiteral("none");
    case VerificationResult::Pass:
        return QStringLiteral("pass");
    case VerificationResult::Fail:
        return QStringLiteral("fail");
    }
    return QStringLiteral("none");
}

QString toWire(Lifecycle l)
{
    return l == Lifecycle::History ? QStringLiteral("history") : QStringLiteral("active");
}

InstrumentStatus instrumentStatusFromWire(const QString &s)
{
    if (s == QLatin1String("suspended"))
        return InstrumentStatus::Suspended;
    if (s == QLatin1String("scrapped"))
        return InstrumentStatus::Scrapped;
    return InstrumentStatus::InUse;
}

VerificationResult verificationResultFromWire(const QString &s)
{
    if (s == QLatin1String("pass"))
        return VerificationResult::Pass;
    if (s == QLatin1String("fail"))
        return VerificationResult::Fail;
    return VerificationResult::None;
}

Lifecycle lifecycleFromWire(const QString &s)
{
    return s == QLatin1String("history") ? Lifecycle::History : Lifecycle::Active;
}

QString displayName(InstrumentStatus s)
{
    switch (s) {
    case InstrumentStatus::InUse:
        return QCoreApplication::translate("Instrument", "In use");
    case InstrumentStatus::Suspended:
        return QCoreApplication::translate("Instrument", "Suspended");
    case InstrumentStatus::Scrapped:
        return QCoreApplication::translate("Instrument", "Scrapped");
    }
    return {};
}

QString displayName(VerificationResult r)
{
    switch (r) {
    case VerificationResult::None:
        return QCoreApplication::translate("Instrument", "None");
    case VerificationResult::Pass:
        return QCoreApplication::translate("Instrument", "Pass");
    case VerificationResult::Fail:
        return QCoreApplication::translate("Instrument", "Fail");
    }
    return {};
}

QString displayName(Lifecycle l)
{
    return l == Lifecycle::History ? QCoreApplication::translate("Instrument", "History")
                                   : QCoreApplication::translate("Instrument", "Active");
}

QJsonObject toJson(const Instrument &i)
{
    namespace F = InstrumentField;
    QJsonObject o;
    o.insert(QStringLiteral("id"), i.id);
    o.insert(QLatin1String(F::SerialNo), i.serialNo);
    o.insert(QLatin1String(F::Name), i.name);
    o.insert(QLatin1String(F::Category), i.category);
    o.insert(QLatin1String(F::Model), i.model);
    o.insert(QLatin1String(F::MeasuringRange), i.measuringRange);
    o.insert(QLatin1String(F::AccuracyClass), i.accuracyClass);
    o.insert(QLatin1String(F::Manufacturer), i.manufacturer);
    o.insert(QLatin1String(F::ProductionDate), dateText(i.productionDate));
    o.insert(QLatin1String(F::UserUnit), i.userUnit);
    o.insert(QLatin1String(F::InstallLocation), i.installLocation);
    o.insert(QLatin1String(F::DivisionCode), i.divisionCode);
    o.insert(QLatin1String(F::InstallDate), dateText(i.installDate));
    o.insert(QLatin1String(F::Status), toWire(i.status));
    o.insert(QLatin1String(F::VerificationPeriodMonths), i.verificationPeriodMonths);
    o.insert(QLatin1String(F::VerificationResult), toWire(i.verificationResult));
    o.insert(QLatin1String(F::LastVerificationDate), dateText(i.lastVerificationDate));
    o.insert(QLatin1String(F::ValidUntil), dateText(i.validUntil));
    o.insert(QLatin1String(F::LastInstitution), i.lastInstitution);
    o.insert(QLatin1String(F::SiteId), i.siteId);
    o.insert(QLatin1String(F::Remarks), i.remarks);
    o.insert(QStringLiteral("lifecycle"), toWire(i.lifecycle));
    o.insert(QStringLiteral("removedAt"),
             i.removedAt.isValid() ? i.removedAt.toUTC().toString(Qt::ISODateWithMs) : QString());
    return o;
}

Instrument instrumentFromJson(const QJsonObject &o)
{
    namespace F = InstrumentField;
    auto text = [&o](const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    Instrument i;
    i.id = o.value(QStringLiteral("id")).toString();
    i.serialNo = text(F::SerialNo);
    i.name = text(F::Name);
    i.category = text(F::Category);
    i.model = text(F::Model);
    i.measuringRange = text(F::MeasuringRange);
    i.accuracyClass = text(F::AccuracyClass);
    i.manufacturer = text(F::Manufacturer);
    i.productionDate = dateFrom(o.value(QLatin1String(F::ProductionDate)));
    i.userUnit = text(F::UserUnit);
    i.installLocation = text(F::InstallLocation);
    i.divisionCode = text(F::DivisionCode);
    i.installDate = dateFrom(o.value(QLatin1String(F::InstallDate)));
    i.status = instrumentStatusFromWire(text(F::Status));
    i.verificationPeriodMonths = o.value(QLatin1String(F::VerificationPeriodMonths)).toInt();
    i.verificationResult = verificationResultFromWire(text(F::VerificationResult));
    i.lastVerificationDate = dateFrom(o.value(QLatin1String(F::LastVerificationDate)));
    i.validUntil = dateFrom(o.value(QLatin1String(F::ValidUntil)));
    i.lastInstitution = text(F::LastInstitution);
    i.siteId = text(F::SiteId);
    i.remarks = text(F::Remarks);
    i.lifecycle = lifecycleFromWire(o.value(QStringLiteral("lifecycle")).toString());
    const QString removed = o.value(QStringLiteral("removedAt")).toString();
    if (!removed.isEmpty())
        i.removedAt = QDateTime::fromString(removed, Qt::ISODateWithMs);
    return i;
}

} // namespace jl::models
