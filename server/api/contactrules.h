#pragma once

#include "server/api/collectionrules.h"

namespace jl::server {

// Contacts and liaisons (联系人 / 联络人员, domain.md §3).
class ContactRules final : public CollectionRules {
public:
    QString name() const override { return QStringLiteral("contacts"); }
    bool clientWritable() const override { return true; }
    Outcome<QJsonObject> normalize(RecordStore &store, const QJsonObject &payload,
                                   const std::optional<StoredRecord> &current) const override;
};

} // namespace jl::server
