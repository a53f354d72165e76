#include "io/sheet/sheetxmlfallback.h"

#include "io/sheet/mergeapplier.h"
#include "io/sheet/sheetreader.h"

#include <QXmlStreamReader>

#include <climits>

namespace jl::io::xlsx {

using models::Error;
using models::Status;

namespace {

bool is(const QXmlStreamReader &xml, const char *name)
{
    return xml.name() == QLatin1String(name);
}

// Text of an inline string: every run's <t>, phonetic guides left out. Runs inside runs
// are followed by a count, not by recursion, so that a nest of <r> cannot exhaust the stack.
QString inlineText(QXmlStreamReader &xml)
{
    QString text;
    int depth = 0;
    while (true) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument)
            return text;
        if (token == QXmlStreamReader::EndElement) {
            if (depth == 0)
                return text;
            --depth;
        } else if (token == QXmlStreamReader::StartElement) {
            if (is(xml, "t"))
                text += xml.readElementText();
            else if (is(xml, "r"))
                ++depth;
            else
                xml.skipCurrentElement();
        }
    }
}

// Reads one <c> element (the reader is on its start) into `raw`.
void readCell(QXmlStreamReader &xml, RawCell &raw)
{
    while (xml.readNextStartElement()) {
        if (is(xml, "v")) {
            raw.value = xml.readElementText().toStdString();
        } else if (is(xml, "is")) {
            raw.inlineText = inlineText(xml);
            raw.hasInline = true;
        } else {
            xml.skipCurrentElement(); // <f>: the cached <v> is what counts
        }
    }
}

} // namespace

Status readRowsWithQt(const SheetPass &pass)
{
    const QString &sheetPath = pass.workbook.sheetPath;
    QXmlStreamReader xml(&pass.device);
    SheetRow row;
    row.date1904 = pass.workbook.date1904;
    int nextRow = 1;
    int nextColumn = 0;
    bool inRow = false;
    qint64 rowsRead = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return XmlGuard::dtd();
        if (token == QXmlStreamReader::StartElement) {
            if (is(xml, "row")) {
                const auto r = xml.attributes().value(QLatin1String("r"));
                const qint64 number = r.isEmpty() ? nextRow : r.toLongLong();
                if (number > MaxRows)
                    return SheetReader::outOfBounds(int(std::min<qint64>(number, INT_MAX)), 0);
                if (number < nextRow)
                    return XmlGuard::malformed(sheetPath,
                                               QStringLiteral("row %1 out of order").arg(number));
                row.number = int(number);
                row.cells.clear();
                nextColumn = 0;
                inRow = true;
            } else if (inRow && is(xml, "c")) {
                int column = nextColumn;
                int refRow = row.number;
                const QXmlStreamAttributes attrs = xml.attributes();
                const auto ref = attrs.value(QLatin1String("r"));
                if (!ref.isEmpty() && !parseReference(ref, column, refRow))
                    return XmlGuard::malformed(sheetPath, ref.toString());
                if (column >= MaxColumns || column < 0)
                    return SheetReader::outOfBounds(row.number, column);
                if (row.cells.size() <= column)
                    row.cells.resize(column + 1);
                RawCell raw;
                raw.type = cellType(attrs.value(QLatin1String("t")).toUtf8());
                raw.style = attrs.value(QLatin1String("s")).toInt();
                readCell(xml, raw);
                if (auto e = toCell(pass, raw, row.cells[column], row.number, column))
                    return *e;
                nextColumn = column + 1;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (inRow && is(xml, "row")) {
                inRow = false;
                nextRow = row.number + 1;
                while (!row.cells.isEmpty() && row.cells.constLast().isEmpty())
                    row.cells.removeLast();
                if (Status s = pass.applier.push(row); !s)
                    return s;
                if ((++rowsRead & 0x3FF) == 0) {
                    if (pass.options.cancelled())
                        return SheetReader::cancelledError();
                    if (pass.options.progress && pass.size > 0)
                        pass.options.progress(
                            std::min(1.0, double(xml.characterOffset()) / pass.size));
                }
            } else if (is(xml, "sheetData")) {
                break;
            }
        }
    }
    if (auto e = pass.zip.streamError())
        return *e;
    if (xml.hasError())
        return XmlGuard::malformed(sheetPath, xml.errorString());
    return {};
}

models::Result<QList<QString>> readSharedStringsWithQt(QIODevice &device, ZipPackage &zip,
                                                       const QString &path,
                                                       const ReadOptions &options)
{
    QList<QString> strings;
    QXmlStreamReader xml(&device);
    QString current;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return XmlGuard::dtd();
        if (token == QXmlStreamReader::StartElement) {
            if (is(xml, "si")) {
                current.clear();
            } else if (is(xml, "rPh")) {
                xml.skipCurrentElement(); // phonetic guide, not the cell's text
            } else if (is(xml, "t")) {
                current += xml.readElementText();
                if (current.size() > MaxCellLength)
                    return SheetReader::cellTooLong(0, -1);
            }
        } else if (token == QXmlStreamReader::EndElement && is(xml, "si")) {
            strings.append(current);
            if ((strings.size() & 0xFFF) == 0 && options.cancelled())
                return SheetReader::cancelledError();
        }
    }
    if (auto e = zip.streamError())
        return *e;
    if (xml.hasError())
        return XmlGuard::malformed(path, xml.errorString());
    return strings;
}

} // namespace jl::io::xlsx
