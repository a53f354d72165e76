#include "server/storage/pgarray.h"

namespace jl::server {

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
        // Every element quoted, so that empty strings, commas, braces and the word NULL stay
        // text; inside quotes only the quote and the backslash are escaped.
        out += QLatin1Char('"');
        for (const QChar c : values.at(i)) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                out += QLatin1Char('\\');
            out += c;
        }
        out += QLatin1Char('"');
    }
    out += QLatin1Char('}');
    return out;
}

QString pgIntArray(const QList<qint64> &values)
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += QString::number(values.at(i));
    }
    out += QLatin1Char('}');
    return out;
}

} // namespace jl::server
