#include "models/reference/divisions.h"

#include "models/common/logging.h"
#include "models/reference/bundledjson.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace jl::models {

Error Divisions::invalid(const QString &detail)
{
    return Error{tr("The administrative division data is not in the expected format."), detail};
}

Divisions Divisions::bundled()
{
    return loadBundled<Divisions>(QStringLiteral(":/reference/divisions.json"));
}

Result<Divisions> Divisions::fromJson(const QByteArray &json)
{
    const auto parsed = referenceRoot(json, QStringLiteral("divisions"));
    if (!parsed || !parsed->value(QLatin1String("divisions")).isObject())
        return invalid(parsed ? QStringLiteral("expected a \"divisions\" object")
                              : parsed.error().detail);
    const QJsonObject root = parsed.value();

    Divisions result;
    result.m_source = root.value(QLatin1String("source")).toString();
    const QJsonObject divisions = root.value(QLatin1String("divisions")).toObject();
    result.m_names.reserve(divisions.size());
    for (auto it = divisions.begin(); it != divisions.end(); ++it) {
        const QString name = it.value().toString().trimmed();
        if (level(it.key()) == 0)
            return invalid(QStringLiteral("\"%1\" is not a division code").arg(it.key()));
        if (name.isEmpty())
            return invalid(QStringLiteral("%1 has no name").arg(it.key()));
        result.m_names.insert(it.key(), name);
    }
    for (auto it = result.m_names.cbegin(); it != result.m_names.cend(); ++it) {
        const QString parent = parentCode(it.key());
        if (!parent.isEmpty() && !result.m_names.contains(parent))
            return invalid(QStringLiteral("%1 %2: parent %3 missing").arg(it.key(), *it, parent));
        result.m_children[parent].append(it.key());
    }
    // Codes of one level have one length, so text order is numeric order.
    for (QStringList &list : result.m_children)
        std::sort(list.begin(), list.end());
    return result;
}

QStringList Divisions::children(const QString &parentCode) const
{
    return m_children.value(parentCode);
}

QStringList Divisions::path(const QString &code) const
{
    if (!contains(code))
        return {};
    QStringList codes;
    for (QString c = code; !c.isEmpty(); c = parentCode(c))
        codes.prepend(c);
    return codes;
}

// The statistical codes keep levels that an address does not spell out: the 市辖区 / 县
// groupings of the municipalities, the 省直辖县级行政区划 of provinces, and the district
// that repeats its city's name where a city has no districts (东莞市 441900 in 4419).
bool Divisions::isPlaceholder(const QString &code) const
{
    const QString n = name(code);
    if (level(code) == 2)
        return n == QStringLiteral("市辖区") || n == QStringLiteral("县") ||
               n.endsWith(QStringLiteral("直辖县级行政区划"));
    return level(code) == 3 && n == name(parentCode(code));
}

QString Divisions::fullName(const QString &code) const
{
    QString full;
    const QStringList codes = path(code);
    for (const QString &c : codes) {
        if (!isPlaceholder(c))
            full += name(c);
    }
    return full;
}

int Divisions::level(const QString &code)
{
    const bool digits = !code.isEmpty() && std::all_of(code.cbegin(), code.cend(), [](QChar ch) {
        return ch >= u'0' && ch <= u'9';
    });
    if (!digits)
        return 0;
    switch (code.size()) {
    case 2:
        return 1;
    case 4:
        return 2;
    case 6:
        return 3;
    case 9:
        return 4;
    default:
        return 0;
    }
}

QString Divisions::parentCode(const QString &code)
{
    switch (level(code)) {
    case 2:
        return code.left(2);
    case 3:
        return code.left(4);
    case 4:
        return code.left(6);
    default:
        return {};
    }
}

bool Divisions::isHangzhou(const QString &code)
{
    return level(code) >= 2 && code.startsWith(QLatin1String("3301"));
}

} // namespace jl::models
