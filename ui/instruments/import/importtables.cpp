#include "ui/instruments/import/importtables.h"

#include "io/import/cellconversion.h"
#include "io/import/instrumentcolumns.h"
#include "io/sheet/sheetreader.h"

#include <QComboBox>
#include <QHeaderView>
#include <QTableWidget>

namespace jl::ui {

namespace {

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return i;
}

} // namespace

QString ImportTables::cellText(const io::Cell &cell)
{
    switch (cell.kind) {
    case io::CellKind::Empty:
        return {};
    case io::CellKind::Date:
        return cell.date.toString(Qt::ISODate);
    case io::CellKind::Error:
        return cell.text;
    default: {
        const auto text = io::CellConversion::text(cell);
        return text ? text.value() : cell.text;
    }
    }
}

void ImportTables::fillPreview(QTableWidget &table, const io::HeaderInfo &header)
{
    table.clear();
    qsizetype columns = header.titles.size();
    for (const io::SheetRow &row : header.rows)
        columns = std::max(columns, row.cells.size());
    table.setRowCount(int(header.rows.size()));
    table.setColumnCount(int(columns));
    QStringList letters;
    for (int c = 0; c < columns; ++c)
        letters.append(io::SheetReader::columnName(c));
    table.setHorizontalHeaderLabels(letters);
    QStringList numbers;
    for (int r = 0; r < header.rows.size(); ++r) {
        const io::SheetRow &row = header.rows.at(r);
        numbers.append(QString::number(row.number));
        const bool isHeader = row.number == header.row;
        for (int c = 0; c < row.cells.size(); ++c) {
            QTableWidgetItem *cell = item(cellText(row.cells.at(c)));
            if (isHeader) {
                QFont bold = cell->font();
                bold.setBold(true);
                cell->setFont(bold);
                cell->setToolTip(tr("The header row"));
            } else if (row.number < header.row) {
                cell->setForeground(table.palette().placeholderText());
                cell->setToolTip(tr("Above the header row: not imported"));
            }
            table.setItem(r, c, cell);
        }
    }
    table.setVerticalHeaderLabels(numbers);
    table.resizeColumnsToContents();
}

void ImportTables::fillMapping(QTableWidget &table, const io::HeaderInfo &header)
{
    table.clear();
    table.setColumnCount(3);
    table.setHorizontalHeaderLabels({tr("Column in the file"), tr("Import as"), tr("First value")});
    table.setRowCount(int(header.titles.size()));
    const io::SheetRow *first = nullptr;
    for (const io::SheetRow &row : header.rows) {
        if (row.number > header.row) {
            first = &row;
            break;
        }
    }
    for (int c = 0; c < header.titles.size(); ++c) {
        const QString title = header.titles.at(c);
        table.setItem(c, 0,
                      item(title.isEmpty()
                               ? tr("(column %1, no title)").arg(io::SheetReader::columnName(c))
                               : title));
        auto *combo = new QComboBox(&table);
        combo->addItem(tr("Ignore"), QString());
        for (const io::instrumentcolumns::Column &column : io::instrumentcolumns::all())
            combo->addItem(column.header, column.field);
        const int index = combo->findData(header.fields.value(c));
        combo->setCurrentIndex(std::max(0, index));
        combo->setAccessibleName(tr("Import column %1 as").arg(title));
        table.setCellWidget(c, 1, combo);
        table.setItem(c, 2, item(first ? cellText(first->at(c)) : QString()));
    }
    table.resizeColumnsToContents();
    table.horizontalHeader()->setStretchLastSection(true);
}

QComboBox *ImportTables::mappingCombo(const QTableWidget &table, int column)
{
    return qobject_cast<QComboBox *>(table.cellWidget(column, 1));
}

QStringList ImportTables::mappedFields(const QTableWidget &table)
{
    QStringList fields;
    for (int c = 0; c < table.rowCount(); ++c) {
        const QComboBox *combo = mappingCombo(table, c);
        fields.append(combo ? combo->currentData().toString() : QString());
    }
    return fields;
}

void ImportTables::fillReport(QTableWidget &table, const io::ImportReport &report)
{
    table.clearContents();
    table.setColumnCount(3);
    table.setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Reason")});
    const int shown = int(std::min<qsizetype>(report.issues.size(), ShownIssues));
    table.setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const io::RowIssue &issue = report.issues.at(i);
        auto *row = item(QString::number(issue.row));
        row->setData(Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        table.setItem(i, 0, row);
        table.setItem(i, 1, item(issue.column.isEmpty() ? tr("(whole row)") : issue.column));
        auto *reason = item(issue.reason);
        reason->setToolTip(issue.reason);
        table.setItem(i, 2, reason);
    }
    table.resizeColumnToContents(0);
    table.resizeColumnToContents(1);
    table.horizontalHeader()->setStretchLastSection(true);
}

} // namespace jl::ui
