#include "io/writer/csvtablewriter.h"

namespace jl::io {

using models::Status;

namespace {

QString quoted(const QString &field)
{
    bool needs = false;
    for (QChar c : field) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n') ||
            c == QLatin1Char('\r')) {
            needs = true;
            break;
        }
    }
    if (!needs && (field.isEmpty() ||
                   (field.front() != QLatin1Char(' ') && field.back() != QLatin1Char(' '))))
        return field;
    QString out = field;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

CsvTableWriter::CsvTableWriter(const QString &path, QList<ColumnSpec> columns)
    : m_file(path)
    , m_columns(std::move(columns))
{}

Status CsvTableWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return cannotWrite(m_file.fileName(), m_file.errorString());
    m_buffer = QByteArray("\xEF\xBB\xBF");
    QStringList titles;
    for (const ColumnSpec &c : m_columns)
        titles.append(c.title);
    appendRow(titles);
    return {};
}

void CsvTableWriter::appendRow(const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer += ',';
        m_buffer += quoted(fields.at(i)).toUtf8();
    }
    m_buffer += "\r\n";
}

Status CsvTableWriter::flush()
{
    if (m_file.write(m_buffer) != m_buffer.size())
        return cannotWrite(m_file.fileName(), m_file.errorString());
    m_buffer.clear();
    return {};
}

Status CsvTableWriter::addRow(const QVariantList &cells)
{
    QStringList fields;
    fields.reserve(m_columns.size());
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const QVariant v = cells.value(i);
        if (v.typeId() == QMetaType::QDate)
            fields.append(v.toDate().isValid() ? v.toDate().toString(Qt::ISODate) : QString());
        else
            fields.append(v.toString());
    }
    appendRow(fields);
    if (m_buffer.size() > (1 << 16))
        return flush();
    return {};
}

Status CsvTableWriter::commit()
{
    if (Status s = flush(); !s)
        return s;
    if (!m_file.commit())
        return cannotWrite(m_file.fileName(), m_file.errorString());
    return {};
}

} // namespace jl::io
