#include "io/import/instrumentexport.h"

#include "io/import/instrumentcolumns.h"
#include "io/sheet/sheetreader.h"

namespace jl::io {

namespace F = models::InstrumentField;
using models::Instrument;
using models::Status;

namespace {

QString statusText(models::InstrumentStatus s)
{
    switch (s) {
    case models::InstrumentStatus::InUse:
        return QStringLiteral("在用");
    case models::InstrumentStatus::Suspended:
        return QStringLiteral("停用");
    case models::InstrumentStatus::Scrapped:
        return QStringLiteral("报废");
    }
    return {};
}

QString resultText(models::VerificationResult r)
{
    switch (r) {
    case models::VerificationResult::None:
        return QString();
    case models::VerificationResult::Pass:
        return QStringLiteral("合格");
    case models::VerificationResult::Fail:
        return QStringLiteral("不合格");
    }
    return {};
}

QVariant date(QDate d)
{
    return d.isValid() ? QVariant(d) : QVariant();
}

} // namespace

QVariantList InstrumentExport::rowOf(const Instrument &i)
{
    QVariantList row;
    for (const instrumentcolumns::Column &c : instrumentcolumns::all()) {
        const QString &f = c.field;
        auto is = [&f](const char *name) {
            return f == QLatin1String(name);
        };
        if (is(F::SerialNo))
            row.append(i.serialNo);
        else if (is(F::Name))
            row.append(i.name);
        else if (is(F::Category))
            row.append(i.category);
        else if (is(F::Model))
            row.append(i.model);
        else if (is(F::MeasuringRange))
            row.append(i.measuringRange);
        else if (is(F::AccuracyClass))
            row.append(i.accuracyClass);
        else if (is(F::Manufacturer))
            row.append(i.manufacturer);
        else if (is(F::ProductionDate))
            row.append(date(i.productionDate));
        else if (is(F::UserUnit))
            row.append(i.userUnit);
        else if (is(F::InstallLocation))
            row.append(i.installLocation);
        else if (is(F::DivisionCode))
            row.append(i.divisionCode);
        else if (is(F::InstallDate))
            row.append(date(i.installDate));
        else if (is(F::Status))
            row.append(statusText(i.status));
        else if (is(F::VerificationPeriodMonths))
            row.append(i.verificationPeriodMonths > 0 ? QVariant(i.verificationPeriodMonths)
                                                      : QVariant());
        else if (is(F::VerificationResult))
            row.append(resultText(i.verificationResult));
        else if (is(F::LastVerificationDate))
            row.append(date(i.lastVerificationDate));
        else if (is(F::ValidUntil))
            row.append(date(i.validUntil));
        else if (is(F::LastInstitution))
            row.append(i.lastInstitution);
        else if (is(F::Remarks))
            row.append(i.remarks);
        else if (is(instrumentcolumns::IdField))
            row.append(i.id);
        else
            row.append(QVariant());
    }
    return row;
}

Status InstrumentExport::write(const QString &path, const QList<Instrument> &instruments,
                               const Progress &progress, const std::atomic_bool *cancel)
{
    auto writer =
        TableWriter::create(path, instrumentcolumns::exportSpecs(), QStringLiteral("在用计量器具"));
    if (!writer)
        return writer.error();
    for (qsizetype n = 0; n < instruments.size(); ++n) {
        if (Status s = (*writer)->addRow(rowOf(instruments.at(n))); !s)
            return s;
        if ((n & 0x3FF) == 0) {
            if (cancel && cancel->load())
                return models::Error{tr("Export cancelled; the file was not written."), {}};
            if (progress)
                progress(double(n) / double(instruments.size()));
        }
    }
    return (*writer)->commit();
}

Status InstrumentExport::writeTemplate(const QString &path)
{
    QList<ColumnSpec> specs;
    for (const instrumentcolumns::Column &c : instrumentcolumns::all()) {
        if (c.field == QLatin1String(instrumentcolumns::IdField))
            continue;
        const bool required =
            c.field == QLatin1String(F::SerialNo) || c.field == QLatin1String(F::Name);
        specs.append(ColumnSpec{required ? QLatin1Char('*') + c.header : c.header, c.kind});
    }
    auto writer = TableWriter::create(path, specs, QStringLiteral("导入模板"));
    if (!writer)
        return writer.error();
    Instrument example;
    example.serialNo = QStringLiteral("00012345");
    example.name = QStringLiteral("燃油加油机");
    example.category = QStringLiteral("燃油加油机");
    example.model = QStringLiteral("CS46");
    example.measuringRange = QStringLiteral("(5-50)L/min");
    example.accuracyClass = QStringLiteral("0.3级");
    example.manufacturer = QStringLiteral("某某加油设备有限公司");
    example.productionDate = QDate(2022, 5, 10);
    example.userUnit = QStringLiteral("某某加油站");
    example.installLocation = QStringLiteral("杭州市西湖区文三路1号");
    example.divisionCode = QStringLiteral("330106001");
    example.installDate = QDate(2022, 6, 1);
    example.verificationPeriodMonths = 6;
    example.remarks = QStringLiteral("示例行，导入前请删除");
    QVariantList row = rowOf(example);
    row.removeLast(); // no id column in the template
    if (Status s = (*writer)->addRow(row); !s)
        return s;
    return (*writer)->commit();
}

Status InstrumentExport::writeReport(const QString &path, const ImportReport &report)
{
    const QList<ColumnSpec> specs{{tr("Row"), ColumnKind::Integer, 8},
                                  {tr("Column"), ColumnKind::Text, 18},
                                  {tr("Reason"), ColumnKind::Text, 80}};
    auto writer = TableWriter::create(path, specs, tr("Import report"));
    if (!writer)
        return writer.error();
    for (const RowIssue &i : report.issues) {
        if (Status s = (*writer)->addRow({i.row, i.column, i.reason}); !s)
            return s;
    }
    return (*writer)->commit();
}

} // namespace jl::io
