#pragma once

#include "models/common/result.h"

#include <QStringList>

namespace jl::models {

class Database;

// An import that creates more instruments than the library held before it (a first import,
// a move from another program) loads faster without the instrument table's secondary
// indexes: SQLite inserts each new row into every index at a random page, and building an
// index afterwards from the whole table is a sort, about three times cheaper per row. So once
// an import has created more records than the table held at its start (and at least
// MinCreated), those indexes are dropped, and finish() builds them again, all inside the
// import's transaction: a rollback brings back the indexes with the rows, readers on other
// connections never see the table without them, and a crash leaves the last commit.
//
// instrument_active_serial stays: the import's own look-ups by serial and the store's
// uniqueness check on every write use it.
class InstrumentBulkLoad final {
public:
    static constexpr qint64 MinCreated = 5000;

    explicit InstrumentBulkLoad(Database &db);

    // Counts the table's rows; inside the import's transaction.
    Status begin();
    // Called before `count` more records are inserted; drops the indexes once it pays.
    Status willCreate(qsizetype count);
    // Builds again what willCreate() dropped.
    Status finish();

    bool indexesDropped() const { return !m_dropped.isEmpty(); }

private:
    Status drop();

    Database &m_db;
    qint64 m_existing = 0;
    qint64 m_created = 0;
    QStringList m_dropped; // the CREATE INDEX statements, as sqlite_master keeps them
};

} // namespace jl::models
