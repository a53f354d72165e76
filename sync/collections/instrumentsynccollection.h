#pragma once

#include "sync/collections/synccollection.h"

namespace jl::sync {

// The instrument table: rows through models::instrumentrow, fields through the instrument's
// own JSON form (toJson / instrumentFromJson), so that sync and the store agree on one shape.
class InstrumentSyncCollection final : public SyncCollection {
public:
    InstrumentSyncCollection() = default;

    QString name() const override;
    models::Result<std::optional<SyncedRecord>> read(models::Database &db,
                                                     const QString &id) const override;
    models::Result<QHash<QString, qint64>> revisions(models::Database &db,
                                                     const QStringList &ids) const override;
    models::Result<QHash<QString, qint64>> allRevisions(models::Database &db) const override;
    QString storeSql() const override;
    QVariantList storeValues(const SyncedRecord &record) const override;
    QString removeSql() const override;
    QVariantList removeValues(const QString &id) const override;
    models::Result<int> count(models::Database &db) const override;
};

} // namespace jl::sync
