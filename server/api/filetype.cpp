#include "server/api/filetype.h"

namespace jl::server {

void FileTypeSniffer::feed(const QByteArray &chunk)
{
    if (m_head.size() < 16)
        m_head += chunk.left(16 - m_head.size());
    if (m_head.startsWith("PK\x03\x04")) {
        // OOXML packages name their parts in the ZIP's local headers: word/… or xl/….
        const QByteArray window = m_tail + chunk;
        m_zipWord = m_zipWord || window.contains("word/");
        m_zipExcel = m_zipExcel || window.contains("xl/");
        m_tail = chunk.right(8);
    }
}

QString FileTypeSniffer::mimeType() const
{
    if (m_head.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (m_head.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (m_head.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (m_head.startsWith("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
        return QStringLiteral("application/x-ole-storage"); // .doc or .xls
    if (m_head.startsWith("PK\x03\x04")) {
        if (m_zipWord)
            return QStringLiteral(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        if (m_zipExcel)
            return QStringLiteral(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
    return {};
}

} // namespace jl::server
