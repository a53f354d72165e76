#include "io/sheet/csvreader.h"

#include "io/sheet/sheetreader.h"
#include "io/sheet/textdecoding.h"

#include <QFile>
#include <QFileInfo>

namespace jl::io {

using models::Error;
using models::Status;

Status CsvReader::read(const QString &path, const RowSink &sink, const ReadOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()),
                     path};
    if (file.size() > options.limits.maxCsvBytes)
        return SheetReader::tooLarge(path);
    const QByteArray bytes = file.readAll();
    std::optional<QString> text = textdecoding::utf8(bytes);
    if (!text)
        text = textdecoding::gb18030(bytes);
    if (!text)
        return Error{tr("%1 is neither UTF-8 nor GBK/GB18030 text. Save it from Excel or WPS as "
                        "\"CSV UTF-8\" and retry.")
                         .arg(QFileInfo(path).fileName()),
                     path};
    return parse(*text, sink, options);
}

Status CsvReader::parse(QStringView text, const RowSink &sink, const ReadOptions &options)
{
    SheetRow row;
    row.number = 1;
    QString field;
    bool quoted = false;     // inside a quoted field
    bool wasQuoted = false;  // the current field started with a quote
    bool rowHasData = false; // a line with nothing at all is still a record
    auto endField = [&]() -> Status {
        if (field.size() > MaxCellLength)
            return SheetReader::cellTooLong(row.number, int(row.cells.size()));
        if (row.cells.size() >= MaxColumns)
            return SheetReader::outOfBounds(row.number, int(row.cells.size()));
        Cell cell;
        if (!field.isEmpty()) {
            cell.kind = CellKind::Text;
            cell.text = field;
        }
        row.cells.append(cell);
        field.clear();
        wasQuoted = false;
        return {};
    };
    auto endRow = [&]() -> Status {
        if (Status s = endField(); !s)
            return s;
        while (!row.cells.isEmpty() && row.cells.constLast().isEmpty())
            row.cells.removeLast();
        if (Status s = sink(row); !s)
            return s;
        if ((row.number & 0x3FF) == 0 && options.cancelled())
            return SheetReader::cancelledError();
        if (row.number >= MaxRows)
            return SheetReader::outOfBounds(row.number + 1, 0);
        ++row.number;
        row.cells.clear();
        rowHasData = false;
        return {};
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
            rowHasData = true;
        } else if (c == QLatin1Char(',')) {
            rowHasData = true;
            if (Status s = endField(); !s)
                return s;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (Status s = endRow(); !s)
                return s;
            if (options.progress && (row.number & 0x3FF) == 0)
                options.progress(double(i) / double(n));
        } else {
            field += c; // a stray quote inside an unquoted field is kept as written
            rowHasData = true;
        }
    }
    if (quoted)
        return Error{tr("Record %1 opens a quoted field that is never closed; the file is cut "
                        "off or not a CSV file.")
                         .arg(row.number),
                     {}};
    if (rowHasData || !field.isEmpty())
        return endRow();
    return {};
}

} // namespace jl::io
