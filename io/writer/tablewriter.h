#pragma once

#include "io/sheet/readoptions.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

namespace jl::io {

// How a column is written: serials stay text whatever they look like, dates are real dates
// in .xlsx (ISO yyyy-MM-dd in .csv).
enum class ColumnKind { Text, Serial, Date, Integer };

struct ColumnSpec {
    QString title;
    ColumnKind kind = ColumnKind::Text;
    double width = 0; // in characters; 0 = from the title and the kind
    bool hidden = false;
};

// Writes one table (a bold, frozen header row and data rows) to .xlsx or .csv, chosen by the
// target's suffix. Nothing appears at the target until commit() succeeds: the file is made
// aside and moved into place in one step, so a failed or cancelled export leaves the old
// file as it was.
class TableWriter {
    Q_DECLARE_TR_FUNCTIONS(TableWriter)

public:
    virtual ~TableWriter() = default;

    // `sheetName` names the worksheet of an .xlsx.
    static models::Result<std::unique_ptr<TableWriter>>
    create(const QString &path, const QList<ColumnSpec> &columns,
           const QString &sheetName = QString());

    // One value per column: QString, QDate or an integer; a null QVariant leaves it empty.
    virtual models::Status addRow(const QVariantList &cells) = 0;
    virtual models::Status commit() = 0;

    // "Cannot write 台账.xlsx: … it may be open in Excel": for a target that cannot be
    // replaced.
    static models::Error cannotWrite(const QString &path, const QString &detail);
    static double widthOf(const ColumnSpec &column);
};

} // namespace jl::io
