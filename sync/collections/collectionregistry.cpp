#include "sync/collections/collectionregistry.h"

#include "sync/collections/instrumentsynccollection.h"
#include "sync/collections/remoterecordcollection.h"
#include "sync/collections/tablecollection.h"

namespace jl::sync {

SyncCollection::~SyncCollection() = default;
CollectionRegistry::~CollectionRegistry() = default;

namespace {

using T = TableCollection::Type;

TableCollection::Column col(const char *column, const char *field, T type = T::Text)
{
    return {QLatin1String(column), QLatin1String(field), type};
}

} // namespace

std::unique_ptr<CollectionRegistry> CollectionRegistry::builtIn()
{
    auto r = std::make_unique<CollectionRegistry>();
    r->add(std::make_unique<InstrumentSyncCollection>());
    // The tables of local schema v1/v2; each column's field is its server JSON key.
    r->add(std::make_unique<TableCollection>(
        QStringLiteral("site"), QStringLiteral("site"),
        QList<TableCollection::Column>{
            col("kind", "kind"), col("station_code", "stationCode"), col("name", "name"),
            col("division_code", "divisionCode"), col("address", "address"),
            col("platform", "platform"), col("operator", "operator"),
            col("operating_status", "operatingStatus"), col("pile_count", "pileCount", T::Integer),
            col("gun_count", "gunCount", T::Integer)},
        false));
    r->add(std::make_unique<TableCollection>(
        QStringLiteral("contact"), QStringLiteral("contact"),
        QList<TableCollection::Column>{
            col("name", "name"), col("phone", "phone"), col("province", "province"),
            col("city", "city"), col("district", "district"), col("street", "street"),
            col("address", "address"), col("is_liaison", "isLiaison", T::Boolean)},
        false));
    r->add(std::make_unique<TableCollection>(
        QStringLiteral("enterprise"), QStringLiteral("enterprise"),
        QList<TableCollection::Column>{col("uscc", "uscc"), col("name", "name")}, true));
    auto verification = std::make_unique<TableCollection>(
        QStringLiteral("verificationRecord"), QStringLiteral("verification_record"),
        QList<TableCollection::Column>{
            col("certificate_no", "certificateNo"), col("serial_no", "serialNo"),
            col("instrument_name", "instrumentName"), col("model", "model"),
            col("institution", "institution"), col("verified_at", "verifiedAt", T::NullableText),
            col("valid_until", "validUntil", T::NullableText), col("result", "result"),
            col("certificate", "certificate"), col("matched_instrument_id", "matchedInstrumentId")},
        true);
    // The certificate PDF (domain.md §3), downloaded after its record.
    verification->setAttachmentFields({QStringLiteral("certificate")});
    r->add(std::move(verification));
    return r;
}

void CollectionRegistry::add(std::unique_ptr<SyncCollection> collection)
{
    m_byName.insert(collection->name(), collection.get());
    m_collections.push_back(std::move(collection));
}

const SyncCollection &CollectionRegistry::get(const QString &name) const
{
    if (const SyncCollection *c = m_byName.value(name))
        return *c;
    auto &kept = m_kept[name];
    if (!kept)
        kept = std::make_shared<RemoteRecordCollection>(name);
    return *kept;
}

models::Result<QStringList> CollectionRegistry::names(models::Database &db) const
{
    QStringList list;
    for (const auto &c : m_collections)
        list.append(c->name());
    auto kept = RemoteRecordCollection::namesIn(db);
    if (!kept)
        return kept.error();
    for (const QString &n : kept.value()) {
        if (!list.contains(n))
            list.append(n);
    }
    return list;
}

} // namespace jl::sync
