#include "server/http/router.h"

#include <algorithm>

namespace jl::server {

namespace {

QStringList split(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool isCapture(const QString &segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.access = access;
    r.handler = std::move(handler);
    r.segments = split(pattern);
    m_routes.append(std::move(r));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match m;
    const QStringList parts = split(path);
    // A literal segment beats a capture (/files/{sha256}/status vs /{collection}/{id}/{cmd}),
    // so the most literal match wins.
    int bestLiterals = -1;
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        QHash<QString, QString> args;
        int literals = 0;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &s = r.segments.at(i);
            if (isCapture(s)) {
                args.insert(s.mid(1, s.size() - 2), parts.at(i));
            } else if (s == parts.at(i)) {
                ++literals;
            } else {
                ok = false;
            }
        }
        if (!ok)
            continue;
        if (!m.allowed.contains(r.method))
            m.allowed.append(r.method);
        if (r.method == method && literals > bestLiterals) {
            bestLiterals = literals;
            m.route = &r;
            m.args = args;
        }
    }
    return m;
}

QStringList Router::table() const
{
    QStringList lines;
    for (const Route &r : m_routes)
        lines.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern);
    std::sort(lines.begin(), lines.end());
    lines.removeDuplicates();
    return lines;
}

} // namespace jl::server
