#pragma once

#include "models/common/result.h"

#include <QStringList>

namespace jl::models {

class Database;

// An import that creates more instruments than the library held before it (a first import,
// a move from another program) loads faster without instrument_lifecycle_serial: its keys
// (serials) arrive in no order, so each new row goes into it at a random page, and building
// it afterwards from the whole table is a sort. So once an import has created more records
// than the table held at its start (and at least MinCreated), that index is dropped, and
// finish() builds it again, all inside the import's transaction: a rollback brings it back
// with the rows, readers on other connections never see the table without it, and a crash
// leaves the last commit.
//
// The other indexes stay. instrument_active_serial serves the import's own look-ups by serial
// and the store's uniqueness check on every write; the rest begin with low-cardinality
// columns (lifecycle, site, status), where keeping them up cost less than building them again
// at the end, which nothing can overlap (100,000 rows, bench_io and the same rows shuffled with
// random serials and names: dropping all five 2.28 / 2.55 s, only this one 2.05 / 2.34 s).
// Dropping only named indexes also leaves any index a later migration adds in place.
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
