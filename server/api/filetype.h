#pragma once

#include <QByteArray>
#include <QString>

namespace jl::server {

// The type of an upload judged by its bytes, not its name (domain.md §5.3): PDF, JPEG, PNG,
// Word and Excel (OLE2 .doc/.xls, OOXML .docx/.xlsx). Fed the file in order, chunk by chunk.
class FileTypeSniffer final {
public:
    void feed(const QByteArray &chunk);
    // The MIME type, or empty when the content is none of the accepted kinds.
    QString mimeType() const;

private:
    QByteArray m_head;      // the first bytes
    bool m_zipWord = false; // an OOXML part name seen in a ZIP
    bool m_zipExcel = false;
    QByteArray m_tail; // the end of the last chunk, for names across chunk borders
};

} // namespace jl::server
