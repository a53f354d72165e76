#include "io/writer/tablewriter.h"

#include "io/writer/csvtablewriter.h"
#include "io/writer/xlsxtablewriter.h"

#include <QDir>
#include <QFileInfo>

namespace jl::io {

using models::Error;
using models::Result;

Result<std::unique_ptr<TableWriter>>
TableWriter::create(const QString &path, const QList<ColumnSpec> &columns, const QString &sheetName)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0) {
        auto writer = std::make_unique<CsvTableWriter>(path, columns);
        if (auto s = writer->open(); !s)
            return s.error();
        return std::unique_ptr<TableWriter>(std::move(writer));
    }
    auto writer = std::make_unique<XlsxTableWriter>(path, columns, sheetName);
    if (auto s = writer->open(); !s)
        return s.error();
    return std::unique_ptr<TableWriter>(std::move(writer));
}

Error TableWriter::cannotWrite(const QString &path, const QString &detail)
{
    return Error{tr("Cannot write %1. It may be open in Excel or WPS, or the folder may be "
                    "read-only: close the file or choose another place, and try again.")
                     .arg(QDir::toNativeSeparators(path)),
                 detail};
}

double TableWriter::widthOf(const ColumnSpec &column)
{
    if (column.width > 0)
        return column.width;
    // A CJK character is about two Latin ones wide.
    double title = 2;
    for (QChar c : column.title)
        title += c.unicode() > 0x2E80 ? 2.1 : 1.1;
    double floor = 10;
    switch (column.kind) {
    case ColumnKind::Serial:
        floor = 20;
        break;
    case ColumnKind::Date:
        floor = 12;
        break;
    case ColumnKind::Integer:
        floor = 8;
        break;
    case ColumnKind::Text:
        floor = 16;
        break;
    }
    return std::max(title, floor);
}

} // namespace jl::io
