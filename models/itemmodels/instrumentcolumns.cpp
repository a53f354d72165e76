#include "models/itemmodels/instrumentcolumns.h"

#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/instrumentfilter.h"
#include "models/itemmodels/instrumenttablemodel.h"

#include <QBrush>
#include <QColor>
#include <QTimeZone>

#include <iterator>

namespace jl::models {

namespace {

using C = InstrumentTableModel::Column;

// Plain columns sort by themselves; nullptr marks the computed ones (see sortSql).
const char *const SortColumns[] = {
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
    "install_date",
    nullptr, // Status
    "verification_period_months",
    nullptr, // VerificationResult
    "last_verification_date",
    "valid_until",
    "last_institution",
    nullptr, // Warning
    nullptr, // Completeness
    "removed_at",
};
static_assert(std::size(SortColumns) == C::ColumnCount);

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString isoDate(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString timeText(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    // China has no DST: a fixed UTC+8 when the zone database lacks Asia/Shanghai.
    const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    const QDateTime local = zone.isValid() ? t.toTimeZone(zone) : t.toOffsetFromUtc(8 * 3600);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// The light row tint of ui.md: the label colour at 12% over white.
QColor tint(const QColor &c)
{
    const auto mix = [](int v) {
        return 255 - (255 - v) * 12 / 100;
    };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

int statusOrder(InstrumentStatus s)
{
    return int(s);
}
int resultOrder(VerificationResult r)
{
    return int(r);
}

} // namespace

QString InstrumentColumns::header(int column)
{
    switch (column) {
    case C::SerialNo:
        return tr("Serial No.");
    case C::Name:
        return tr("Instrument name");
    case C::Category:
        return tr("Category");
    case C::Model:
        return tr("Model");
    case C::MeasuringRange:
        return tr("Measuring range");
    case C::AccuracyClass:
        return tr("Accuracy class");
    case C::Manufacturer:
        return tr("Manufacturer");
    case C::ProductionDate:
        return tr("Production date");
    case C::UserUnit:
        return tr("User unit");
    case C::InstallLocation:
        return tr("Installation address");
    case C::InstallDate:
        return tr("Installation date");
    case C::Status:
        return tr("Status");
    case C::VerificationPeriod:
        return tr("Verification period (months)");
    case C::VerificationResult:
        return tr("Verification result");
    case C::LastVerificationDate:
        return tr("Last verification date");
    case C::ValidUntil:
        return tr("Valid until");
    case C::LastInstitution:
        return tr("Last verification institution");
    case C::Warning:
        return tr("Warning level");
    case C::Completeness:
        return tr("Completeness");
    case C::RemovedAt:
        return tr("Removed at");
    default:
        return {};
    }
}

QVariant InstrumentColumns::display(const Cell &cell, int column)
{
    const Instrument &i = cell.instrument;
    switch (column) {
    case C::SerialNo:
        return i.serialNo;
    case C::Name:
        return i.name;
    case C::Category:
        return i.category;
    case C::Model:
        return i.model;
    case C::MeasuringRange:
        return i.measuringRange;
    case C::AccuracyClass:
        return i.accuracyClass;
    case C::Manufacturer:
        return i.manufacturer;
    case C::ProductionDate:
        return dateText(i.productionDate);
    case C::UserUnit:
        return i.userUnit;
    case C::InstallLocation:
        return i.installLocation;
    case C::InstallDate:
        return dateText(i.installDate);
    case C::Status:
        return displayName(i.status);
    case C::VerificationPeriod:
        return i.verificationPeriodMonths > 0 ? QVariant(i.verificationPeriodMonths) : QVariant();
    case C::VerificationResult:
        return displayName(i.verificationResult);
    case C::LastVerificationDate:
        return dateText(i.lastVerificationDate);
    case C::ValidUntil:
        return dateText(i.validUntil);
    case C::LastInstitution:
        return i.lastInstitution;
    case C::Warning:
        return displayName(cell.level);
    case C::Completeness:
        return cell.complete ? tr("Complete") : tr("Incomplete");
    case C::RemovedAt:
        return timeText(i.removedAt);
    default:
        return {};
    }
}

QVariant InstrumentColumns::data(const Cell &cell, int column, int role, QDate today)
{
    switch (role) {
    case Qt::DisplayRole:
        return display(cell, column);
    case Qt::ToolTipRole:
        if (column == C::Warning)
            return warningToolTip(cell, today);
        if (column == C::Completeness)
            return completenessToolTip(cell);
        return {};
    case Qt::ForegroundRole:
        // The label carries the meaning; the colour only repeats it (ui.md: never colour alone).
        if (column == C::Warning && cell.level != WarningLevel::None)
            return QBrush(QColor(colorName(cell.level)));
        return {};
    case Qt::BackgroundRole:
        if (cell.level != WarningLevel::None)
            return QBrush(tint(QColor(colorName(cell.level))));
        return {};
    default:
        return {};
    }
}

QVariant InstrumentColumns::sortKey(const Cell &cell, int column)
{
    const Instrument &i = cell.instrument;
    switch (column) {
    case C::ProductionDate:
        return isoDate(i.productionDate);
    case C::InstallDate:
        return isoDate(i.installDate);
    case C::Status:
        return statusOrder(i.status);
    case C::VerificationPeriod:
        return i.verificationPeriodMonths;
    case C::VerificationResult:
        return resultOrder(i.verificationResult);
    case C::LastVerificationDate:
        return isoDate(i.lastVerificationDate);
    case C::ValidUntil:
        return isoDate(i.validUntil);
    case C::Warning:
        return int(cell.level);
    case C::Completeness:
        return cell.complete ? 1 : 0;
    case C::RemovedAt:
        return i.removedAt.isValid() ? i.removedAt.toUTC().toString(Qt::ISODateWithMs) : QString();
    default:
        return display(cell, column);
    }
}

QString InstrumentColumns::sortSql(int column)
{
    // Enumerations sort in their declared order (as sortKey), not by their wire text.
    switch (column) {
    case C::Status:
        return QStringLiteral(
            "(CASE status WHEN 'inUse' THEN 0 WHEN 'suspended' THEN 1 ELSE 2 END)");
    case C::VerificationResult:
        return QStringLiteral(
            "(CASE verification_result WHEN 'pass' THEN 1 WHEN 'fail' THEN 2 ELSE 0 END)");
    case C::Warning:
        return warningLevelSql();
    case C::Completeness:
        return instrumentCompleteSql();
    default:
        break;
    }
    if (column < 0 || column >= C::ColumnCount || !SortColumns[column])
        return QStringLiteral("serial_no");
    return QLatin1String(SortColumns[column]);
}

bool InstrumentColumns::sortNeedsWarningBinds(int column)
{
    return column == C::Warning;
}

QString InstrumentColumns::warningToolTip(const Cell &cell, QDate today)
{
    const Instrument &i = cell.instrument;
    if (i.lifecycle != Lifecycle::Active || i.status != InstrumentStatus::InUse)
        return {};
    if (i.verificationResult == VerificationResult::Fail)
        return tr("Failed its last verification: it must not be used until it passes.");
    if (!i.validUntil.isValid())
        return tr("No verification record: have it verified before use.");
    const qint64 days = today.daysTo(i.validUntil);
    if (days < 0)
        return tr("Expired on %1, %n day(s) ago.", nullptr, int(-days)).arg(dateText(i.validUntil));
    if (days == 0)
        return tr("Expires today (%1).").arg(dateText(i.validUntil));
    return tr("Valid until %1: %n day(s) left.", nullptr, int(days)).arg(dateText(i.validUntil));
}

QString InstrumentColumns::completenessToolTip(const Cell &cell)
{
    if (cell.complete)
        return {};
    QStringList labels;
    const QStringList missing = InstrumentValidator::missingForComplete(cell.instrument);
    for (const QString &field : missing)
        labels.append(InstrumentValidator::fieldLabel(field));
    return tr("Missing: %1").arg(labels.join(tr(", ")));
}

} // namespace jl::models
