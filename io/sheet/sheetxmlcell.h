#pragma once

#include "io/sheet/cell.h"
#include "io/sheet/xlsxparts.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <string>

namespace jl::io {
class MergeApplier;
}

namespace jl::io::xlsx {

// What every pass over a worksheet's cells needs: the workbook's parts read before it, and
// where the rows go.
struct SheetPass {
    ZipPackage &zip;
    QIODevice &device;
    const Workbook &workbook;
    const Styles &styles;
    const QList<QString> &strings;
    MergeApplier &applier;
    const ReadOptions &options;
    qint64 size = 0; // the part's uncompressed size, for progress
};

// The t attribute of a <c> element; anything unknown reads as a number, as Excel does.
enum class CellType { Number, Shared, Str, InlineStr, Error, Bool, Date };
CellType cellType(QByteArrayView t);

// A <c> element as read, before it becomes a Cell: both sheet passes (the byte scanner and
// the QXmlStreamReader fallback) fill one, so that what a cell means is decided in one place.
struct RawCell {
    CellType type = CellType::Number;
    int style = 0;     // the s attribute
    std::string value; // the text of <v> (the cached value of a formula), UTF-8
    bool hasInline = false;
    QString inlineText; // an <is> element's runs, phonetic guides left out
};

// Fills `cell` from `raw`; an error for a cell over Excel's length or a shared-string index
// out of range.
std::optional<models::Error> toCell(const SheetPass &pass, const RawCell &raw, Cell &cell, int row,
                                    int column);

// The row bookkeeping both sheet walks share: row numbers (given or implied) in order and
// within Excel's bounds, each cell at its reference or after the previous one, trailing empty
// cells dropped, each row handed to the merge applier, cancel and progress every 1,024 rows.
class RowBuilder final {
public:
    explicit RowBuilder(const SheetPass &pass);

    // A <row>: its r attribute's number, or nothing when it has none.
    models::Status startRow(std::optional<qint64> number);
    bool inRow() const { return m_inRow; }
    // A <c> of the current row: the cell at `column` (its reference's), or after the previous
    // one when it has no reference.
    models::Result<Cell *> cell(std::optional<int> column);
    // </row>: `offset` is how far into the part the walk is, for progress.
    models::Status endRow(qint64 offset);
    int rowNumber() const { return m_row.number; }
    int column() const { return m_nextColumn - 1; } // the column of the last cell()

private:
    const SheetPass &m_pass;
    SheetRow m_row;
    int m_nextRow = 1;
    int m_nextColumn = 0;
    bool m_inRow = false;
    qint64 m_rowsRead = 0;
};

// QString::toInt() / toLongLong() on UTF-8 bytes, without a QString for plain digits.
int toInt(QByteArrayView digits, bool *ok = nullptr);
qint64 toLongLong(QByteArrayView digits);

// parseReference() on bytes ("B12" → column 1, row 12).
bool parseReference(QByteArrayView ref, int &column, int &row);

} // namespace jl::io::xlsx
