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
{
    m_columns.reserve(m_fields.size());
    for (const QString &field : std::as_const(m_fields)) {
        m_columns.append(columnFor(field));
        const Kind kind = m_columns.constLast().kind;
        if (field.isEmpty() || kind == Kind::Ignored || kind == Kind::Id)
            continue;
        m_given.append(field);
        if (kind != Kind::Status)
            m_givenWithoutStatus.append(field);
    }
}

RowParser::Column RowParser::columnFor(const QString &field)
{
    static const struct {
        const char *field;
        QString Instrument::*member;
    } texts[] = {{F::Name, &Instrument::name},
                 {F::Category, &Instrument::category},
                 {F::Model, &Instrument::model},
                 {F::MeasuringRange, &Instrument::measuringRange},
                 {F::AccuracyClass, &Instrument::accuracyClass},
                 {F::Manufacturer, &Instrument::manufacturer},
                 {F::UserUnit, &Instrument::userUnit},
                 {F::InstallLocation, &Instrument::installLocation},
                 {F::LastInstitution, &Instrument::lastInstitution},
                 {F::Remarks, &Instrument::remarks},
                 {F::SiteId, &Instrument::siteId}};
    static const struct {
        const char *field;
        QDate Instrument::*member;
    } dates[] = {{F::ProductionDate, &Instrument::productionDate},
                 {F::InstallDate, &Instrument::installDate},
                 {F::LastVerificationDate, &Instrument::lastVerificationDate},
                 {F::ValidUntil, &Instrument::validUntil}};
    Column c;
    if (field == QLatin1String(F::SerialNo))
        c.kind = Kind::Serial;
    else if (field == QLatin1String(F::DivisionCode))
        c.kind = Kind::DivisionCode;
    else if (field == QLatin1String(instrumentcolumns::IdField))
        c.kind = Kind::Id;
    else if (field == QLatin1String(F::Status))
        c.kind = Kind::Status;
    else if (field == QLatin1String(F::VerificationPeriodMonths))
        c.kind = Kind::Months;
    else if (field == QLatin1String(F::VerificationResult))
        c.kind = Kind::Result;
    for (const auto &t : texts) {
        if (field == QLatin1String(t.field)) {
            c.kind = Kind::Text;
            c.text = t.member;
        }
    }
    for (const auto &d : dates) {
        if (field == QLatin1String(d.field)) {
            c.kind = Kind::Date;
            c.date = d.member;
        }
    }
    return c;
}

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
    bool statusBlank = false;
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
        const Column &column = m_columns.at(c);
        switch (column.kind) {
        case Kind::Ignored:
            continue;
        case Kind::Serial:
            if (auto s = CellConversion::serial(cell))
                i.serialNo = models::InstrumentValidator::normalizedSerial(*s);
            else
                fail(s.error());
            break;
        case Kind::DivisionCode:
            if (auto s = CellConversion::serial(cell))
                i.divisionCode = *s;
            else
                fail(s.error());
            break;
        case Kind::Id:
            asText(i.id);
            continue; // not a field of the record: it names which record
        case Kind::Text:
            asText(i.*column.text);
            break;
        case Kind::Date:
            asDate(i.*column.date);
            break;
        case Kind::Status:
            if (blank) {
                statusBlank = true;
                continue; // an empty status keeps the stored one (a new record: 在用)
            }
            if (auto s = CellConversion::status(cell))
                i.status = *s;
            else
                fail(s.error());
            break;
        case Kind::Months:
            if (auto m = CellConversion::months(cell))
                i.verificationPeriodMonths = *m;
            else
                fail(m.error());
            break;
        case Kind::Result:
            if (auto r = CellConversion::verificationResult(cell))
                i.verificationResult = *r;
            else
                fail(r.error());
            break;
        }
    }
    // The same list for every row (shared, not built per row); only a blank 器具状态 is left out.
    p.fields = statusBlank ? m_givenWithoutStatus : m_given;
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
