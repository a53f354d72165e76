#include "models/reference/instrumentcategories.h"

#include "models/reference/bundledjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jl::models {

InstrumentCategories InstrumentCategories::bundled()
{
    return loadBundled<InstrumentCategories>(QStringLiteral(":/reference/categories.json"));
}

Result<InstrumentCategories> InstrumentCategories::fromJson(const QByteArray &json)
{
    const auto root = referenceRoot(json, QStringLiteral("categories"));
    const QJsonValue list = root ? root->value(QStringLiteral("categories")) : QJsonValue();
    if (!list.isArray())
        return Error{tr("The instrument category list is damaged; the previous one is kept."),
                     root ? QStringLiteral("\"categories\" is not a list") : root.error().detail};
    InstrumentCategories result;
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        InstrumentCategory c;
        c.code = o.value(QStringLiteral("code")).toString();
        c.name = o.value(QStringLiteral("name")).toString();
        for (const QJsonValue &k : o.value(QStringLiteral("keywords")).toArray())
            c.keywords.append(k.toString());
        if (c.code.isEmpty() || c.name.isEmpty())
            return Error{tr("The instrument category list is damaged; the previous one is kept."),
                         QStringLiteral("category without code or name")};
        result.m_categories.append(c);
    }
    return result;
}

QStringList InstrumentCategories::names() const
{
    QStringList names;
    for (const InstrumentCategory &c : m_categories)
        names.append(c.name);
    return names;
}

QString InstrumentCategories::categoryForName(const QString &instrumentName) const
{
    for (const InstrumentCategory &c : m_categories) {
        if (instrumentName == c.name)
            return c.name;
    }
    for (const InstrumentCategory &c : m_categories) {
        for (const QString &k : c.keywords) {
            if (instrumentName.contains(k))
                return c.name;
        }
    }
    return {};
}

} // namespace jl::models
