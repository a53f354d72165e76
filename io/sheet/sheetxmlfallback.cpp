#include "io/sheet/sheetxmlfallback.h"

#include "io/sheet/mergeapplier.h"
#include "io/sheet/sheetreader.h"

#include <QXmlStreamReader>

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
    RowBuilder rows(pass);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return XmlGuard::dtd();
        if (token == QXmlStreamReader::StartElement) {
            if (is(xml, "row")) {
                const auto r = xml.attributes().value(QLatin1String("r"));
                if (Status s =
                        rows.startRow(r.isEmpty() ? std::nullopt : std::optional(r.toLongLong()));
                    !s)
                    return s;
            } else if (rows.inRow() && is(xml, "c")) {
                const QXmlStreamAttributes attrs = xml.attributes();
                std::optional<int> column;
                if (const auto ref = attrs.value(QLatin1String("r")); !ref.isEmpty()) {
                    int c = 0;
                    int refRow = 0;
                    if (!parseReference(ref, c, refRow))
                        return XmlGuard::malformed(sheetPath, ref.toString());
                    column = c;
                }
                auto cell = rows.cell(column);
                if (!cell)
                    return cell.error();
                RawCell raw;
                raw.type = cellType(attrs.value(QLatin1String("t")).toUtf8());
                raw.style = attrs.value(QLatin1String("s")).toInt();
                readCell(xml, raw);
                if (auto e = toCell(pass, raw, **cell, rows.rowNumber(), rows.column()))
                    return *e;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (rows.inRow() && is(xml, "row")) {
                if (Status s = rows.endRow(xml.characterOffset()); !s)
                    return s;
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
