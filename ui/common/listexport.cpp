#include "ui/common/listexport.h"

#include "io/writer/tablewriter.h"

#include <QAbstractItemModel>

namespace jl::ui {

ListExport::Table ListExport::copy(const QAbstractItemModel &model, const QList<int> &columns)
{
    Table table;
    for (const int c : columns)
        table.headers.append(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    const int rows = model.rowCount();
    table.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
        QStringList row;
        row.reserve(columns.size());
        for (const int c : columns)
            row.append(model.index(r, c).data(Qt::DisplayRole).toString());
        table.rows.append(row);
    }
    return table;
}

models::Status ListExport::write(const QString &path, const Table &table, const QString &sheet,
                                 const std::function<void(double)> &progress,
                                 const std::atomic_bool *cancel)
{
    QList<io::ColumnSpec> specs;
    for (const QString &header : table.headers)
        specs.append(io::ColumnSpec{header, io::ColumnKind::Text});
    // Sheet names are at most 31 characters in Excel.
    auto writer = io::TableWriter::create(path, specs, sheet.left(31));
    if (!writer)
        return writer.error();
    const qsizetype count = table.rows.size();
    for (qsizetype n = 0; n < count; ++n) {
        QVariantList cells;
        for (const QString &cell : table.rows.at(n))
            cells.append(cell.isEmpty() ? QVariant() : QVariant(cell));
        if (models::Status s = (*writer)->addRow(cells); !s)
            return s;
        if ((n & 0x3FF) == 0) {
            if (cancel && cancel->load())
                return models::Error{tr("Export cancelled; the file was not written."), {}};
            if (progress)
                progress(double(n) / double(count));
        }
    }
    if (cancel && cancel->load())
        return models::Error{tr("Export cancelled; the file was not written."), {}};
    return (*writer)->commit();
}

} // namespace jl::ui
