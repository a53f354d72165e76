#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <string>

class QIODevice;

namespace jl::io::xlsx {

// Byte equality for names of a few bytes, inlined: a call to memcmp costs more than that.
inline bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.data()[i] != b.data()[i])
            return false;
    }
    return true;
}

// A pull scanner over the UTF-8 bytes of a worksheet (or any OOXML part), for the cell loop
// that QXmlStreamReader made the reader's main cost: it converts the whole part to UTF-16 and
// copies every attribute and element text. This scanner reads the device in large chunks,
// hands out names, attribute values and element text as byte views into its buffer, and
// leaves it to the caller to make a QString of only the text a cell keeps.
//
// It is still a checking XML parser, so that a damaged or hostile part is refused as before:
// tags must balance, names and attributes be well formed, text and attribute values be valid
// UTF-8 of XML characters, entity references be the five predefined ones or character
// references (a document without a DTD declares no others), namespace prefixes be declared,
// and there is one root element. A <!DOCTYPE is refused outright (no entity expansion).
// Elements are matched by local name, so any namespace prefix works.
//
// Only UTF-8 is read: handles() tells from the first bytes whether the part is UTF-8 (no
// UTF-16 BOM, no other declared encoding); the caller keeps QXmlStreamReader for the rest.
class SheetXmlScanner final {
    Q_DISABLE_COPY_MOVE(SheetXmlScanner)

public:
    enum class Token { StartElement, EndElement, EndDocument, Invalid };
    static constexpr qsizetype DefaultChunkSize = qsizetype(256) << 10;

    // Whether the part on `device` (not yet read) is UTF-8; peeks, consumes nothing.
    static bool handles(QIODevice &device);

    // `chunkSize` is how much is read at a time; tests make it tiny to split every token.
    explicit SheetXmlScanner(QIODevice &device, qsizetype chunkSize = DefaultChunkSize);
    ~SheetXmlScanner();

    // The next start or end tag; text, comments and processing instructions between tags
    // are checked and dropped. A self-closing tag gives a StartElement then an EndElement.
    // Invalid when the XML is not well formed (or has a DTD); the scanner then stays there.
    Token next();

    // The local name (after any prefix) of the tag just returned.
    QByteArrayView name() const { return m_local; }
    bool nameIs(QByteArrayView localName) const { return sameBytes(m_local, localName); }
    // The value of the current start tag's attribute of this qualified name, entity
    // references decoded and white space normalised as XML says; empty when it is absent.
    // Valid until the next call of next(), readElementText() or skipElement().
    QByteArrayView attribute(QByteArrayView qualifiedName) const;

    // On a StartElement: its text up to the matching end tag (character data, references
    // decoded, CDATA as it is, comments and processing instructions left out), as UTF-8
    // already checked; like QXmlStreamReader::readElementText(), a child element is an error
    // (nullopt). The view is valid until the next call.
    std::optional<QByteArrayView> readElementText();
    // On a StartElement: skips to its matching end tag. False on an error.
    bool skipElement();

    // Bytes of the part consumed so far (for progress).
    qint64 offset() const { return m_base + m_pos; }
    bool hasError() const { return m_error; }
    bool dtdFound() const { return m_dtd; }
    // What was wrong, with the byte offset (for the error's detail, not translated).
    QString errorString() const { return m_errorString; }

private:
    enum class Step { Done, NeedMore, Bad };
    struct Attribute {
        qsizetype name = 0; // offsets into m_buf (or m_decoded when decoded)
        qsizetype nameSize = 0;
        qsizetype value = 0;
        qsizetype valueSize = 0;
        bool decoded = false;
    };
    struct Namespace {
        QByteArray prefix;
        int depth = 0;
    };

    void begin();
    bool more();
    Token fail(const char *what);
    Step bad(const char *what);
    Step multibyte(const char *&p, const char *end, const char *what);
    Token endOfInput();
    Step outsideText();
    Step scanText(bool keep);
    Step markup(Token &token, bool keep);
    Step qualifiedName(const char *&p, const char *end, const char *&colon);
    Step startTag();
    Step attributeValue(const char *&p, const char *end, char quote, bool &decode);
    void decodeAttribute(Attribute &a);
    struct MarkupKind {
        const char *badUtf8;
        const char *badCharacter;
    };
    Step markupUntil(const char *&p, const char *end, char stop, const MarkupKind &kind);
    Step comment();
    Step processingInstruction();
    Step cdata(bool keep);
    bool prefixDeclared(QByteArrayView prefix) const;
    void popElement();
    void collect(qsizetype from, qsizetype to);
    void collectBytes(const char *data, qsizetype size);

    QIODevice &m_device;
    qsizetype m_chunk;
    QByteArray m_buf;    // read bytes; m_buf[m_end] is always a NUL sentinel
    qsizetype m_pos = 0; // next byte to scan
    qsizetype m_end = 0;
    qint64 m_base = 0; // bytes of the part before m_buf[0]
    bool m_eof = false;
    bool m_started = false;
    bool m_error = false;
    bool m_dtd = false;
    QString m_errorString;

    // The current tag.
    QByteArrayView m_local;
    QList<Attribute> m_attributes;
    QByteArray m_decoded;      // attribute values that needed decoding
    bool m_pendingEnd = false; // a self-closing tag's EndElement is still to come

    // Open elements (qualified names, for the end tags) and declared prefixes.
    std::string m_names;
    QList<qsizetype> m_nameStarts;
    QList<Namespace> m_namespaces;
    // How many of m_namespaces declare each prefix: a look-up independent of the nesting, so
    // that a deep nest of declarations cannot make every prefixed name a long search.
    QHash<QByteArray, int> m_declared;
    bool m_rootSeen = false;
    bool m_atStart = true; // nothing but the BOM read yet: an XML declaration may come

    // Text being collected by readElementText(): a range of m_buf while it is contiguous,
    // else copied into m_text.
    bool m_collecting = false;
    bool m_copying = false;
    qsizetype m_pendStart = 0;
    qsizetype m_pendEnd = 0;
    QByteArray m_text;
};

} // namespace jl::io::xlsx
