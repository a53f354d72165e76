#include "io/sheet/xlsxparts.h"

#include "io/sheet/numberformat.h"
#include "io/sheet/sheetreader.h"
#include "io/sheet/sheetxmlfallback.h"
#include "io/sheet/sheetxmlscanner.h"

#include <QDir>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace jl::io::xlsx {

using models::Error;
using models::Result;
using models::Status;

namespace {

constexpr qint64 MaxMergeTail = qint64(32) << 20;

bool is(const QXmlStreamReader &xml, const char *name)
{
    return xml.name() == QLatin1String(name);
}

// The r:id attribute, whatever prefix and relationships namespace (transitional or strict).
QString relationshipId(const QXmlStreamReader &xml)
{
    for (const QXmlStreamAttribute &a : xml.attributes()) {
        if (a.name() == QLatin1String("id") && !a.namespaceUri().isEmpty())
            return a.value().toString();
    }
    return {};
}

// Reads a whole small XML part token by token; `onStart` sees each start element.
Status scan(const QByteArray &bytes, const QString &part,
            const std::function<void(QXmlStreamReader &)> &onStart)
{
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return XmlGuard::dtd();
        if (token == QXmlStreamReader::StartElement)
            onStart(xml);
    }
    if (xml.hasError())
        return XmlGuard::malformed(part, xml.errorString());
    return {};
}

// Relationship id → target part path, resolved against the folder of `source`.
Result<QHash<QString, QString>> readRelationships(ZipPackage &zip, const QString &source,
                                                  QHash<QString, QString> *byType = nullptr)
{
    const qsizetype slash = source.lastIndexOf(QLatin1Char('/'));
    const QString folder = slash < 0 ? QString() : source.left(slash);
    const QString relsPath = (folder.isEmpty() ? QString() : folder + QLatin1Char('/')) +
                             QLatin1String("_rels/") + source.mid(slash + 1) +
                             QLatin1String(".rels");
    QHash<QString, QString> targets;
    if (!zip.contains(relsPath))
        return targets;
    auto bytes = zip.readAll(relsPath);
    if (!bytes)
        return bytes.error();
    Status s = scan(*bytes, relsPath, [&](QXmlStreamReader &xml) {
        if (!is(xml, "Relationship"))
            return;
        const auto attrs = xml.attributes();
        QString target = attrs.value(QLatin1String("Target")).toString();
        if (target.startsWith(QLatin1Char('/')))
            target = target.mid(1);
        else if (!folder.isEmpty())
            target = folder + QLatin1Char('/') + target;
        target = QDir::cleanPath(target);
        targets.insert(attrs.value(QLatin1String("Id")).toString(), target);
        if (byType) {
            const QString type = attrs.value(QLatin1String("Type")).toString();
            byType->insert(type.mid(type.lastIndexOf(QLatin1Char('/')) + 1), target);
        }
    });
    if (!s)
        return s.error();
    return targets;
}

} // namespace

Error XmlGuard::dtd()
{
    return Error{tr("The file contains a document type declaration (DTD), which spreadsheet "
                    "programs never write; it was refused to keep entity expansion out."),
                 QStringLiteral("DOCTYPE")};
}

Error XmlGuard::malformed(const QString &part, const QString &detail)
{
    return Error{tr("The file is damaged: part %1 is not valid XML. Open it in Excel or WPS, "
                    "save it again and retry.")
                     .arg(part),
                 detail};
}

Error XmlGuard::notSpreadsheet()
{
    return Error{tr("The file is a zip archive but not an Excel workbook (no worksheet found)."),
                 {}};
}

Error XmlGuard::tooManyMerges()
{
    return Error{tr("The sheet declares more merged ranges than a spreadsheet can hold; it was "
                    "not read."),
                 {}};
}

bool parseReference(QStringView ref, int &column, int &row)
{
    qsizetype i = 0;
    qint64 c = 0;
    while (i < ref.size() && ref.at(i).isLetter() && ref.at(i).unicode() < 128) {
        c = c * 26 + (ref.at(i).toUpper().unicode() - 'A' + 1);
        if (c > MaxColumns + 1)
            c = MaxColumns + 1; // keep it bounded; the caller refuses it
        ++i;
    }
    if (i == 0 || i == ref.size())
        return false;
    qint64 r = 0;
    for (; i < ref.size(); ++i) {
        const char16_t u = ref.at(i).unicode();
        if (u < '0' || u > '9')
            return false;
        r = std::min<qint64>(r * 10 + (u - '0'), qint64(MaxRows) + 1);
    }
    column = int(c - 1);
    row = int(r);
    return true;
}

Result<Workbook> readWorkbook(ZipPackage &zip)
{
    QHash<QString, QString> rootTypes;
    auto root = readRelationships(zip, QStringLiteral("/"), &rootTypes);
    if (!root)
        return root.error();
    QString workbookPath = rootTypes.value(QStringLiteral("officeDocument"));
    if (workbookPath.isEmpty())
        workbookPath = QStringLiteral("xl/workbook.xml");
    if (!zip.contains(workbookPath))
        return Error{XmlGuard::notSpreadsheet().message, workbookPath};
    QHash<QString, QString> types;
    auto rels = readRelationships(zip, workbookPath, &types);
    if (!rels)
        return rels.error();
    auto bytes = zip.readAll(workbookPath);
    if (!bytes)
        return bytes.error();
    Workbook wb;
    QString firstSheetId;
    Status s = scan(*bytes, workbookPath, [&](QXmlStreamReader &xml) {
        if (is(xml, "workbookPr")) {
            const auto v = xml.attributes().value(QLatin1String("date1904"));
            wb.date1904 = v == QLatin1String("1") || v == QLatin1String("true");
        } else if (is(xml, "sheet") && firstSheetId.isEmpty()) {
            firstSheetId = relationshipId(xml);
        }
    });
    if (!s)
        return s.error();
    wb.sheetPath = rels->value(firstSheetId);
    if (wb.sheetPath.isEmpty() || !zip.contains(wb.sheetPath))
        return Error{XmlGuard::notSpreadsheet().message, QStringLiteral("no first sheet")};
    wb.stringsPath = types.value(QStringLiteral("sharedStrings"));
    wb.stylesPath = types.value(QStringLiteral("styles"));
    return wb;
}

Result<Styles> readStyles(ZipPackage &zip, const QString &path)
{
    Styles styles;
    if (path.isEmpty() || !zip.contains(path))
        return styles;
    auto bytes = zip.readAll(path);
    if (!bytes)
        return bytes.error();
    QHash<int, QString> custom;
    bool inCellXfs = false;
    QXmlStreamReader xml(*bytes);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return XmlGuard::dtd();
        if (token == QXmlStreamReader::EndElement && is(xml, "cellXfs"))
            inCellXfs = false;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto attrs = xml.attributes();
        if (is(xml, "numFmt")) {
            custom.insert(attrs.value(QLatin1String("numFmtId")).toInt(),
                          attrs.value(QLatin1String("formatCode")).toString());
        } else if (is(xml, "cellXfs")) {
            inCellXfs = true;
        } else if (inCellXfs && is(xml, "xf")) {
            const int id = attrs.value(QLatin1String("numFmtId")).toInt();
            const QString code = custom.contains(id) ? custom.value(id) : numberformat::builtIn(id);
            styles.formats.append(code);
            styles.isDate.append(numberformat::isDate(code));
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return XmlGuard::malformed(path, xml.errorString());
    return styles;
}

Result<QList<QString>> readSharedStrings(ZipPackage &zip, const QString &path,
                                         const ReadOptions &options)
{
    QList<QString> strings;
    if (path.isEmpty() || !zip.contains(path))
        return strings;
    auto device = zip.stream(path);
    if (!device)
        return device.error();
    // Excel's files keep every text cell here, often tens of thousands of strings: the byte
    // scanner reads them, QXmlStreamReader only what is not UTF-8.
    if (!SheetXmlScanner::handles(**device)) {
        auto read = readSharedStringsWithQt(**device, zip, path, options);
        if (!read)
            return read;
        if (Status s = zip.finish(**device); !s)
            return s.error();
        return read;
    }
    SheetXmlScanner xml(**device);
    QString current;
    while (true) {
        const auto token = xml.next();
        if (token == SheetXmlScanner::Token::StartElement) {
            if (xml.nameIs("si")) {
                current.clear();
            } else if (xml.nameIs("rPh")) {
                if (!xml.skipElement()) // phonetic guide, not the cell's text
                    break;
            } else if (xml.nameIs("t")) {
                const auto text = xml.readElementText();
                if (!text)
                    break;
                if (current.isEmpty())
                    current = QString::fromUtf8(*text);
                else
                    current += QString::fromUtf8(*text);
                if (current.size() > MaxCellLength)
                    return SheetReader::cellTooLong(0, -1);
            }
        } else if (token == SheetXmlScanner::Token::EndElement) {
            if (xml.nameIs("si")) {
                strings.append(current);
                if ((strings.size() & 0xFFF) == 0 && options.cancelled())
                    return SheetReader::cancelledError();
            }
        } else {
            break;
        }
    }
    if (auto e = zip.streamError())
        return *e;
    if (xml.dtdFound())
        return XmlGuard::dtd();
    if (xml.hasError())
        return XmlGuard::malformed(path, xml.errorString());
    if (Status s = zip.finish(**device); !s)
        return s.error();
    return strings;
}

Result<QList<MergedRange>> readMergedRanges(ZipPackage &zip, const QString &sheetPath,
                                            const ReadOptions &options)
{
    // Merged ranges follow the cells; a byte search finds them without parsing the cells
    // twice. Text cannot hide a "<mergeCell" (a '<' in text is escaped).
    auto device = zip.stream(sheetPath);
    if (!device)
        return device.error();
    static const QByteArray marker("mergeCell");
    QByteArray tail;
    QByteArray carry;
    bool found = false;
    while (true) {
        const QByteArray chunk = (*device)->read(1 << 16);
        if (chunk.isEmpty())
            break;
        if (options.cancelled())
            return SheetReader::cancelledError();
        if (found) {
            tail += chunk;
        } else {
            const QByteArray window = carry + chunk;
            const qsizetype at = window.indexOf(marker);
            if (at >= 0) {
                found = true;
                tail = window.mid(std::max<qsizetype>(at - 16, 0));
            } else {
                carry = window.right(marker.size());
            }
        }
        if (tail.size() > MaxMergeTail)
            return XmlGuard::tooManyMerges();
    }
    if (auto e = zip.streamError())
        return *e;
    if (Status s = zip.finish(**device); !s)
        return s.error();
    QList<MergedRange> ranges;
    if (!found)
        return ranges;
    static const QRegularExpression element(
        QStringLiteral("<(?:[A-Za-z_][\\w.-]*:)?mergeCell\\s[^>]*?\\bref\\s*=\\s*[\"']([A-Za-z]+"
                       "[0-9]+)(?::([A-Za-z]+[0-9]+))?[\"']"));
    const QString text = QString::fromUtf8(tail);
    auto it = element.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        MergedRange r;
        if (!parseReference(m.capturedView(1), r.firstColumn, r.firstRow))
            continue;
        r.lastColumn = r.firstColumn;
        r.lastRow = r.firstRow;
        if (m.hasCaptured(2) && !parseReference(m.capturedView(2), r.lastColumn, r.lastRow))
            continue;
        if (r.lastRow < r.firstRow)
            std::swap(r.lastRow, r.firstRow);
        if (r.lastColumn < r.firstColumn)
            std::swap(r.lastColumn, r.firstColumn);
        if (r.lastRow > MaxRows || r.lastColumn >= MaxColumns || r.firstRow < 1)
            return SheetReader::outOfBounds(r.lastRow, r.lastColumn);
        ranges.append(r);
    }
    return ranges;
}

} // namespace jl::io::xlsx
