#include "models/store/sqlplaceholders.h"

namespace jl::models::sqlplaceholders {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QStringList numbered(QString &sql)
{
    QString out;
    out.reserve(sql.size() + sql.size() / 4);
    QStringList names;
    const qsizetype n = sql.size();
    // Just past the next `close` from `from`, or the end.
    const auto after = [&sql, n](QStringView close, qsizetype from) {
        const qsizetype at = sql.indexOf(close, from);
        return at < 0 ? n : at + close.size();
    };
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        // Where a literal, quoted identifier or comment starting here ends ('' inside a
        // literal ends one scan and starts the next), or -1.
        qsizetype skipTo = -1;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`'))
            skipTo = after(QStringView(&c, 1), i + 1);
        else if (c == QLatin1Char('['))
            skipTo = after(u"]", i + 1);
        else if (QStringView(sql).mid(i, 2) == u"--")
            skipTo = after(u"\n", i + 2);
        else if (QStringView(sql).mid(i, 2) == u"/*")
            skipTo = after(u"*/", i + 2);
        if (skipTo >= 0) {
            out += QStringView(sql).mid(i, skipTo - i);
            i = skipTo;
            continue;
        }
        if (c == QLatin1Char('?')) {
            if (i + 1 < n && sql.at(i + 1).isDigit())
                return {}; // ?NNN: the statement numbers its own
            const QString name = QLatin1String(":p") + QString::number(names.size() + 1);
            names.append(name);
            out += name;
            ++i;
            continue;
        }
        if ((c == QLatin1Char(':') || c == QLatin1Char('@') || c == QLatin1Char('$')) &&
            i + 1 < n && isNameChar(sql.at(i + 1)))
            return {}; // a named placeholder of its own
        out += c;
        ++i;
    }
    if (!names.isEmpty())
        sql = out;
    return names;
}

} // namespace jl::models::sqlplaceholders
