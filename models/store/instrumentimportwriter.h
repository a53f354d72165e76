#pragma once

#include "models/common/result.h"
#include "models/domain/instrument.h"

#include <QList>

#include <QString>
#include <QVariantList>
#include <array>
#include <memory>

namespace jl::models {

class Database;

// Writes the records an import creates, the hot path of a 100,000-row import: the instrument
// rows, their outbox entries and their audit lines go in by multi-row INSERTs of RowsPerInsert
// rows (one statement parse and one bind pass per 64 records, not three per record), the
// snapshot is serialised once, inside {"created": …}, as the audit line (a create needs no
// diff: audit.h), whose record the outbox entry reads as its payload (local_v4.sql). Ids are
// time-ordered UUIDs (version 7), so the id, op_id and record_id indexes are appended to
// instead of written at random pages. The values are bound straight into SQLite where that is sound
// (sqlitedirect.h): Qt's per-value binding cost more than the inserts themselves. Runs inside the
// caller's transaction: a failure leaves it to roll back. The failpoints store.instrument.write,
// store.outbox.insert and store.audit.insert are still checked once per record (a fault fires at
// the same record as with one statement per record), store.import.insert once per statement,
// and store.import.audit once per call (the next audit id).
class InstrumentImportWriter final {
public:
    // Rows per multi-row INSERT: through Qt more rows got slower (its placeholder book-keeping
    // grows with them); straight into SQLite 64 still gains a little over 16.
    static constexpr int RowsPerInsert = 16;
    static constexpr int DirectRowsPerInsert = 64;

    // What a created record stores, made ahead from the parsed values: an import makes it on
    // its reading thread, so that the storing thread only binds and inserts.
    struct PreparedCreate {
        Instrument record; // normalised, with its new id, rev 0, active
        QString opId;      // its outbox entry's
        QString changes;   // the audit line's changes, the outbox payload inside them
        QVariantList row;  // the bound columns of its instrument row
        // For binding straight into SQLite (sqlitedirect.h), made instead of `row` and
        // `changes` when this build can: the row's bound columns, then the op id, then the
        // changes with the payload inside them, as UTF-8 in one buffer (SQLite's own encoding:
        // the storing thread then neither converts nor allocates per value). `ends` holds where
        // each value ends in it; a NULL's entry is -(where it would end) - 1; where each
        // begins: importtexts::valueBegin().
        QByteArray utf8;
        std::array<qint32, 24> ends{}; // 21 columns, op id, payload, changes
        QString invalidField;          // validate()'s first error, when the record breaks a rule
        QString invalidMessage;
        bool valid = true;
    };
    // Exactly what importRecords() makes of a new record (normalised, a new id, validated).
    static PreparedCreate prepareCreate(const Instrument &values);

    InstrumentImportWriter(Database &db, QString actor);
    ~InstrumentImportWriter();

    // Valid prepared records, in order, stored with updated_at `now`. By pointer: an import's
    // records were prepared on its reading thread and are stored without a copy of each.
    // Inside a transaction only (asserted): the inserts run OR FAIL, so a statement that fails
    // half-way keeps its first rows until the transaction rolls back. The statements stay
    // prepared for the writer's next call with the same `now`: an import keeps one writer and
    // one moment for its whole transaction, and preparing the 64-row INSERTs again for each
    // chunk of 1,024 records cost about a twentieth of its storing thread.
    Status insertCreated(const QList<const PreparedCreate *> &created, const QDateTime &now);
    Status insertCreated(const QList<PreparedCreate> &created, const QDateTime &now);

    // A version 7 UUID: 48 bits of Unix milliseconds, then a counter seeded at random each
    // millisecond, so ids made by one thread increase.
    static QString newId();

    // The texts the generic write stores for a create, made without a QJsonObject
    // (instrumentimporttexts.cpp, with the UTF-8 form for direct binding): the outbox
    // payload (QJsonDocument(toJson(i)).toJson(Compact)) and the audit changes
    // (audit::created(toJson(i)) compacted: the payload inside {"created": …}). Exactly the
    // same bytes; a string Qt would escape
    // takes the generic path.
    struct CreateTexts {
        QString payload;
        QString changes;
    };
    static CreateTexts createTexts(const Instrument &instrument);

private:
    struct Statements;
    Database &m_db;
    QString m_actor;
    std::unique_ptr<Statements> m_statements; // of the last call
};

} // namespace jl::models
