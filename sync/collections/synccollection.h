#pragma once

#include "models/common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>
#include <utility>

namespace jl::models {
class Database;
}

namespace jl::sync {

// A record as sync moves it: the server's envelope (rev, deleted, updatedAt) and the fields in
// the client's JSON form (models toJson keys).
struct SyncedRecord {
    QString id;
    qint64 rev = 0;
    bool deleted = false;
    QString updatedAt; // ISO UTC; empty means now
    QJsonObject data;
};

// One collection's local table as the sync engine sees it (sync.md: the engine is generic over
// collections). A later collection adds one implementation and registers it in
// CollectionRegistry; the engine does not change. Implementations are stateless and their
// writes join the caller's transaction. They give the SQL and binds of their writes; store()
// and remove() run them once, SyncWriter runs many through statements prepared once.
class SyncCollection {
public:
    SyncCollection() = default;
    virtual ~SyncCollection();
    Q_DISABLE_COPY_MOVE(SyncCollection)

    virtual QString name() const = 0; // the client's name ("instrument")

    // nullopt when no row has this id; a local tombstone comes back with deleted set.
    virtual models::Result<std::optional<SyncedRecord>> read(models::Database &db,
                                                             const QString &id) const = 0;
    // Local revisions of those of `ids` that have a row (tombstones included).
    virtual models::Result<QHash<QString, qint64>> revisions(models::Database &db,
                                                             const QStringList &ids) const = 0;
    // Revisions of every live row: the full resync compares them with the server's set.
    virtual models::Result<QHash<QString, qint64>> allRevisions(models::Database &db) const = 0;
    // Writes the record as the server has it (a live record; rev and data as given).
    models::Status store(models::Database &db, const SyncedRecord &record) const;
    // Removes the row: the server deleted the record, or a local delete was acknowledged.
    models::Status remove(models::Database &db, const QString &id) const;
    // The statements behind store() and remove(): the SQL is the same for every record, so
    // a page of 1,000 records prepares it once (SyncWriter).
    virtual QString storeSql() const = 0;
    virtual QVariantList storeValues(const SyncedRecord &record) const = 0;
    virtual QString removeSql() const = 0;
    virtual QVariantList removeValues(const QString &id) const = 0;
    // Live rows, for the mass-delete guard.
    virtual models::Result<int> count(models::Database &db) const = 0;

    // The payload fields that name attachments (sync.md §16), set once when the collection is
    // registered. A field holds a SHA-256, an array of them, or attachment objects ({sha256,
    // fileName, …}) alone or in an array. The engine uploads those files before the record
    // and downloads them after it arrives (sync/syncattachments.cpp).
    const QStringList &attachmentFields() const { return m_attachmentFields; }
    void setAttachmentFields(QStringList fields) { m_attachmentFields = std::move(fields); }

private:
    QStringList m_attachmentFields;
};

} // namespace jl::sync
