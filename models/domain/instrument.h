#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace jl::models {

enum class InstrumentStatus { InUse, Suspended, Scrapped };
enum class VerificationResult { None, Pass, Fail };
enum class Lifecycle { Active, History };

// One physical measuring instrument (domain.md §3). Dates are local dates in Asia/Shanghai;
// the serial number is text, never a number.
struct Instrument {
    QString id; // UUID without braces, made by whoever creates the record
    qint64 rev = 0;
    QDateTime updatedAt;
    bool deleted = false;

    QString serialNo;
    QString name;
    QString category;
    QString model;
    QString measuringRange;
    QString accuracyClass;
    QString manufacturer;
    QDate productionDate;
    QString userUnit;
    QString installLocation;
    QString divisionCode; // street level (9 digits, or 12 with the trailing 000)
    QDate installDate;
    InstrumentStatus status = InstrumentStatus::InUse;
    int verificationPeriodMonths = 0; // 0 = not set
    VerificationResult verificationResult = VerificationResult::None;
    QDate lastVerificationDate;
    QDate validUntil;
    QString lastInstitution;
    QString siteId;
    QString remarks;
    Lifecycle lifecycle = Lifecycle::Active;
    QDateTime removedAt;

    friend bool operator==(const Instrument &, const Instrument &) = default;
};

// Stable wire/database names of every editable field, in display order.
namespace InstrumentField {
inline constexpr auto SerialNo = "serialNo";
inline constexpr auto Name = "name";
inline constexpr auto Category = "category";
inline constexpr auto Model = "model";
inline constexpr auto MeasuringRange = "measuringRange";
inline constexpr auto AccuracyClass = "accuracyClass";
inline constexpr auto Manufacturer = "manufacturer";
inline constexpr auto ProductionDate = "productionDate";
inline constexpr auto UserUnit = "userUnit";
inline constexpr auto InstallLocation = "installLocation";
inline constexpr auto DivisionCode = "divisionCode";
inline constexpr auto InstallDate = "installDate";
inline constexpr auto Status = "status";
inline constexpr auto VerificationPeriodMonths = "verificationPeriodMonths";
inline constexpr auto VerificationResult = "verificationResult";
inline constexpr auto LastVerificationDate = "lastVerificationDate";
inline constexpr auto ValidUntil = "validUntil";
inline constexpr auto LastInstitution = "lastInstitution";
inline constexpr auto SiteId = "siteId";
inline constexpr auto Remarks = "remarks";
} // namespace InstrumentField

// Every editable field's wire name, in the order of the web form.
QStringList instrumentFields();

QString toWire(InstrumentStatus s);
QString toWire(VerificationResult r);
QString toWire(Lifecycle l);
InstrumentStatus instrumentStatusFromWire(const QString &s);
VerificationResult verificationResultFromWire(const QString &s);
Lifecycle lifecycleFromWire(const QString &s);

// Translated labels (在用, 合格 …), for the UI and exports.
QString displayName(InstrumentStatus s);
QString displayName(VerificationResult r);
QString displayName(Lifecycle l);

// The record as the sync payload / audit snapshot: wire names, ISO dates, empty = absent.
QJsonObject toJson(const Instrument &instrument);
Instrument instrumentFromJson(const QJsonObject &json);

} // namespace jl::models
