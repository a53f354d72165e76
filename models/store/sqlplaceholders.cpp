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
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        // '…', "…" and `…` end at their quote ('' inside is two quotes: the scan ends and
        // starts again); [ … ] at ']'.
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') ||
            c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            const qsizetype end = sql.indexOf(close, i + 1);
            const qsizetype stop = end < 0 ? n : end + 1;
            out += QStringView(sql).mid(i, stop - i);
            i = stop;
            continue;
        }
        if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
            const qsizetype stop = end < 0 ? n : end + 1;
            out += QStringView(sql).mid(i, stop - i);
            i = stop;
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            out += QStringView(sql).mid(i, stop - i);
            i = stop;
            continue;
        }
        if (c == QLatin1Char('?')) {
            if (i + 1 < n && sql.at(i + 1).isDigit())
                return {}; // ?NNN: the statement numbers its own
            const QString name = QStringLiteral(":p%1").arg(names.size() + 1);
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
