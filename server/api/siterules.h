#pragma once

#include "server/api/collectionrules.h"

namespace jl::server {

// Sites (站点, domain.md §3): the enterprise keeps its fuel stations and shops; a charging
// site's platform fields come from the operating platforms and may only be echoed.
class SiteRules final : public CollectionRules {
public:
    QString name() const override { return QStringLiteral("sites"); }
    bool clientWritable() const override { return true; }
    Outcome<QJsonObject> normalize(RecordStore &store, const QJsonObject &payload,
                                   const std::optional<StoredRecord> &current) const override;
    Done checkDelete(RecordStore &store, const StoredRecord &current) const override;
};

} // namespace jl::server
