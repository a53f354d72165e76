#pragma once

#include "io/writer/tablewriter.h"

#include <QSaveFile>

namespace jl::io {

// UTF-8 with a BOM (so that Excel reads the Chinese), RFC 4180 quoting, CRLF line ends.
class CsvTableWriter final : public TableWriter {
public:
    CsvTableWriter(const QString &path, QList<ColumnSpec> columns);

    models::Status open();
    models::Status addRow(const QVariantList &cells) override;
    models::Status commit() override;

private:
    void appendRow(const QStringList &fields);
    models::Status flush();

    QSaveFile m_file;
    QList<ColumnSpec> m_columns;
    QByteArray m_buffer;
};

} // namespace jl::io
