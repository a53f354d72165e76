#include "io/sheet/sheetxmlscanner.h"

#include "io/sheet/xmlcharacters.h"

#include <QIODevice>

#include <algorithm>
#include <array>
#include <cstring>

namespace jl::io::xlsx {

using namespace xmlchars;

bool SheetXmlScanner::handles(QIODevice &device)
{
    const QByteArray head = device.peek(4096);
    QByteArrayView v(head);
    if (v.startsWith("\xEF\xBB\xBF"))
        v = v.sliced(3);
    // UTF-16 or UTF-32, with or without a byte order mark.
    for (qsizetype i = 0; i < std::min<qsizetype>(v.size(), 4); ++i) {
        if (v.at(i) == '\0' || uchar(v.at(i)) >= 0xFE)
            return false;
    }
    if (!v.startsWith("<?xml") || v.size() < 6 || !is(uchar(v.at(5)), Space))
        return true;
    const qsizetype close = v.indexOf("?>");
    if (close < 0)
        return false; // a declaration longer than this: leave it to QXmlStreamReader
    const QByteArrayView declaration = v.first(close);
    qsizetype at = declaration.indexOf("encoding");
    if (at < 0)
        return true; // no encoding named: UTF-8
    at += 8;
    const auto skipSpace = [&] {
        while (at < declaration.size() && is(uchar(declaration.at(at)), Space))
            ++at;
    };
    skipSpace();
    if (at >= declaration.size() || declaration.at(at) != '=')
        return false;
    ++at;
    skipSpace();
    if (at >= declaration.size())
        return false;
    const char quote = declaration.at(at);
    const qsizetype valueEnd = declaration.indexOf(quote, at + 1);
    if ((quote != '"' && quote != '\'') || valueEnd < 0)
        return false;
    const QByteArrayView encoding = declaration.sliced(at + 1, valueEnd - at - 1);
    return encoding.size() == 5 && qstrnicmp(encoding.data(), "UTF-8", 5) == 0;
}

SheetXmlScanner::SheetXmlScanner(QIODevice &device, qsizetype chunkSize)
    : m_device(device)
    , m_chunk(std::max<qsizetype>(chunkSize, 1))
{
    m_buf.resize(1);
    m_buf[0] = '\0';
}

SheetXmlScanner::~SheetXmlScanner() = default;

// Keeps the unscanned bytes (an incomplete token is scanned again from its start) and reads
// a chunk after them; a token longer than a chunk doubles the read, so that scanning it
// again stays linear.
bool SheetXmlScanner::more()
{
    if (m_eof)
        return false;
    if (m_collecting && !m_copying && m_pendEnd > m_pendStart) {
        m_text.truncate(0);
        m_text.append(m_buf.constData() + m_pendStart, m_pendEnd - m_pendStart);
        m_copying = true;
    }
    const qsizetype keep = m_end - m_pos;
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.constData() + m_pos, size_t(keep));
        m_base += m_pos;
        m_pos = 0;
        m_end = keep;
    }
    const qsizetype want = std::max(m_chunk, keep);
    if (m_buf.size() < keep + want + 1)
        m_buf.resize(keep + want + 1);
    // A read error ends the input here; the caller asks the zip why (streamError()).
    const qint64 n = m_device.read(m_buf.data() + keep, want);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    m_end = keep + qsizetype(n);
    m_buf[m_end] = '\0';
    return true;
}

SheetXmlScanner::Token SheetXmlScanner::fail(const char *what)
{
    if (!m_error) {
        m_error = true;
        m_errorString = QStringLiteral("%1 at byte %2").arg(QLatin1String(what)).arg(offset());
    }
    return Token::Invalid;
}

SheetXmlScanner::Step SheetXmlScanner::bad(const char *what)
{
    fail(what);
    return Step::Bad;
}

// Moves p past the UTF-8 sequence of one XML character at p; `what` names the fault if it is
// none. NeedMore leaves p where it was.
SheetXmlScanner::Step SheetXmlScanner::multibyte(const char *&p, const char *end, const char *what)
{
    const int n = utf8Sequence(p, end);
    if (n < 0)
        return Step::NeedMore;
    if (n == 0)
        return bad(what);
    p += n;
    return Step::Done;
}

SheetXmlScanner::Token SheetXmlScanner::endOfInput()
{
    if (m_nameStarts.isEmpty() && m_rootSeen && m_pos == m_end)
        return Token::EndDocument;
    return fail("premature end of document");
}

void SheetXmlScanner::begin()
{
    m_started = true;
    while (m_end < 3 && more()) {
    }
    if (QByteArrayView(m_buf.constData(), m_end).startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
}

SheetXmlScanner::Token SheetXmlScanner::next()
{
    if (m_error)
        return Token::Invalid;
    if (!m_started)
        begin();
    if (m_pendingEnd) {
        m_pendingEnd = false;
        popElement();
        return Token::EndElement;
    }
    while (true) {
        if (m_pos == m_end) {
            if (!more())
                return endOfInput();
            continue;
        }
        Step s = Step::Done;
        if (m_buf.at(m_pos) != '<') {
            s = m_nameStarts.isEmpty() ? outsideText() : scanText(false);
            m_atStart = false;
            if (s == Step::Done)
                continue;
        } else {
            Token token = Token::Invalid;
            s = markup(token, false);
            if (s == Step::Done) {
                m_atStart = false;
                if (token != Token::Invalid) // Invalid here: a comment or PI, nothing to report
                    return token;
                continue;
            }
        }
        if (s == Step::Bad)
            return Token::Invalid;
        if (!more())
            return endOfInput();
    }
}

std::optional<QByteArrayView> SheetXmlScanner::readElementText()
{
    if (m_error)
        return std::nullopt;
    if (m_pendingEnd) {
        m_pendingEnd = false;
        popElement();
        return QByteArrayView();
    }
    m_collecting = true;
    m_copying = false;
    m_pendStart = m_pendEnd = 0;
    const qsizetype depth = m_nameStarts.size();
    while (m_nameStarts.size() == depth) {
        Step s = Step::Done;
        if (m_pos == m_end) {
            s = Step::NeedMore;
        } else if (m_buf.at(m_pos) != '<') {
            s = scanText(true);
        } else {
            Token token = Token::Invalid;
            s = markup(token, true);
            if (s == Step::Done && token == Token::StartElement) {
                m_collecting = false;
                fail("expected character data, found a child element");
                return std::nullopt;
            }
        }
        if (s == Step::Bad) {
            m_collecting = false;
            return std::nullopt;
        }
        if (s == Step::NeedMore && !more()) {
            m_collecting = false;
            fail("premature end of document");
            return std::nullopt;
        }
    }
    m_collecting = false;
    if (m_copying)
        return QByteArrayView(m_text);
    return QByteArrayView(m_buf.constData() + m_pendStart, m_pendEnd - m_pendStart);
}

bool SheetXmlScanner::skipElement()
{
    const qsizetype depth = m_nameStarts.size();
    while (true) {
        const Token t = next();
        if (t == Token::Invalid || t == Token::EndDocument)
            return false;
        if (t == Token::EndElement && m_nameStarts.size() < depth)
            return true;
    }
}

QByteArrayView SheetXmlScanner::attribute(QByteArrayView qualifiedName) const
{
    for (const Attribute &a : m_attributes) {
        if (sameBytes(QByteArrayView(m_buf.constData() + a.name, a.nameSize), qualifiedName))
            return QByteArrayView((a.decoded ? m_decoded.constData() : m_buf.constData()) + a.value,
                                  a.valueSize);
    }
    return {};
}

// White space between elements outside the root; anything else there is an error.
SheetXmlScanner::Step SheetXmlScanner::outsideText()
{
    const char *const base = m_buf.constData();
    const char *p = base + m_pos;
    while (is(uchar(*p), Space))
        ++p;
    m_pos = p - base;
    if (m_pos == m_end)
        return Step::NeedMore;
    if (*p == '<')
        return Step::Done;
    return bad(m_rootSeen ? "extra content at end of document" : "start tag expected");
}

void SheetXmlScanner::collect(qsizetype from, qsizetype to)
{
    if (from == to)
        return;
    if (!m_copying) {
        if (m_pendEnd == m_pendStart) {
            m_pendStart = from;
            m_pendEnd = to;
            return;
        }
        if (from == m_pendEnd) {
            m_pendEnd = to;
            return;
        }
        m_text.truncate(0);
        m_text.append(m_buf.constData() + m_pendStart, m_pendEnd - m_pendStart);
        m_copying = true;
    }
    m_text.append(m_buf.constData() + from, to - from);
}

void SheetXmlScanner::collectBytes(const char *data, qsizetype size)
{
    if (!m_copying) {
        m_text.truncate(0);
        m_text.append(m_buf.constData() + m_pendStart, m_pendEnd - m_pendStart);
        m_copying = true;
    }
    m_text.append(data, size);
}

// Character data from m_pos up to the next '<' (left at m_pos). Complete characters and
// references are consumed (and collected), so that after NeedMore the scan resumes where
// the buffer ran out.
SheetXmlScanner::Step SheetXmlScanner::scanText(bool keep)
{
    const char *const base = m_buf.constData();
    const char *const end = base + m_end;
    const char *p = base + m_pos;
    const char *run = p; // start of the bytes not collected yet
    const auto stop = [&](Step s) {
        if (keep)
            collect(run - base, p - base);
        m_pos = p - base;
        return s;
    };
    while (true) {
        while (is(uchar(*p), TextPlain))
            ++p;
        const uchar c = uchar(*p);
        if (c == '<')
            return stop(Step::Done);
        if (c >= 0x80) {
            const int n = utf8Sequence(p, end);
            if (n > 0) {
                p += n;
                continue;
            }
            if (n < 0)
                return stop(Step::NeedMore);
            m_pos = p - base;
            return bad("invalid UTF-8 or a non-XML character");
        }
        if (c == '&') {
            quint32 code = 0;
            qsizetype length = 0;
            const Ref r = reference(p, end, code, length);
            if (r == Ref::NeedMore)
                return stop(Step::NeedMore);
            if (r == Ref::Bad) {
                m_pos = p - base;
                return bad("undeclared entity or invalid character reference");
            }
            if (keep) {
                collect(run - base, p - base);
                char bytes[4];
                collectBytes(bytes, encodeUtf8(code, bytes));
            }
            p += length;
            run = p;
            continue;
        }
        if (c == '\r') { // "\r\n" and a lone "\r" both become "\n"
            if (p + 1 == end && !m_eof)
                return stop(Step::NeedMore);
            if (keep) {
                collect(run - base, p - base);
                collectBytes("\n", 1);
            }
            p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
            run = p;
            continue;
        }
        if (c == ']') { // "]]>" may not appear in character data
            if (p + 1 == end || (p[1] == ']' && p + 2 == end))
                return stop(Step::NeedMore);
            if (p[1] == ']' && p[2] == '>') {
                m_pos = p - base;
                return bad("']]>' in character data");
            }
            ++p;
            continue;
        }
        if (p == end)
            return stop(Step::NeedMore);
        m_pos = p - base;
        return bad("a character XML does not allow");
    }
}

// Reads a name, NCName or prefix:NCName, at p; `colon` is its ':' if it has one.
SheetXmlScanner::Step SheetXmlScanner::qualifiedName(const char *&p, const char *end,
                                                     const char *&colon)
{
    colon = nullptr;
    const char *part = p;
    while (true) {
        const uchar c = uchar(*p);
        if (is(c, NameChar)) {
            if (p == part && !is(c, NameStart))
                return bad("invalid XML name");
            ++p;
        } else if (c >= 0x80) {
            const char *at = p;
            if (const Step s = multibyte(p, end, "invalid UTF-8 in a name"); s != Step::Done)
                return s;
            const quint32 code = decodeUtf8(at, int(p - at));
            if (at == part ? !nameStartChar(code) : !nameChar(code))
                return bad("invalid XML name");
        } else if (c == ':') {
            if (colon || p == part)
                return bad("invalid XML name");
            colon = p;
            part = ++p;
        } else if (p == end) {
            return Step::NeedMore;
        } else {
            break;
        }
    }
    if (p == part)
        return bad("invalid XML name");
    return Step::Done;
}

// Tokens that start with '<' (m_pos is on it): tags, comments, CDATA, processing
// instructions, a DOCTYPE. `token` is StartElement or EndElement for a tag, else Invalid.
// In readElementText() (`keep`), a CDATA section's text is collected.
SheetXmlScanner::Step SheetXmlScanner::markup(Token &token, bool keep)
{
    const char *const base = m_buf.constData();
    const char *const end = base + m_end;
    const char *const begin = base + m_pos;
    token = Token::Invalid;
    if (end - begin < 2)
        return Step::NeedMore;
    const char kind = begin[1];
    if (kind == '/') {
        const char *p = begin + 2;
        const char *colon = nullptr;
        if (const Step s = qualifiedName(p, end, colon); s != Step::Done)
            return s;
        const char *const nameEnd = p;
        while (is(uchar(*p), Space))
            ++p;
        if (p == end)
            return Step::NeedMore;
        if (*p != '>')
            return bad("expected '>' in an end tag");
        const QByteArrayView qname(begin + 2, nameEnd - begin - 2);
        if (m_nameStarts.isEmpty())
            return bad("end tag without a start tag");
        const qsizetype top = m_nameStarts.constLast();
        if (!sameBytes(QByteArrayView(m_names.data() + top, qsizetype(m_names.size()) - top),
                       qname))
            return bad("opening and ending tag mismatch");
        m_local = colon ? QByteArrayView(colon + 1, nameEnd - colon - 1) : qname;
        m_pos = p + 1 - base;
        popElement();
        token = Token::EndElement;
        return Step::Done;
    }
    if (kind == '?')
        return processingInstruction();
    if (kind == '!') {
        if (end - begin < 4)
            return Step::NeedMore;
        if (begin[2] == '-' && begin[3] == '-')
            return comment();
        if (end - begin < 9)
            return Step::NeedMore;
        const QByteArrayView head(begin, 9);
        if (head == "<![CDATA[") {
            if (m_nameStarts.isEmpty())
                return bad("CDATA outside the root element");
            return cdata(keep);
        }
        if (head == "<!DOCTYPE") { // refused wherever it is, as QXmlStreamReader reports it
            m_dtd = true;
            return bad("document type declaration");
        }
        return bad("unexpected '<!'");
    }
    if (const Step s = startTag(); s != Step::Done)
        return s;
    token = Token::StartElement;
    return Step::Done;
}

SheetXmlScanner::Step SheetXmlScanner::startTag()
{
    const char *const base = m_buf.constData();
    const char *const end = base + m_end;
    const char *const begin = base + m_pos;
    const char *p = begin + 1;
    const char *colon = nullptr;
    if (const Step s = qualifiedName(p, end, colon); s != Step::Done)
        return s;
    const char *const nameEnd = p;
    m_attributes.clear();
    bool selfClosing = false;
    bool decode = false;
    while (true) {
        const char *const spaceStart = p;
        while (is(uchar(*p), Space))
            ++p;
        if (*p == '>') {
            ++p;
            break;
        }
        if (*p == '/') {
            if (p + 1 == end)
                return Step::NeedMore;
            if (p[1] != '>')
                return bad("expected '>' after '/'");
            selfClosing = true;
            p += 2;
            break;
        }
        if (p == end)
            return Step::NeedMore;
        if (p == spaceStart)
            return bad("expected white space, '>' or '/' in a start tag");
        Attribute a;
        a.name = p - base;
        const char *attributeColon = nullptr;
        if (const Step s = qualifiedName(p, end, attributeColon); s != Step::Done)
            return s;
        a.nameSize = p - base - a.name;
        while (is(uchar(*p), Space))
            ++p;
        if (p == end)
            return Step::NeedMore;
        if (*p != '=')
            return bad("expected '=' after an attribute name");
        ++p;
        while (is(uchar(*p), Space))
            ++p;
        if (p == end)
            return Step::NeedMore;
        const char quote = *p;
        if (quote != '"' && quote != '\'')
            return bad("expected a quoted attribute value");
        ++p;
        a.value = p - base;
        if (const Step s = attributeValue(p, end, quote, a.decoded); s != Step::Done)
            return s;
        a.valueSize = p - base - a.value;
        decode = decode || a.decoded;
        ++p; // the closing quote
        m_attributes.append(a);
    }
    // The whole tag is in the buffer: check it against the document, then take it.
    if (m_nameStarts.isEmpty() && m_rootSeen)
        return bad("extra content at end of document");
    const qsizetype count = m_attributes.size();
    const auto nameOf = [&](const Attribute &a) {
        return QByteArrayView(base + a.name, a.nameSize);
    };
    if (count > 1) {
        if (count <= 16) {
            for (qsizetype i = 0; i < count; ++i) {
                for (qsizetype j = i + 1; j < count; ++j) {
                    if (sameBytes(nameOf(m_attributes.at(i)), nameOf(m_attributes.at(j))))
                        return bad("attribute redefined");
                }
            }
        } else {
            QList<QByteArrayView> names;
            names.reserve(count);
            for (const Attribute &a : std::as_const(m_attributes))
                names.append(nameOf(a));
            std::sort(names.begin(), names.end());
            if (std::adjacent_find(names.cbegin(), names.cend()) != names.cend())
                return bad("attribute redefined");
        }
    }
    const int depth = int(m_nameStarts.size()) + 1;
    for (const Attribute &a : std::as_const(m_attributes)) {
        const QByteArrayView n = nameOf(a);
        if (n.startsWith("xmlns:")) {
            m_namespaces.append({n.sliced(6).toByteArray(), depth});
            ++m_declared[m_namespaces.constLast().prefix];
        }
    }
    const QByteArrayView qname(begin + 1, nameEnd - begin - 1);
    if (colon && !prefixDeclared(QByteArrayView(begin + 1, colon - begin - 1)))
        return bad("namespace prefix not declared");
    for (const Attribute &a : std::as_const(m_attributes)) {
        const QByteArrayView n = nameOf(a);
        const qsizetype c = n.indexOf(':');
        if (c > 0 && n.first(c) != "xmlns" && !prefixDeclared(n.first(c)))
            return bad("namespace prefix not declared");
    }
    if (decode) {
        m_decoded.truncate(0);
        for (Attribute &a : m_attributes) {
            if (a.decoded)
                decodeAttribute(a);
        }
    }
    m_nameStarts.append(qsizetype(m_names.size()));
    m_names.append(qname.data(), size_t(qname.size()));
    m_rootSeen = true;
    m_local = colon ? QByteArrayView(colon + 1, nameEnd - colon - 1) : qname;
    m_pendingEnd = selfClosing;
    m_pos = p - base;
    return Step::Done;
}

// Scans an attribute value up to its closing quote (left at p). `decode` says whether it
// holds references or white space that XML normalises.
SheetXmlScanner::Step SheetXmlScanner::attributeValue(const char *&p, const char *end, char quote,
                                                      bool &decode)
{
    decode = false;
    while (true) {
        while (is(uchar(*p), AttrPlain))
            ++p;
        const uchar c = uchar(*p);
        if (c == uchar(quote))
            return Step::Done;
        if (c == '"' || c == '\'') {
            ++p;
        } else if (c >= 0x80) {
            if (const Step s =
                    multibyte(p, end, "invalid UTF-8 or a non-XML character in an attribute value");
                s != Step::Done)
                return s;
        } else if (c == '&') {
            quint32 code = 0;
            qsizetype length = 0;
            const Ref r = reference(p, end, code, length);
            if (r == Ref::NeedMore)
                return Step::NeedMore;
            if (r == Ref::Bad)
                return bad("undeclared entity or invalid character reference");
            decode = true;
            p += length;
        } else if (c == '\t' || c == '\n' || c == '\r') {
            decode = true;
            ++p;
        } else if (p == end) {
            return Step::NeedMore;
        } else {
            return bad(c == '<' ? "'<' in an attribute value"
                                : "a character XML does not allow in an attribute value");
        }
    }
}

// The value as XML gives it to the application: references replaced, each white space
// character (a "\r\n" pair counting as one) a space. The value was checked by the scan.
void SheetXmlScanner::decodeAttribute(Attribute &a)
{
    const char *p = m_buf.constData() + a.value;
    const char *const end = p + a.valueSize;
    a.value = m_decoded.size();
    while (p < end) {
        const char c = *p;
        if (c == '&') {
            quint32 code = 0;
            qsizetype length = 0;
            reference(p, end, code, length);
            char bytes[4];
            m_decoded.append(bytes, encodeUtf8(code, bytes));
            p += length;
        } else if (c == '\t' || c == '\n' || c == '\r') {
            m_decoded.append(' ');
            p += (c == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
        } else {
            m_decoded.append(c);
            ++p;
        }
    }
    a.valueSize = m_decoded.size() - a.value;
}

bool SheetXmlScanner::prefixDeclared(QByteArrayView prefix) const
{
    if (prefix == "xml")
        return true;
    return m_declared.contains(prefix.toByteArray());
}

void SheetXmlScanner::popElement()
{
    m_names.resize(size_t(m_nameStarts.takeLast()));
    const qsizetype depth = m_nameStarts.size();
    while (!m_namespaces.isEmpty() && m_namespaces.constLast().depth > depth) {
        const auto it = m_declared.find(m_namespaces.constLast().prefix);
        if (it != m_declared.end() && --it.value() == 0)
            m_declared.erase(it);
        m_namespaces.removeLast();
    }
}

// Moves p to the next `stop` byte of a comment, processing instruction or CDATA section,
// checking that everything before it is an XML character; `kind` names the part in errors.
SheetXmlScanner::Step SheetXmlScanner::markupUntil(const char *&p, const char *end, char stop,
                                                   const MarkupKind &kind)
{
    while (true) {
        while (is(uchar(*p), MarkupPlain) && *p != stop)
            ++p;
        const uchar c = uchar(*p);
        if (c == uchar(stop))
            return Step::Done;
        if (c >= 0x80) {
            if (const Step s = multibyte(p, end, kind.badUtf8); s != Step::Done)
                return s;
        } else if (p == end) {
            return Step::NeedMore;
        } else {
            return bad(kind.badCharacter);
        }
    }
}

SheetXmlScanner::Step SheetXmlScanner::comment()
{
    static const MarkupKind kind{"invalid UTF-8 or a non-XML character in a comment",
                                 "a character XML does not allow in a comment"};
    const char *const base = m_buf.constData();
    const char *const end = base + m_end;
    const char *p = base + m_pos + 4;
    while (true) {
        if (const Step s = markupUntil(p, end, '-', kind); s != Step::Done)
            return s;
        if (end - p < 3)
            return Step::NeedMore;
        if (p[1] == '-') {
            if (p[2] != '>')
                return bad("'--' inside a comment");
            m_pos = p + 3 - base;
            return Step::Done;
        }
        ++p;
    }
}

SheetXmlScanner::Step SheetXmlScanner::processingInstruction()
{
    const char *const base = m_buf.constData();
    const char *const end = base + m_end;
    const char *p = base + m_pos + 2;
    const char *const target = p;
    const char *colon = nullptr;
    if (const Step s = qualifiedName(p, end, colon); s != Step::Done)
        return s;
    if (colon)
        return bad("invalid processing instruction name");
    const bool declaration = p - target == 3 && qstrnicmp(target, "xml", 3) == 0;
    if (declaration && (!m_atStart || QByteArrayView(target, 3) != "xml"))
        return bad("XML declaration not at start of document");
    // After the target: white space, or the end right away.
    if (*p == '?') {
        if (end - p < 2)
            return Step::NeedMore;
        if (p[1] != '>')
            return bad("invalid processing instruction");
    } else if (!is(uchar(*p), Space)) {
        if (p == end)
            return Step::NeedMore;
        return bad("invalid processing instruction");
    }
    static const MarkupKind kind{"invalid UTF-8 or a non-XML character in a processing instruction",
                                 "a character XML does not allow in a processing instruction"};
    while (true) {
        if (const Step s = markupUntil(p, end, '?', kind); s != Step::Done)
            return s;
        if (end - p < 2)
            return Step::NeedMore;
        if (p[1] == '>') {
            if (declaration && !validDeclaration(QByteArrayView(target + 3, p - target - 3)))
                return bad("invalid XML declaration");
            m_pos = p + 2 - base;
            return Step::Done;
        }
        ++p;
    }
}

// A CDATA section: its text as it is, but for the end-of-line handling every part gets.
SheetXmlScanner::Step SheetXmlScanner::cdata(bool keep)
{
    const char *const base = m_buf.constData();
    const char *const end = base + m_end;
    const char *const content = base + m_pos + 9;
    const char *p = content;
    static const MarkupKind kind{"invalid UTF-8 or a non-XML character in CDATA",
                                 "a character XML does not allow in CDATA"};
    while (true) {
        if (const Step s = markupUntil(p, end, ']', kind); s != Step::Done)
            return s;
        if (end - p < 3)
            return Step::NeedMore;
        if (p[1] == ']' && p[2] == '>')
            break;
        ++p;
    }
    if (keep) {
        const char *run = content;
        for (const char *q = content; q < p; ++q) {
            if (*q != '\r')
                continue;
            collect(run - base, q - base);
            if (q + 1 < p && q[1] == '\n') {
                run = q + 1; // the '\n' stays, the '\r' goes
            } else {
                collectBytes("\n", 1);
                run = q + 1;
            }
        }
        collect(run - base, p - base);
    }
    m_pos = p + 3 - base;
    return Step::Done;
}

} // namespace jl::io::xlsx
