#include "models/store/localcollection.h"

#include "models/store/instrumentcollection.h"

namespace jl::models {

LocalCollection::~LocalCollection() = default;

QString LocalCollection::displayValue(const QString &field, const QJsonValue &value) const
{
    Q_UNUSED(field)
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return value.toString();
}

LocalCollections::~LocalCollections() = default;

std::unique_ptr<LocalCollections> LocalCollections::builtIn()
{
    auto collections = std::make_unique<LocalCollections>();
    collections->add(std::make_unique<InstrumentCollection>());
    return collections;
}

void LocalCollections::add(std::unique_ptr<LocalCollection> collection)
{
    m_collections.push_back(std::move(collection));
}

const LocalCollection *LocalCollections::find(const QString &name) const
{
    for (const auto &c : m_collections) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

QString LocalCollections::title(const QString &name) const
{
    const LocalCollection *c = find(name);
    return c ? c->title() : name;
}

} // namespace jl::models
