#pragma once

#include "server/core/outcome.h"
#include "server/storage/storedrecord.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace jl::server {

class RecordStore;

// What one collection knows about its records: which fields a client may send, how they are
// checked and normalised, which commands exist (sync.md §13), and what else changes when a
// record does (verification matching). WriteService does the rest (revisions, If-Match,
// tombstones), the same for every collection.
class CollectionRules {
public:
    virtual ~CollectionRules() = default;

    virtual QString name() const = 0; // path segment and feed name: "instruments"
    virtual bool clientWritable() const { return false; }
    virtual QStringList commands() const { return {}; }

    // The stored data for `payload` (every field a client may send; anything else is
    // refused), given the current record if there is one.
    virtual Outcome<QJsonObject> normalize(RecordStore &store, const QJsonObject &payload,
                                           const std::optional<StoredRecord> &current) const;
    // match_key and flag of the records table (see server/sql/v1.sql).
    virtual void index(StoredRecord &record) const { Q_UNUSED(record); }
    virtual Done checkDelete(RecordStore &store, const StoredRecord &current) const;
    // Runs before a client's write is stored, in its transaction; may change the record
    // (verification results pulled in by a new serial number).
    virtual Outcome<StoredRecord> beforeWrite(RecordStore &store, StoredRecord record,
                                              const std::optional<StoredRecord> &before) const
    {
        Q_UNUSED(store);
        Q_UNUSED(before);
        return record;
    }
    // Runs after a write in the same transaction; may write other records, and returns the
    // record as it ends up (matching may change it again).
    virtual Outcome<StoredRecord> afterWrite(RecordStore &store, const StoredRecord &written,
                                             const std::optional<StoredRecord> &before) const;
    // A state transition: the record after it (not yet stored).
    virtual Outcome<StoredRecord> command(RecordStore &store, const StoredRecord &current,
                                          const QString &command, const QJsonObject &body) const;

protected:
    // Fields no client may set in any collection: the envelope and the tenant.
    static const QStringList &envelopeFields();
    // Refuses envelope fields and anything not in `allowed`; 422 names the field.
    static Done checkFields(const QJsonObject &payload, const QStringList &allowed);
};

// The registry: every synced collection, in the order the feed documentation lists them.
class Collections final {
public:
    static const QList<const CollectionRules *> &all();
    static const CollectionRules *find(const QString &name);
};

} // namespace jl::server
