#pragma once

// XML's character rules as the worksheet scanner (sheetxmlscanner.cpp) applies them to UTF-8
// bytes: byte classes for its hot loops, UTF-8 sequences, name characters, references and the
// XML declaration. Stateless; the scanner keeps the document's state.
#include <QByteArrayView>
#include <QtGlobal>

#include <array>

namespace jl::io::xlsx::xmlchars {

// Byte classes, so that the hot loops test one table entry per byte. The buffer always ends
// in a NUL, which is in no class: every loop stops at the end of the buffer without a bounds
// check, and then tells the end (read more) from a NUL in the file (an error).
enum : uchar {
    TextPlain = 1,   // character data that needs no second look
    NameStart = 2,   // ASCII letters and '_' (non-ASCII name characters are checked as UTF-8)
    NameChar = 4,    // NameStart, digits, '-' and '.'
    Space = 8,       // XML white space
    AttrPlain = 16,  // attribute value bytes that need no decoding
    MarkupPlain = 32 // ASCII that may appear in comments, processing instructions and CDATA
};

constexpr std::array<uchar, 256> makeClasses()
{
    std::array<uchar, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) {
        t[c] |= TextPlain | AttrPlain | MarkupPlain;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
            t[c] |= NameStart | NameChar;
        if ((c >= '0' && c <= '9') || c == '-' || c == '.')
            t[c] |= NameChar;
    }
    for (const uchar c : {'<', '&', ']'})
        t[c] &= uchar(~TextPlain);
    for (const uchar c : {'<', '&', '"', '\''})
        t[c] &= uchar(~AttrPlain);
    for (const uchar c : {'\t', '\n', '\r'})
        t[c] |= Space | MarkupPlain;
    t[' '] |= Space;
    t['\t'] |= TextPlain; // '\r' is not: it becomes '\n' (XML's end-of-line handling)
    t['\n'] |= TextPlain;
    return t;
}

inline constexpr std::array<uchar, 256> Classes = makeClasses();

inline bool is(uchar c, uchar cls)
{
    return (Classes[c] & cls) != 0;
}

// The length of the UTF-8 sequence at p if it is one XML character, 0 when it is not
// (malformed, overlong, a surrogate, U+FFFE/U+FFFF), -1 when the buffer ends inside it.
inline int utf8Sequence(const char *p, const char *end)
{
    const uchar b = uchar(p[0]);
    int n = 0;
    uchar lo = 0x80;
    uchar hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED)
            hi = 0x9F; // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    const qsizetype available = end - p;
    for (int i = 1; i < n; ++i) {
        if (i >= available)
            return -1;
        const uchar c = uchar(p[i]);
        if (c < (i == 1 ? lo : 0x80) || c > (i == 1 ? hi : 0xBF))
            return 0;
    }
    if (b == 0xEF && uchar(p[1]) == 0xBF && uchar(p[2]) >= 0xBE)
        return 0; // U+FFFE, U+FFFF are not XML characters
    return n;
}

quint32 decodeUtf8(const char *p, int n);
// Non-ASCII name characters, as XML 1.0 (fifth edition) lists them.
bool nameStartChar(quint32 c);
bool nameChar(quint32 c);
bool xmlChar(quint32 c);
// Writes code point c as UTF-8 at out (room for 4 bytes); returns the bytes written.
int encodeUtf8(quint32 c, char *out);

enum class Ref { Done, NeedMore, Bad };

// The reference at p ('&'): one of the five predefined entities or a character reference.
// Any other name is an undeclared entity, since a DTD (the only place to declare one) is
// refused.
Ref reference(const char *p, const char *end, quint32 &code, qsizetype &length);

// The pseudo-attributes of an XML declaration (after "<?xml", before "?>"), as
// QXmlStreamReader takes them: version 1.0 first, then encodings, then standalone yes or no.
bool validDeclaration(QByteArrayView d);

} // namespace jl::io::xlsx::xmlchars
