#include "ui/common/listprinter.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QDir>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

namespace jl::ui {

ListPrinter::ListPrinter(const QAbstractItemModel &model, QList<int> columns, QString title)
    : m_model(model)
    , m_columns(std::move(columns))
    , m_title(std::move(title))
{}

void ListPrinter::fill(QTextDocument &document) const
{
    QTextCursor cursor(&document);
    QTextCharFormat titleFormat;
    titleFormat.setFontWeight(QFont::Bold);
    titleFormat.setFontPointSize(document.defaultFont().pointSizeF() * 1.4);
    cursor.insertText(m_title, titleFormat);
    cursor.insertBlock();
    const int rows = m_model.rowCount();
    QString info =
        tr("Printed %1, %n record(s)", nullptr, rows)
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    if (!m_subtitle.isEmpty())
        info = m_subtitle + QLatin1Char('\n') + info;
    cursor.insertText(info, QTextCharFormat());
    cursor.insertBlock();

    if (m_columns.isEmpty())
        return;
    QTextTableFormat tableFormat;
    tableFormat.setHeaderRowCount(1); // repeated at the top of every page
    tableFormat.setCellPadding(2);
    tableFormat.setCellSpacing(0);
    tableFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tableFormat.setBorderCollapse(true);
    tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QTextTable *table = cursor.insertTable(rows + 1, int(m_columns.size()), tableFormat);

    QTextCharFormat headerFormat;
    headerFormat.setFontWeight(QFont::Bold);
    for (int c = 0; c < m_columns.size(); ++c) {
        QTextCursor cell = table->cellAt(0, c).firstCursorPosition();
        cell.insertText(m_model.headerData(m_columns.at(c), Qt::Horizontal).toString(),
                        headerFormat);
    }
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < m_columns.size(); ++c) {
            const QModelIndex index = m_model.index(r, m_columns.at(c));
            QTextCharFormat format;
            // Warning labels keep their colour on paper too.
            const QVariant foreground = index.data(Qt::ForegroundRole);
            if (foreground.isValid())
                format.setForeground(foreground.value<QBrush>());
            table->cellAt(r + 1, c).firstCursorPosition().insertText(
                index.data(Qt::DisplayRole).toString(), format);
        }
    }
}

void ListPrinter::print(QPagedPaintDevice *device) const
{
    QTextDocument document;
    fill(document);
    document.print(device);
}

QString ListPrinter::writePdf(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Could not write %1: %2. Choose another folder or close the program that "
                  "has the file open.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(m_title);
        writer.setCreator(QStringLiteral("Jiliang"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        // Lists are wide: landscape fits the usual columns without wrapping every cell.
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        print(&writer);
    }
    if (!file.commit()) {
        return tr("Could not write %1: %2. Choose another folder or close the program that "
                  "has the file open.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

} // namespace jl::ui
