#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QAbstractItemModel;
class QPagedPaintDevice;
class QTextDocument;

namespace jl::ui {

// Lays out the visible part of a list (its rows, and the columns the user shows, in their
// order) as a paginated table with a title and the header repeated on every page, for the
// printer and for PDF.
class ListPrinter final {
    Q_DECLARE_TR_FUNCTIONS(ListPrinter)

public:
    ListPrinter(const QAbstractItemModel &model, QList<int> columns, QString title);

    // A line under the title, e.g. the active filters.
    void setSubtitle(const QString &subtitle) { m_subtitle = subtitle; }

    void print(QPagedPaintDevice *device) const;
    // Writes a PDF atomically (a temporary file renamed into place): a failure leaves any
    // earlier file untouched. Returns an error message, empty on success.
    QString writePdf(const QString &path) const;

private:
    void fill(QTextDocument &document) const;

    const QAbstractItemModel &m_model;
    QList<int> m_columns;
    QString m_title;
    QString m_subtitle;
};

} // namespace jl::ui
