#include "server/storage/pgarray.h"

namespace jl::server {

namespace {

// Every element quoted, so that empty strings, commas, braces and the word NULL stay text;
// inside quotes only the quote and the backslash are escaped. The runs between them are
// copied whole (per character appends were a tenth of a batch's time).
template <typename Out, typename View, typename Char>
void appendQuoted(Out &out, View value, Char quote, Char backslash)
{
    out += quote;
    qsizetype from = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const auto c = value[i];
        if (c == quote || c == backslash) {
            out.append(value.sliced(from, i - from));
            out += backslash;
            from = i;
        }
    }
    out.append(value.sliced(from));
    out += quote;
}

} // namespace

QString pgTextArray(const QStringList &values)
{
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    QString out;
    out.reserve(size + size / 8);
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        appendQuoted(out, QStringView(values.at(i)), QChar(u'"'), QChar(u'\\'));
    }
    out += QLatin1Char('}');
    return out;
}

QString pgTextArray(const QList<QByteArray> &utf8)
{
    qsizetype size = 2;
    for (const QByteArray &v : utf8)
        size += v.size() + 3;
    QByteArray out;
    out.reserve(size + size / 8);
    out += '{';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (i > 0)
            out += ',';
        appendQuoted(out, QByteArrayView(utf8.at(i)), '"', '\\');
    }
    out += '}';
    return QString::fromUtf8(out);
}

QString pgIntArray(const QList<qint64> &values)
{
    QByteArray out = "{";
    out.reserve(values.size() * 8 + 2);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArray::number(values.at(i));
    }
    out += '}';
    return QString::fromLatin1(out);
}

} // namespace jl::server
