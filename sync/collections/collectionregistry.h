#pragma once

#include "sync/collections/synccollection.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace jl::sync {

// Which local table holds which collection. The engine asks by the name the server's change
// or the outbox entry carries and never names a collection itself; a name nobody registered
// is kept whole in remote_record, so that nothing pulled is lost before a later version gives
// it a table. Used on one thread (the engine's).
class CollectionRegistry final {
public:
    CollectionRegistry() = default;
    ~CollectionRegistry();
    Q_DISABLE_COPY_MOVE(CollectionRegistry)

    // instrument, site, contact, enterprise, verificationRecord.
    static std::unique_ptr<CollectionRegistry> builtIn();

    void add(std::unique_ptr<SyncCollection> collection);
    // The registered collection, or the remote_record keeper for that name.
    const SyncCollection &get(const QString &name) const;
    // Registered names and the names kept in remote_record.
    models::Result<QStringList> names(models::Database &db) const;
    bool isRegistered(const QString &name) const { return m_byName.contains(name); }

private:
    std::vector<std::unique_ptr<SyncCollection>> m_collections;
    QHash<QString, const SyncCollection *> m_byName;
    mutable QHash<QString, std::shared_ptr<SyncCollection>> m_kept; // remote_record, by name
};

} // namespace jl::sync
