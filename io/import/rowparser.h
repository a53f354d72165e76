#pragma once

#include "io/import/importtypes.h"

#include <QCoreApplication>

namespace jl::io {

// One data row of the sheet → an instrument, the fields it gives, and what is wrong with
// it (contract points 4–8 of issue 5).
class RowParser final {
    Q_DECLARE_TR_FUNCTIONS(RowParser)

public:
    struct Parsed {
        models::Instrument instrument;
        QStringList fields; // what an accepted row gives; for a rejected row not meaningful
        QList<RowIssue> issues;
        bool empty = false; // every known column empty: skipped silently
    };

    RowParser(QStringList fields, QStringList titles);
    Parsed parse(const SheetRow &row) const;
    // The column title that holds `field` (for messages).
    QString titleOf(const QString &field) const;

private:
    // What a column holds, decided once from its field name (not compared again per cell).
    enum class Kind { Ignored, Serial, DivisionCode, Id, Text, Date, Status, Months, Result };
    struct Column {
        Kind kind = Kind::Ignored;
        QString models::Instrument::*text = nullptr;
        QDate models::Instrument::*date = nullptr;
    };
    static Column columnFor(const QString &field);

    QStringList m_fields;
    QStringList m_titles;
    QList<Column> m_columns; // one per entry of m_fields
    // Parsed::fields of a row: the columns that give a field of the record (not the hidden id),
    // with and without 器具状态, which a blank cell leaves as it is.
    QStringList m_given;
    QStringList m_givenWithoutStatus;
};

} // namespace jl::io
