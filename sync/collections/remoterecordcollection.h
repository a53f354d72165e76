#pragma once

#include "sync/collections/synccollection.h"

namespace jl::sync {

// A collection this client has no table for: its records are kept whole in remote_record
// (local schema v2) so that a later migration can move them into a table of their own.
class RemoteRecordCollection final : public SyncCollection {
public:
    explicit RemoteRecordCollection(QString name);

    // The collection names remote_record holds rows of.
    static models::Result<QStringList> namesIn(models::Database &db);

    QString name() const override { return m_name; }
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

private:
    QString m_name;
};

} // namespace jl::sync
