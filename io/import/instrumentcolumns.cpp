#include "io/import/instrumentcolumns.h"

#include "models/domain/instrument.h"

#include <QHash>

namespace jl::io::instrumentcolumns {

namespace F = models::InstrumentField;

namespace {

Column column(const char *field, const char *header, ColumnKind kind = ColumnKind::Text,
              std::initializer_list<const char *> aliases = {})
{
    Column c{QLatin1String(field), QString::fromUtf8(header), {}, kind};
    for (const char *a : aliases)
        c.aliases.append(QString::fromUtf8(a));
    return c;
}

QHash<QString, QString> buildIndex()
{
    QHash<QString, QString> index;
    for (const Column &c : all()) {
        index.insert(normalizedHeader(c.header), c.field);
        for (const QString &a : c.aliases)
            index.insert(normalizedHeader(a), c.field);
    }
    return index;
}

} // namespace

const QList<Column> &all()
{
    static const QList<Column> columns{
        column(F::SerialNo, "出厂编号", ColumnKind::Serial, {"出厂号", "器具编号"}),
        column(F::Name, "计量器具名称", ColumnKind::Text, {"器具名称"}),
        column(F::Category, "器具类别", ColumnKind::Text, {"计量器具类别", "类别"}),
        column(F::Model, "规格型号", ColumnKind::Text, {"型号", "规格"}),
        column(F::MeasuringRange, "测量范围"),
        column(F::AccuracyClass, "准确度等级", ColumnKind::Text, {"准确度", "精度等级"}),
        column(F::Manufacturer, "制造单位", ColumnKind::Text, {"生产厂家", "制造厂", "生产单位"}),
        column(F::ProductionDate, "生产日期", ColumnKind::Date, {"出厂日期"}),
        column(F::UserUnit, "使用单位名称", ColumnKind::Text, {"使用单位"}),
        column(F::InstallLocation, "安装地点", ColumnKind::Text, {"器具安装地点", "安装地址"}),
        column(F::DivisionCode, "区划代码", ColumnKind::Serial, {"行政区划代码", "安装区域代码"}),
        column(F::InstallDate, "安装日期", ColumnKind::Date),
        column(F::Status, "器具状态", ColumnKind::Text, {"状态"}),
        column(F::VerificationPeriodMonths, "检定周期(月)", ColumnKind::Integer, {"检定周期"}),
        column(F::VerificationResult, "检定结果"),
        column(F::LastVerificationDate, "检定日期", ColumnKind::Date,
               {"上次检定日期", "最近检定日期"}),
        column(F::ValidUntil, "有效日期", ColumnKind::Date, {"有效期至", "有效期"}),
        column(F::LastInstitution, "上次检定机构", ColumnKind::Text, {"检定机构"}),
        column(F::Remarks, "备注"),
        column(IdField, "记录ID", ColumnKind::Text, {"ID"}),
    };
    return columns;
}

QString normalizedHeader(const QString &header)
{
    QString out;
    out.reserve(header.size());
    for (QChar c : header) {
        switch (c.unicode()) {
        case u' ':
        case u'\t':
        case u'\r':
        case u'\n':
        case 0x3000:
        case 0x00A0:
            break; // spaces anywhere: "检定 周期" is still 检定周期
        case 0xFF08:
            out += QLatin1Char('(');
            break;
        case 0xFF09:
            out += QLatin1Char(')');
            break;
        default:
            out += c;
        }
    }
    while (out.startsWith(QLatin1Char('*')) || out.startsWith(QChar(0xFF0A)))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('*')) || out.endsWith(QChar(0xFF0A)))
        out.chop(1);
    return out.toUpper();
}

QString fieldForHeader(const QString &header)
{
    static const QHash<QString, QString> index = buildIndex();
    return index.value(normalizedHeader(header));
}

QString headerOf(const QString &field)
{
    for (const Column &c : all()) {
        if (c.field == field)
            return c.header;
    }
    return field;
}

QList<ColumnSpec> exportSpecs()
{
    QList<ColumnSpec> specs;
    for (const Column &c : all())
        specs.append(ColumnSpec{c.header, c.kind, 0, c.field == QLatin1String(IdField)});
    return specs;
}

} // namespace jl::io::instrumentcolumns
