#include "io/sheet/sheetreader.h"

#include "io/sheet/csvreader.h"
#include "io/sheet/xlsreader.h"
#include "io/sheet/xlsxreader.h"

#include <QFile>
#include <QFileInfo>

namespace jl::io {

using models::Error;
using models::Result;
using models::Status;

Result<SheetFormat> SheetReader::detectFormat(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()),
                     path};
    const QByteArray head = file.read(8);
    if (head.startsWith("PK"))
        return SheetFormat::Xlsx;
    if (head.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return SheetFormat::Xls;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("xls"))
        return Error{tr("%1 is not an Excel workbook (it may be damaged, or another kind of "
                        "file renamed). Open it in Excel or WPS, save it as .xlsx and retry.")
                         .arg(QFileInfo(path).fileName()),
                     path};
    return SheetFormat::Csv;
}

Status SheetReader::read(const QString &path, const RowSink &sink, const ReadOptions &options)
{
    auto format = detectFormat(path);
    if (!format)
        return format.error();
    switch (*format) {
    case SheetFormat::Xlsx:
        return XlsxReader::read(path, sink, options);
    case SheetFormat::Xls:
        return XlsReader::read(path, sink, options);
    case SheetFormat::Csv:
        return CsvReader::read(path, sink, options);
    }
    return {};
}

Error SheetReader::cancelledError()
{
    return Error{tr("Cancelled; nothing was imported."), QStringLiteral("cancelled")};
}

Error SheetReader::tooLarge(const QString &path)
{
    return Error{tr("%1 is larger than any instrument list; it was not read.")
                     .arg(QFileInfo(path).fileName()),
                 path};
}

Error SheetReader::cellTooLong(int row, int column)
{
    if (row <= 0)
        return Error{tr("A cell holds more than %1 characters, more than Excel allows; the file "
                        "was not read.")
                         .arg(MaxCellLength),
                     {}};
    return Error{tr("Cell %1%2 holds more than %3 characters, more than Excel allows; the file "
                    "was not read.")
                     .arg(columnName(column))
                     .arg(row)
                     .arg(MaxCellLength),
                 {}};
}

Error SheetReader::outOfBounds(int row, int column)
{
    return Error{tr("The sheet goes beyond Excel's limits (%1 rows, %2 columns): row %3, column "
                    "%4. The file was not read.")
                     .arg(MaxRows)
                     .arg(MaxColumns)
                     .arg(row)
                     .arg(column + 1),
                 {}};
}

QString SheetReader::columnName(int column)
{
    QString name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        name.prepend(QChar(char16_t(u'A' + (c - 1) % 26)));
    return name;
}

} // namespace jl::io
