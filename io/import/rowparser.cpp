#include "io/import/rowparser.h"

#include "io/import/cellconversion.h"
#include "io/import/instrumentcolumns.h"
#include "models/domain/instrumentvalidator.h"

#include <algorithm>

namespace jl::io {

namespace F = models::InstrumentField;
using models::Instrument;

RowParser::RowParser(QStringList fields, QStringList titles)
    : m_fields(std::move(fields))
    , m_titles(std::move(titles))
{}

QString RowParser::titleOf(const QString &field) const
{
    const qsizetype at = m_fields.indexOf(field);
    if (at >= 0 && !m_titles.value(at).isEmpty())
        return m_titles.at(at);
    return instrumentcolumns::headerOf(field);
}

RowParser::Parsed RowParser::parse(const SheetRow &row) const
{
    Parsed p;
    Instrument &i = p.instrument;
    bool anything = false;
    for (qsizetype c = 0; c < m_fields.size(); ++c) {
        const QString &field = m_fields.at(c);
        if (field.isEmpty())
            continue;
        const Cell &cell = row.at(c);
        if (cell.kind == CellKind::Error) {
            anything = true;
            p.issues.append(
                {row.number, titleOf(field), CellConversion::formulaError(cell).message});
            continue;
        }
        auto fail = [&](const models::Error &e) {
            p.issues.append({row.number, titleOf(field), e.message});
        };
        const bool blank =
            cell.isEmpty() || (cell.kind == CellKind::Text &&
                               models::InstrumentValidator::trimmed(cell.text).isEmpty());
        if (!blank)
            anything = true;
        auto asText = [&](QString &target) {
            if (auto t = CellConversion::text(cell))
                target = *t;
            else
                fail(t.error());
        };
        auto asDate = [&](QDate &target) {
            if (auto d = CellConversion::date(cell, row.date1904))
                target = *d;
            else
                fail(d.error());
        };
        if (field == QLatin1String(F::SerialNo)) {
            if (auto s = CellConversion::serial(cell))
                i.serialNo = models::InstrumentValidator::normalizedSerial(*s);
            else
                fail(s.error());
        } else if (field == QLatin1String(F::DivisionCode)) {
            if (auto s = CellConversion::serial(cell))
                i.divisionCode = *s;
            else
                fail(s.error());
        } else if (field == QLatin1String(instrumentcolumns::IdField)) {
            asText(i.id);
            continue; // not a field of the record: it names which record
        } else if (field == QLatin1String(F::Name)) {
            asText(i.name);
        } else if (field == QLatin1String(F::Category)) {
            asText(i.category);
        } else if (field == QLatin1String(F::Model)) {
            asText(i.model);
        } else if (field == QLatin1String(F::MeasuringRange)) {
            asText(i.measuringRange);
        } else if (field == QLatin1String(F::AccuracyClass)) {
            asText(i.accuracyClass);
        } else if (field == QLatin1String(F::Manufacturer)) {
            asText(i.manufacturer);
        } else if (field == QLatin1String(F::UserUnit)) {
            asText(i.userUnit);
        } else if (field == QLatin1String(F::InstallLocation)) {
            asText(i.installLocation);
        } else if (field == QLatin1String(F::LastInstitution)) {
            asText(i.lastInstitution);
        } else if (field == QLatin1String(F::Remarks)) {
            asText(i.remarks);
        } else if (field == QLatin1String(F::SiteId)) {
            asText(i.siteId);
        } else if (field == QLatin1String(F::ProductionDate)) {
            asDate(i.productionDate);
        } else if (field == QLatin1String(F::InstallDate)) {
            asDate(i.installDate);
        } else if (field == QLatin1String(F::LastVerificationDate)) {
            asDate(i.lastVerificationDate);
        } else if (field == QLatin1String(F::ValidUntil)) {
            asDate(i.validUntil);
        } else if (field == QLatin1String(F::Status)) {
            if (blank)
                continue; // an empty status keeps the stored one (a new record: 在用)
            if (auto s = CellConversion::status(cell))
                i.status = *s;
            else
                fail(s.error());
        } else if (field == QLatin1String(F::VerificationPeriodMonths)) {
            if (auto m = CellConversion::months(cell))
                i.verificationPeriodMonths = *m;
            else
                fail(m.error());
        } else if (field == QLatin1String(F::VerificationResult)) {
            if (auto r = CellConversion::verificationResult(cell))
                i.verificationResult = *r;
            else
                fail(r.error());
        } else {
            continue;
        }
        if (!p.fields.contains(field))
            p.fields.append(field);
    }
    if (!anything) {
        p.empty = true;
        p.issues.clear();
        return p;
    }
    if (i.serialNo.isEmpty() && !p.fields.isEmpty() &&
        std::none_of(p.issues.cbegin(), p.issues.cend(), [this](const RowIssue &x) {
            return x.column == titleOf(QLatin1String(F::SerialNo));
        }))
        p.issues.append({row.number, titleOf(QLatin1String(F::SerialNo)),
                         tr("The serial number (出厂编号) is empty.")});
    if (i.name.isEmpty() &&
        std::none_of(p.issues.cbegin(), p.issues.cend(), [this](const RowIssue &x) {
            return x.column == titleOf(QLatin1String(F::Name));
        }))
        p.issues.append({row.number, titleOf(QLatin1String(F::Name)),
                         tr("The instrument name (计量器具名称) is empty.")});
    if (p.issues.isEmpty()) {
        // The record's own rules (lengths, dates in order, area code …), on the fields given.
        for (const models::FieldError &e :
             models::InstrumentValidator::validate(models::InstrumentValidator::normalized(i))) {
            if (p.fields.contains(e.field))
                p.issues.append({row.number, titleOf(e.field), e.message});
        }
    }
    return p;
}

} // namespace jl::io
