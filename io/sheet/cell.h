#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace jl::io {

// What a spreadsheet cell holds, as the file says it (no guessing here: the import engine
// decides what a number in a serial-number column means).
enum class CellKind { Empty, Text, Number, Bool, Error, Date };

struct Cell {
    CellKind kind = CellKind::Empty;
    QString text;      // Text; the error code (#N/A …) for Error; "TRUE"/"FALSE" for Bool
    double number = 0; // Number, Bool (0/1) and Date (the serial, in the file's date system)
    QDate date;        // Date only (time of day dropped)
    QString format;    // the number format code of a Number or Date cell ("00000000", "yyyy-mm-dd")

    bool isEmpty() const { return kind == CellKind::Empty; }
};

// One sheet row. `number` is the 1-based row of the sheet (CSV: the 1-based record number);
// cells are indexed by 0-based column, missing trailing cells are empty.
struct SheetRow {
    int number = 0;
    QList<Cell> cells;
    bool date1904 = false; // the workbook's date system, for numbers read as dates

    const Cell &at(qsizetype column) const
    {
        static const Cell empty;
        return column >= 0 && column < cells.size() ? cells.at(column) : empty;
    }
};

} // namespace jl::io
