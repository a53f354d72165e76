#pragma once

#include "io/writer/tablewriter.h"

#include <QTemporaryFile>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace jl::io {

// libxlsxwriter in constant-memory mode (rows go to disk as they are written). It writes
// only to a path, so it writes a temporary file, and commit() moves the bytes into place
// through QSaveFile (a temporary beside the target, renamed over it).
class XlsxTableWriter final : public TableWriter {
public:
    XlsxTableWriter(QString path, QList<ColumnSpec> columns, QString sheetName);
    ~XlsxTableWriter() override;

    models::Status open();
    models::Status addRow(const QVariantList &cells) override;
    models::Status commit() override;

private:
    QString m_path;
    QList<ColumnSpec> m_columns;
    QString m_sheetName;
    QTemporaryFile m_temp;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_bold = nullptr;
    lxw_format *m_text = nullptr;
    lxw_format *m_date = nullptr;
    quint32 m_row = 0;
    int m_error = 0; // the first libxlsxwriter error
};

} // namespace jl::io
