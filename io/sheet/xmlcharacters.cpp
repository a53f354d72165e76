#include "io/sheet/xmlcharacters.h"

#include <algorithm>

namespace jl::io::xlsx::xmlchars {

quint32 decodeUtf8(const char *p, int n)
{
    const uchar b = uchar(p[0]);
    quint32 c = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int i = 1; i < n; ++i)
        c = (c << 6) | (uchar(p[i]) & 0x3F);
    return c;
}

bool nameStartChar(quint32 c)
{
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
           (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
           (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
           (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0xEFFFF);
}

bool nameChar(quint32 c)
{
    return nameStartChar(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
           (c >= 0x203F && c <= 0x2040);
}

bool xmlChar(quint32 c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

int encodeUtf8(quint32 c, char *out)
{
    if (c < 0x80) {
        out[0] = char(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = char(0xC0 | (c >> 6));
        out[1] = char(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = char(0xE0 | (c >> 12));
        out[1] = char(0x80 | ((c >> 6) & 0x3F));
        out[2] = char(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (c >> 18));
    out[1] = char(0x80 | ((c >> 12) & 0x3F));
    out[2] = char(0x80 | ((c >> 6) & 0x3F));
    out[3] = char(0x80 | (c & 0x3F));
    return 4;
}

Ref reference(const char *p, const char *end, quint32 &code, qsizetype &length)
{
    const char *q = p + 1;
    if (q == end)
        return Ref::NeedMore;
    if (*q == '#') {
        ++q;
        if (q == end)
            return Ref::NeedMore;
        quint32 base = 10;
        if (*q == 'x') { // XML allows only the lower-case x
            base = 16;
            ++q;
        }
        quint32 value = 0;
        int digits = 0;
        for (;; ++q, ++digits) {
            if (q == end)
                return Ref::NeedMore;
            const char c = *q;
            quint32 d = 0;
            if (c >= '0' && c <= '9')
                d = quint32(c - '0');
            else if (base == 16 && c >= 'a' && c <= 'f')
                d = quint32(c - 'a' + 10);
            else if (base == 16 && c >= 'A' && c <= 'F')
                d = quint32(c - 'A' + 10);
            else
                break;
            value = std::min<quint32>(value * base + d, 0x110000); // past the last code point
        }
        if (digits == 0 || *q != ';' || !xmlChar(value))
            return Ref::Bad;
        code = value;
        length = q + 1 - p;
        return Ref::Done;
    }
    const char *name = q;
    while (is(uchar(*q), NameChar))
        ++q;
    if (q == end)
        return Ref::NeedMore;
    if (*q != ';')
        return Ref::Bad;
    const QByteArrayView n(name, q - name);
    if (n == "lt")
        code = '<';
    else if (n == "gt")
        code = '>';
    else if (n == "amp")
        code = '&';
    else if (n == "apos")
        code = '\'';
    else if (n == "quot")
        code = '"';
    else
        return Ref::Bad;
    length = q + 1 - p;
    return Ref::Done;
}

bool validDeclaration(QByteArrayView d)
{
    qsizetype i = 0;
    const auto space = [&] {
        const qsizetype start = i;
        while (i < d.size() && is(uchar(d.at(i)), Space))
            ++i;
        return i > start;
    };
    int stage = 0; // 0: version expected, 1: after version, 2: after standalone
    while (true) {
        const bool spaced = space();
        if (i == d.size())
            return stage > 0;
        if (!spaced)
            return false;
        const qsizetype nameStart = i;
        while (i < d.size() && is(uchar(d.at(i)), NameChar))
            ++i;
        const QByteArrayView name = d.sliced(nameStart, i - nameStart);
        space();
        if (i == d.size() || d.at(i) != '=')
            return false;
        ++i;
        space();
        if (i == d.size() || (d.at(i) != '"' && d.at(i) != '\''))
            return false;
        const qsizetype close = d.indexOf(d.at(i), i + 1);
        if (close < 0)
            return false;
        const QByteArrayView value = d.sliced(i + 1, close - i - 1);
        i = close + 1;
        if (stage == 0 && name == "version" && value == "1.0")
            stage = 1;
        else if (stage == 1 && name == "encoding" && !value.isEmpty())
            continue;
        else if (stage == 1 && name == "standalone" && (value == "yes" || value == "no"))
            stage = 2;
        else
            return false;
    }
}

} // namespace jl::io::xlsx::xmlchars
