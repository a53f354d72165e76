#include "io/sheet/sheetxmlcell.h"

#include "io/sheet/mergeapplier.h"
#include "io/sheet/numberformat.h"
#include "io/sheet/sheetreader.h"

#include <climits>

namespace jl::io::xlsx {

using models::Error;
using models::Result;
using models::Status;

namespace {

// Up to `maxDigits` ASCII digits and nothing else: their value, exactly (QString's
// conversions give the same); nullopt sends the caller to QString's own parsing, which
// takes signs, white space, decimals and exponents.
std::optional<qint64> plainDigits(QByteArrayView v, qsizetype maxDigits)
{
    if (v.isEmpty() || v.size() > maxDigits)
        return std::nullopt;
    qint64 n = 0;
    for (const char c : v) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

} // namespace

CellType cellType(QByteArrayView t)
{
    if (t.isEmpty())
        return CellType::Number;
    if (t == "s")
        return CellType::Shared;
    if (t == "inlineStr")
        return CellType::InlineStr;
    if (t == "str")
        return CellType::Str;
    if (t == "e")
        return CellType::Error;
    if (t == "b")
        return CellType::Bool;
    if (t == "d")
        return CellType::Date;
    return CellType::Number;
}

int toInt(QByteArrayView digits, bool *ok)
{
    if (const auto n = plainDigits(digits, 9)) {
        if (ok)
            *ok = true;
        return int(*n);
    }
    return QString::fromUtf8(digits).toInt(ok);
}

qint64 toLongLong(QByteArrayView digits)
{
    if (const auto n = plainDigits(digits, 18))
        return *n;
    return QString::fromUtf8(digits).toLongLong();
}

bool parseReference(QByteArrayView ref, int &column, int &row)
{
    // The same rules as parseReference(QStringView): ASCII letters, then ASCII digits.
    qsizetype i = 0;
    qint64 c = 0;
    while (i < ref.size()) {
        char ch = ref.at(i);
        if (ch >= 'a' && ch <= 'z')
            ch = char(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z')
            break;
        c = std::min<qint64>(c * 26 + (ch - 'A' + 1), MaxColumns + 1);
        ++i;
    }
    if (i == 0 || i == ref.size())
        return false;
    qint64 r = 0;
    for (; i < ref.size(); ++i) {
        const char ch = ref.at(i);
        if (ch < '0' || ch > '9')
            return false;
        r = std::min<qint64>(r * 10 + (ch - '0'), qint64(MaxRows) + 1);
    }
    column = int(c - 1);
    row = int(r);
    return true;
}

std::optional<Error> toCell(const SheetPass &pass, const RawCell &raw, Cell &cell, int row,
                            int column)
{
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
    const QByteArrayView value(raw.value.data(), qsizetype(raw.value.size()));
    if (raw.type == CellType::Shared) {
        if (value.isEmpty())
            return std::nullopt; // a styled cell with no string
        bool ok = false;
        const int index = toInt(value, &ok);
        if (!ok || index < 0 || index >= pass.strings.size())
            return XmlGuard::malformed(QStringLiteral("sharedStrings"),
                                       QStringLiteral("index %1").arg(QString::fromUtf8(value)));
        return text(pass.strings.at(index));
    }
    if (raw.type == CellType::InlineStr || raw.hasInline)
        return text(raw.inlineText);
    if (raw.type == CellType::Str)
        return text(QString::fromUtf8(value));
    if (value.isEmpty())
        return std::nullopt;
    if (raw.type == CellType::Error) {
        // Excel's error codes are a few characters; a longer one is held to the same bound
        // as text, which every reader promises its sink.
        if (auto e = text(QString::fromUtf8(value)))
            return e;
        cell.kind = CellKind::Error;
        return std::nullopt;
    }
    if (raw.type == CellType::Bool) {
        cell.kind = CellKind::Bool;
        cell.number = value == "1" ? 1 : 0;
        cell.text = cell.number != 0 ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        return std::nullopt;
    }
    if (raw.type == CellType::Date) { // ISO 8601 date (strict OOXML, some converters)
        cell.kind = CellKind::Date;
        cell.date = QDate::fromString(QString::fromUtf8(value).left(10), Qt::ISODate);
        cell.number = cell.date.isValid() ? numberformat::dateToSerial(cell.date) : 0;
        return std::nullopt;
    }
    bool ok = true;
    // Up to 15 digits a double holds exactly, as QString::toDouble() would give it.
    if (const auto n = plainDigits(value, 15))
        cell.number = double(*n);
    else
        cell.number = QString::fromUtf8(value).toDouble(&ok);
    if (!ok)
        return text(QString::fromUtf8(value));
    cell.kind = CellKind::Number;
    const int style = raw.style;
    if (style > 0 && style < pass.styles.formats.size()) {
        cell.format = pass.styles.formats.at(style);
        if (pass.styles.isDate.at(style)) {
            cell.kind = CellKind::Date;
            cell.date =
                numberformat::serialToDate(cell.number, pass.workbook.date1904).value_or(QDate());
        }
    } else if (style == 0 && !pass.styles.formats.isEmpty()) {
        cell.format = pass.styles.formats.constFirst();
    }
    return std::nullopt;
}

RowBuilder::RowBuilder(const SheetPass &pass)
    : m_pass(pass)
{
    m_row.date1904 = pass.workbook.date1904;
}

Status RowBuilder::startRow(std::optional<qint64> given)
{
    const qint64 number = given.value_or(m_nextRow);
    if (number > MaxRows)
        return SheetReader::outOfBounds(int(std::min<qint64>(number, INT_MAX)), 0);
    if (number < m_nextRow)
        return XmlGuard::malformed(m_pass.workbook.sheetPath,
                                   QStringLiteral("row %1 out of order").arg(number));
    m_row.number = int(number);
    m_row.cells.clear();
    m_nextColumn = 0;
    m_inRow = true;
    return {};
}

Result<Cell *> RowBuilder::cell(std::optional<int> given)
{
    const int column = given.value_or(m_nextColumn);
    if (column >= MaxColumns || column < 0)
        return SheetReader::outOfBounds(m_row.number, column);
    if (m_row.cells.size() <= column)
        m_row.cells.resize(column + 1);
    m_nextColumn = column + 1;
    return &m_row.cells[column];
}

Status RowBuilder::endRow(qint64 offset)
{
    m_inRow = false;
    m_nextRow = m_row.number + 1;
    while (!m_row.cells.isEmpty() && m_row.cells.constLast().isEmpty())
        m_row.cells.removeLast();
    if (Status s = m_pass.applier.push(m_row); !s)
        return s;
    if ((++m_rowsRead & 0x3FF) == 0) {
        if (m_pass.options.cancelled())
            return SheetReader::cancelledError();
        if (m_pass.options.progress && m_pass.size > 0)
            m_pass.options.progress(std::min(1.0, double(offset) / m_pass.size));
    }
    return {};
}

} // namespace jl::io::xlsx
