#include "models/reference/instrumentcategories.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jl::models {

InstrumentCategories InstrumentCategories::bundled()
{
    QFile file(QStringLiteral(":/reference/categories.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto parsed = fromJson(file.readAll());
    return parsed ? parsed.value() : InstrumentCategories{};
}

Result<InstrumentCategories> InstrumentCategories::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonValue list = doc.object().value(QStringLiteral("categories"));
    if (error.error != QJsonParseError::NoError || !list.isArray())
        return Error{tr("The instrument category list is damaged; the previous one is kept."),
                     error.errorString()};
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
