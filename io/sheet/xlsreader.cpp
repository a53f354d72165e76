#include "io/sheet/xlsreader.h"

#include "io/sheet/numberformat.h"
#include "io/sheet/sheetreader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <freexl.h>

#include <memory>

namespace jl::io {

using models::Error;
using models::Status;

namespace {

struct Handle {
    const void *xls = nullptr;
    ~Handle()
    {
        if (xls)
            freexl_close(xls);
    }
};

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() > 127)
            return false;
    }
    return true;
}

Cell toCell(const FreeXL_CellValue &v)
{
    Cell cell;
    switch (v.type) {
    case FREEXL_CELL_INT:
        cell.kind = CellKind::Number;
        cell.number = v.value.int_value;
        break;
    case FREEXL_CELL_DOUBLE:
        cell.kind = CellKind::Number;
        cell.number = v.value.double_value;
        break;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
        if (v.value.text_value && *v.value.text_value) {
            cell.kind = CellKind::Text;
            cell.text = QString::fromUtf8(v.value.text_value);
        }
        break;
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
        cell.kind = CellKind::Date;
        cell.date =
            QDate::fromString(QString::fromLatin1(v.value.text_value).left(10), Qt::ISODate);
        cell.number = cell.date.isValid() ? numberformat::dateToSerial(cell.date) : 0;
        break;
    case FREEXL_CELL_TIME:
        cell.kind = CellKind::Text;
        cell.text = QString::fromLatin1(v.value.text_value);
        break;
    default:
        break;
    }
    return cell;
}

} // namespace

Status XlsReader::read(const QString &path, const RowSink &sink, const ReadOptions &options)
{
    QString openPath = path;
    std::unique_ptr<QTemporaryFile> copy;
#ifdef Q_OS_WIN
    // freexl opens by char* in the ANSI code page: a Chinese path would not survive.
    if (!isAscii(path)) {
        copy = std::make_unique<QTemporaryFile>();
        QFile source(path);
        if (!copy->open() || !source.open(QIODevice::ReadOnly) ||
            copy->write(source.readAll()) < 0 || !copy->flush())
            return Error{
                tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), source.errorString()),
                path};
        copy->close();
        openPath = copy->fileName();
    }
#endif
    Q_UNUSED(isAscii);
    Handle handle;
    const int opened = freexl_open(QFile::encodeName(openPath).constData(), &handle.xls);
    if (opened != FREEXL_OK)
        return Error{tr("%1 is not a readable Excel 97–2003 workbook (.xls), or it is damaged "
                        "or password-protected. Open it in Excel or WPS, save it as .xlsx and "
                        "retry.")
                         .arg(QFileInfo(path).fileName()),
                     QStringLiteral("freexl_open %1").arg(opened)};
    unsigned int protection = 0;
    if (freexl_get_info(handle.xls, FREEXL_BIFF_PASSWORD, &protection) == FREEXL_OK &&
        protection == FREEXL_BIFF_OBFUSCATED)
        return Error{tr("The file is protected by a password. Remove the password in Excel or "
                        "WPS and import again."),
                     path};
    if (freexl_select_active_worksheet(handle.xls, 0) != FREEXL_OK)
        return Error{tr("%1 has no worksheet.").arg(QFileInfo(path).fileName()), path};
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_worksheet_dimensions(handle.xls, &rows, &columns) != FREEXL_OK)
        return Error{tr("%1 has no worksheet.").arg(QFileInfo(path).fileName()), path};
    if (rows > unsigned(MaxRows) || columns > MaxColumns)
        return SheetReader::outOfBounds(int(std::min<unsigned>(rows, INT_MAX)), columns);
    SheetRow row;
    for (unsigned int r = 0; r < rows; ++r) {
        row.number = int(r + 1);
        row.cells.clear();
        for (unsigned short c = 0; c < columns; ++c) {
            FreeXL_CellValue value;
            if (freexl_get_cell_value(handle.xls, r, c, &value) != FREEXL_OK)
                return Error{tr("%1 is damaged (cell %2%3 cannot be read).")
                                 .arg(QFileInfo(path).fileName(), SheetReader::columnName(c))
                                 .arg(r + 1),
                             {}};
            Cell cell = toCell(value);
            if (cell.text.size() > MaxCellLength)
                return SheetReader::cellTooLong(int(r + 1), c);
            row.cells.append(std::move(cell));
        }
        while (!row.cells.isEmpty() && row.cells.constLast().isEmpty())
            row.cells.removeLast();
        if (Status s = sink(row); !s)
            return s;
        if ((r & 0x3FF) == 0) {
            if (options.cancelled())
                return SheetReader::cancelledError();
            if (options.progress)
                options.progress(double(r) / rows);
        }
    }
    return {};
}

} // namespace jl::io
