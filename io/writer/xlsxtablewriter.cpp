#include "io/writer/xlsxtablewriter.h"

#include "io/sheet/numberformat.h"
#include "io/writer/xlsxzipbinding.h"

#include <QDir>
#include <QSaveFile>

#include <xlsxwriter.h>

namespace jl::io {

using models::Status;

XlsxTableWriter::XlsxTableWriter(QString path, QList<ColumnSpec> columns, QString sheetName)
    : m_path(std::move(path))
    , m_columns(std::move(columns))
    , m_sheetName(std::move(sheetName))
    , m_temp(QDir::tempPath() + QLatin1String("/jiliang-export-XXXXXX.xlsx"))
{}

XlsxTableWriter::~XlsxTableWriter()
{
    if (m_workbook)
        workbook_close(m_workbook); // an abandoned export: the temporary file goes with m_temp
}

Status XlsxTableWriter::open()
{
    if (!xlsxZipBound())
        return cannotWrite(m_path, QStringLiteral("zip binding"));
    if (!m_temp.open())
        return cannotWrite(m_path, m_temp.errorString());
    m_temp.close();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    m_workbook = workbook_new_opt(QFile::encodeName(m_temp.fileName()).constData(), &options);
    if (!m_workbook)
        return cannotWrite(m_path, QStringLiteral("workbook_new_opt"));
    const QByteArray name = m_sheetName.left(31).toUtf8();
    m_sheet = workbook_add_worksheet(m_workbook, name.isEmpty() ? nullptr : name.constData());
    if (!m_sheet)
        return cannotWrite(m_path, QStringLiteral("workbook_add_worksheet"));
    m_bold = workbook_add_format(m_workbook);
    format_set_bold(m_bold);
    m_text = workbook_add_format(m_workbook);
    format_set_num_format(m_text, "@");
    m_date = workbook_add_format(m_workbook);
    format_set_num_format(m_date, "yyyy-mm-dd");
    // Column formats and widths come before the rows: constant-memory mode writes rows once.
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        const ColumnSpec &spec = m_columns.at(c);
        lxw_row_col_options hidden{};
        hidden.hidden = spec.hidden ? 1 : 0;
        lxw_format *format = spec.kind == ColumnKind::Serial ? m_text
                             : spec.kind == ColumnKind::Date ? m_date
                                                             : nullptr;
        worksheet_set_column_opt(m_sheet, lxw_col_t(c), lxw_col_t(c), widthOf(spec), format,
                                 &hidden);
        const QByteArray title = spec.title.toUtf8();
        if (const lxw_error e =
                worksheet_write_string(m_sheet, 0, lxw_col_t(c), title.constData(), m_bold);
            e != LXW_NO_ERROR)
            return cannotWrite(m_path, QString::fromUtf8(lxw_strerror(e)));
    }
    worksheet_freeze_panes(m_sheet, 1, 0);
    return {};
}

Status XlsxTableWriter::addRow(const QVariantList &cells)
{
    ++m_row;
    if (m_row >= quint32(MaxRows))
        return cannotWrite(m_path, QStringLiteral("more rows than a sheet holds"));
    for (qsizetype c = 0; c < m_columns.size() && c < cells.size(); ++c) {
        const QVariant &v = cells.at(c);
        if (v.isNull())
            continue;
        lxw_error e = LXW_NO_ERROR;
        const lxw_col_t col = lxw_col_t(c);
        switch (m_columns.at(c).kind) {
        case ColumnKind::Date:
            if (v.toDate().isValid())
                e = worksheet_write_number(m_sheet, m_row, col,
                                           numberformat::dateToSerial(v.toDate()), m_date);
            break;
        case ColumnKind::Integer:
            if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong) {
                e = worksheet_write_number(m_sheet, m_row, col, v.toDouble(), nullptr);
                break;
            }
            [[fallthrough]];
        case ColumnKind::Serial:
        case ColumnKind::Text: {
            const QString text = v.toString();
            if (text.isEmpty())
                break;
            const QByteArray bytes = text.left(MaxCellLength).toUtf8();
            e = worksheet_write_string(m_sheet, m_row, col, bytes.constData(),
                                       m_columns.at(c).kind == ColumnKind::Serial ? m_text
                                                                                  : nullptr);
            break;
        }
        }
        if (e != LXW_NO_ERROR)
            return cannotWrite(m_path, QString::fromUtf8(lxw_strerror(e)));
    }
    return {};
}

Status XlsxTableWriter::commit()
{
    if (!m_columns.isEmpty())
        worksheet_autofilter(m_sheet, 0, 0, m_row, lxw_col_t(m_columns.size() - 1));
    const lxw_error closed = workbook_close(m_workbook);
    m_workbook = nullptr;
    if (closed != LXW_NO_ERROR)
        return cannotWrite(m_path, QString::fromUtf8(lxw_strerror(closed)));
    QFile made(m_temp.fileName());
    if (!made.open(QIODevice::ReadOnly))
        return cannotWrite(m_path, made.errorString());
    QSaveFile target(m_path);
    if (!target.open(QIODevice::WriteOnly))
        return cannotWrite(m_path, target.errorString());
    while (!made.atEnd()) {
        const QByteArray chunk = made.read(1 << 20);
        if (chunk.isEmpty() || target.write(chunk) != chunk.size())
            return cannotWrite(m_path, target.errorString());
    }
    if (!target.commit())
        return cannotWrite(m_path, target.errorString());
    return {};
}

} // namespace jl::io
