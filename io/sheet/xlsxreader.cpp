#include "io/sheet/xlsxreader.h"

#include "io/sheet/mergeapplier.h"
#include "io/sheet/numberformat.h"
#include "io/sheet/sheetreader.h"
#include "io/sheet/xlsxparts.h"
#include "io/sheet/zippackage.h"

#include <QXmlStreamReader>

#include <climits>

namespace jl::io {

using models::Error;
using models::Status;

namespace {

bool is(const QXmlStreamReader &xml, const char *name)
{
    return xml.name() == QLatin1String(name);
}

struct Context {
    const xlsx::Workbook &workbook;
    const xlsx::Styles &styles;
    const QList<QString> &strings;
};

// Text of an inline string: every run's <t>, phonetic guides left out.
QString inlineText(QXmlStreamReader &xml)
{
    QString text;
    // Most cells hold one run: take its text as it is rather than copy it into an empty one.
    const auto add = [&text](QString part) {
        if (text.isEmpty())
            text = std::move(part);
        else
            text += part;
    };
    while (xml.readNextStartElement()) {
        if (is(xml, "t"))
            add(xml.readElementText());
        else if (is(xml, "r"))
            add(inlineText(xml));
        else
            xml.skipCurrentElement();
    }
    return text;
}

// Reads one <c> element (the reader is on its start) into `cell`.
// `type` and `style` are the t and s attributes of the <c> element.
std::optional<Error> readCell(QXmlStreamReader &xml, const Context &ctx, Cell &cell, int row,
                              int column, QStringView type, int style)
{
    QString value;
    QString inlineString;
    bool hasInline = false;
    while (xml.readNextStartElement()) {
        if (is(xml, "v")) {
            value = xml.readElementText();
        } else if (is(xml, "is")) {
            inlineString = inlineText(xml);
            hasInline = true;
        } else {
            xml.skipCurrentElement(); // <f>: the cached <v> is what counts
        }
    }
    cell = Cell{};
    auto text = [&](const QString &t) -> std::optional<Error> {
        if (t.size() > MaxCellLength)
            return SheetReader::cellTooLong(row, column);
        if (!t.isEmpty()) {
            cell.kind = CellKind::Text;
            cell.text = t;
        }
        return std::nullopt;
    };
    if (type == QLatin1String("s")) {
        if (value.isEmpty())
            return std::nullopt; // a styled cell with no string
        bool ok = false;
        const int index = value.toInt(&ok);
        if (!ok || index < 0 || index >= ctx.strings.size())
            return xlsx::XmlGuard::malformed(QStringLiteral("sharedStrings"),
                                             QStringLiteral("index %1").arg(value));
        return text(ctx.strings.at(index));
    }
    if (type == QLatin1String("inlineStr") || hasInline)
        return text(inlineString);
    if (type == QLatin1String("str"))
        return text(value);
    if (value.isEmpty())
        return std::nullopt;
    if (type == QLatin1String("e")) {
        cell.kind = CellKind::Error;
        cell.text = value;
        return std::nullopt;
    }
    if (type == QLatin1String("b")) {
        cell.kind = CellKind::Bool;
        cell.number = value == QLatin1String("1") ? 1 : 0;
        cell.text = cell.number != 0 ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        return std::nullopt;
    }
    if (type == QLatin1String("d")) { // ISO 8601 date (strict OOXML, some converters)
        cell.kind = CellKind::Date;
        cell.date = QDate::fromString(value.left(10), Qt::ISODate);
        cell.number = cell.date.isValid() ? numberformat::dateToSerial(cell.date) : 0;
        return std::nullopt;
    }
    bool ok = false;
    cell.number = value.toDouble(&ok);
    if (!ok)
        return text(value);
    cell.kind = CellKind::Number;
    if (style > 0 && style < ctx.styles.formats.size()) {
        cell.format = ctx.styles.formats.at(style);
        if (ctx.styles.isDate.at(style)) {
            cell.kind = CellKind::Date;
            cell.date =
                numberformat::serialToDate(cell.number, ctx.workbook.date1904).value_or(QDate());
        }
    } else if (style == 0 && !ctx.styles.formats.isEmpty()) {
        cell.format = ctx.styles.formats.constFirst();
    }
    return std::nullopt;
}

} // namespace

Status XlsxReader::read(const QString &path, const RowSink &sink, const ReadOptions &options)
{
    ZipPackage zip(path, options.limits);
    if (Status s = zip.open(); !s)
        return s;
    auto workbook = xlsx::readWorkbook(zip);
    if (!workbook)
        return workbook.error();
    auto styles = xlsx::readStyles(zip, workbook->stylesPath);
    if (!styles)
        return styles.error();
    auto strings = xlsx::readSharedStrings(zip, workbook->stringsPath, options);
    if (!strings)
        return strings.error();
    auto merges = xlsx::readMergedRanges(zip, workbook->sheetPath, options);
    if (!merges)
        return merges.error();

    qint64 size = 0;
    auto device = zip.stream(workbook->sheetPath, &size);
    if (!device)
        return device.error();
    const Context ctx{*workbook, *styles, *strings};
    MergeApplier applier(std::move(merges).value(), sink);
    QXmlStreamReader xml(device->get());
    SheetRow row;
    row.date1904 = workbook->date1904;
    int nextRow = 1;
    int nextColumn = 0;
    bool inRow = false;
    qint64 rowsRead = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return xlsx::XmlGuard::dtd();
        if (token == QXmlStreamReader::StartElement) {
            if (is(xml, "row")) {
                const auto r = xml.attributes().value(QLatin1String("r"));
                const qint64 number = r.isEmpty() ? nextRow : r.toLongLong();
                if (number > MaxRows)
                    return SheetReader::outOfBounds(int(std::min<qint64>(number, INT_MAX)), 0);
                if (number < nextRow)
                    return xlsx::XmlGuard::malformed(
                        workbook->sheetPath, QStringLiteral("row %1 out of order").arg(number));
                row.number = int(number);
                row.cells.clear();
                nextColumn = 0;
                inRow = true;
            } else if (inRow && is(xml, "c")) {
                int column = nextColumn;
                int refRow = row.number;
                // One copy of the attributes per cell: they are read for r, t and s.
                const QXmlStreamAttributes attrs = xml.attributes();
                const auto ref = attrs.value(QLatin1String("r"));
                if (!ref.isEmpty() && !xlsx::parseReference(ref, column, refRow))
                    return xlsx::XmlGuard::malformed(workbook->sheetPath, ref.toString());
                if (column >= MaxColumns || column < 0)
                    return SheetReader::outOfBounds(row.number, column);
                if (row.cells.size() <= column)
                    row.cells.resize(column + 1);
                if (auto e = readCell(xml, ctx, row.cells[column], row.number, column,
                                      attrs.value(QLatin1String("t")),
                                      attrs.value(QLatin1String("s")).toInt()))
                    return *e;
                nextColumn = column + 1;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (inRow && is(xml, "row")) {
                inRow = false;
                nextRow = row.number + 1;
                while (!row.cells.isEmpty() && row.cells.constLast().isEmpty())
                    row.cells.removeLast();
                if (Status s = applier.push(row); !s)
                    return s;
                if ((++rowsRead & 0x3FF) == 0) {
                    if (options.cancelled())
                        return SheetReader::cancelledError();
                    if (options.progress && size > 0)
                        options.progress(std::min(1.0, double(xml.characterOffset()) / size));
                }
            } else if (is(xml, "sheetData")) {
                break;
            }
        }
    }
    if (auto e = zip.streamError())
        return *e;
    if (xml.hasError())
        return xlsx::XmlGuard::malformed(workbook->sheetPath, xml.errorString());
    if (Status s = zip.finish(**device); !s)
        return s;
    return applier.finish();
}

} // namespace jl::io
