#pragma once

#include "models/domain/instrument.h"
#include "models/rules/warninglevel.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QVariant>

namespace jl::models {

// What each column of the instrument library shows and how it sorts: shared by the table
// model and by anything that writes the same columns (export, print).
// `column` is an InstrumentTableModel::Column.
class InstrumentColumns final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentColumns)

public:
    struct Cell {
        const Instrument &instrument;
        WarningLevel level;
        bool complete;
    };

    static QString header(int column);
    // The text shown (dates yyyy-MM-dd, enumerations translated); an int for the period.
    static QVariant display(const Cell &cell, int column);
    // Display, tool tips, and the warning colours (ui.md): the label in its colour, the row
    // in a light tint of it.
    static QVariant data(const Cell &cell, int column, int role, QDate today);
    // The raw value the column sorts by (ISO dates, enumeration order).
    static QVariant sortKey(const Cell &cell, int column);
    // The SQL expression over the instrument table the column sorts by; may need the binds
    // the binds of warningSqlBinds().
    static QString sortSql(int column);
    static bool sortNeedsWarningBinds(int column);

    // Why the warning: days left, days overdue, no record, failed.
    static QString warningToolTip(const Cell &cell, QDate today);
    // The fields still missing, as labels.
    static QString completenessToolTip(const Cell &cell);
};

} // namespace jl::models
