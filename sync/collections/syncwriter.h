#pragma once

#include "models/common/result.h"
#include "models/store/database.h"

#include <QString>
#include <unordered_map>

#include <optional>

namespace jl::sync {

class SyncCollection;
struct SyncedRecord;

// The writes of one page or one batch's acknowledgements: each collection's upsert and delete
// are prepared on first use and run for every record after, instead of prepared again per
// record (the 26-column instrument upsert cost SQLite more to prepare than to run). Lives
// inside one transaction and one call, like PreparedStatement. Each run checks the failpoint
// "sync.local.write", as the collection's store() and remove() do.
class SyncWriter final {
public:
    explicit SyncWriter(models::Database &db)
        : m_db(db)
    {}
    models::Status store(const SyncCollection &collection, const SyncedRecord &record);
    models::Status remove(const SyncCollection &collection, const QString &id);

private:
    struct Statements {
        std::optional<models::PreparedStatement> store;
        std::optional<models::PreparedStatement> remove;
    };
    models::Database &m_db;
    std::unordered_map<const SyncCollection *, Statements> m_statements;
};

} // namespace jl::sync
