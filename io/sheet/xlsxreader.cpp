#include "io/sheet/xlsxreader.h"

#include "io/sheet/mergeapplier.h"
#include "io/sheet/sheetreader.h"
#include "io/sheet/sheetxmlcell.h"
#include "io/sheet/sheetxmlfallback.h"
#include "io/sheet/sheetxmlscanner.h"
#include "io/sheet/xlsxparts.h"
#include "io/sheet/zippackage.h"

#include <QScopeGuard>

#include <future>
#include <thread>

namespace jl::io {

using models::Error;
using models::Status;

namespace {

using xlsx::SheetXmlScanner;
using Token = SheetXmlScanner::Token;

// Text of an inline string (the scanner is on <is>): every run's <t>, phonetic guides and
// anything else left out. Runs nested in runs are followed by a count, not recursion.
bool readInline(SheetXmlScanner &xml, QString &text)
{
    int depth = 0;
    while (true) {
        const Token token = xml.next();
        if (token == Token::EndElement) {
            if (depth == 0)
                return true;
            --depth;
        } else if (token == Token::StartElement) {
            if (xml.nameIs("t")) {
                const auto part = xml.readElementText();
                if (!part)
                    return false;
                // Most cells hold one run: its QString is the text, nothing copied.
                if (text.isEmpty())
                    text = QString::fromUtf8(*part);
                else
                    text += QString::fromUtf8(*part);
            } else if (xml.nameIs("r")) {
                ++depth;
            } else if (!xml.skipElement()) {
                return false;
            }
        } else {
            return false;
        }
    }
}

// The children of one <c> (the scanner is on its start) into `raw`; <f> and anything else
// skipped (the cached <v> is what counts).
bool readCell(SheetXmlScanner &xml, xlsx::RawCell &raw)
{
    while (true) {
        const Token token = xml.next();
        if (token == Token::EndElement)
            return true;
        if (token != Token::StartElement)
            return false;
        if (xml.nameIs("v")) {
            const auto value = xml.readElementText();
            if (!value)
                return false;
            raw.value.assign(value->data(), size_t(value->size()));
        } else if (xml.nameIs("is")) {
            raw.inlineText.clear();
            if (!readInline(xml, raw.inlineText))
                return false;
            raw.hasInline = true;
        } else if (!xml.skipElement()) {
            return false;
        }
    }
}

// The rows of the sheet through the byte scanner. The same walk as readRowsWithQt(): a
// <row> element anywhere starts a row, a <c> inside one is a cell, </sheetData> ends it.
Status readRowsScanned(const xlsx::SheetPass &pass)
{
    const QString &sheetPath = pass.workbook.sheetPath;
    SheetXmlScanner xml(pass.device);
    xlsx::RowBuilder rows(pass);
    xlsx::RawCell raw;
    while (true) {
        const Token token = xml.next();
        if (token == Token::Invalid || token == Token::EndDocument)
            break;
        if (token == Token::StartElement) {
            if (xml.nameIs("row")) {
                const QByteArrayView r = xml.attribute("r");
                if (Status s = rows.startRow(r.isEmpty() ? std::nullopt
                                                         : std::optional(xlsx::toLongLong(r)));
                    !s)
                    return s;
            } else if (rows.inRow() && xml.nameIs("c")) {
                std::optional<int> column;
                if (const QByteArrayView ref = xml.attribute("r"); !ref.isEmpty()) {
                    int c = 0;
                    int refRow = 0;
                    if (!xlsx::parseReference(ref, c, refRow))
                        return xlsx::XmlGuard::malformed(sheetPath, QString::fromUtf8(ref));
                    column = c;
                }
                auto cell = rows.cell(column);
                if (!cell)
                    return cell.error();
                raw.type = xlsx::cellType(xml.attribute("t"));
                raw.style = xlsx::toInt(xml.attribute("s"));
                raw.value.clear();
                raw.hasInline = false;
                raw.inlineText.clear();
                if (!readCell(xml, raw))
                    break; // the XML's error, reported below
                if (auto e = xlsx::toCell(pass, raw, **cell, rows.rowNumber(), rows.column()))
                    return *e;
            }
        } else if (token == Token::EndElement) {
            if (rows.inRow() && xml.nameIs("row")) {
                if (Status s = rows.endRow(xml.offset()); !s)
                    return s;
            } else if (xml.nameIs("sheetData")) {
                break;
            }
        }
    }
    if (auto e = pass.zip.streamError())
        return *e;
    if (xml.dtdFound())
        return xlsx::XmlGuard::dtd();
    if (xml.hasError())
        return xlsx::XmlGuard::malformed(sheetPath, xml.errorString());
    return {};
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

    qint64 size = 0;
    auto device = zip.stream(workbook->sheetPath, &size);
    if (!device)
        return device.error();
    // The merged ranges come after the cells, so finding them inflates the sheet a second
    // time (readMergedRanges' byte search). That runs on its own thread, with its own handle
    // on the file, while this one reads the rows; the applier holds them until the ranges are
    // known (import of 100,000 rows −0.1 s). The second inflation counts against this
    // package's budget, as when both went through one handle. The search always runs to its
    // end (a cancel stops it too), so where reading stops early its error comes first, as
    // when it ran before the rows.
    if (Status s = zip.charge(size, workbook->sheetPath); !s)
        return s;
    std::promise<MergeApplier::Ranges> found;
    MergeApplier applier(found.get_future(), sink);
    std::thread search([&found, &options, path, sheetPath = workbook->sheetPath] {
        try {
            ReadOptions own; // no progress from this thread: the reading one reports it
            own.cancel = options.cancel;
            ZipPackage again(path, options.limits);
            const Status opened = again.open();
            found.set_value(opened ? xlsx::readMergedRanges(again, sheetPath, own)
                                   : MergeApplier::Ranges(opened.error()));
        } catch (...) { // out of memory: rethrown on the reading thread, as before
            found.set_exception(std::current_exception());
        }
    });
    const auto joined = qScopeGuard([&search] { search.join(); });
    const auto stopped = [&applier](const Status &s) -> Status {
        if (Status searched = applier.searchError(); !searched)
            return searched;
        return s;
    };

    const xlsx::SheetPass pass{zip, **device, *workbook, *styles, *strings, applier, options, size};
    // Spreadsheet programs write UTF-8; anything else XML allows goes the slower, general way.
    const Status rows =
        SheetXmlScanner::handles(**device) ? readRowsScanned(pass) : xlsx::readRowsWithQt(pass);
    if (!rows)
        return stopped(rows);
    if (Status s = zip.finish(**device); !s)
        return stopped(s);
    return applier.finish();
}

} // namespace jl::io
