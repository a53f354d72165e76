#pragma once

#include "models/common/result.h"
#include "models/domain/instrument.h"
#include "models/rules/warninglevel.h"
#include "models/store/audit.h"
#include "models/store/instrumentimportwriter.h"
#include "models/store/outbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>

namespace jl::models {

class InstrumentBulkLoad;

class Database;

struct WarningCounts {
    int none = 0;
    int notice = 0;
    int warning = 0;
    int alert = 0;
    int active = 0;  // every active instrument, whatever its status
    int history = 0; // every instrument in the history library
};

// A record arriving from an import: the values, and which fields the file gave (the
// others keep their stored value when an existing record is updated).
struct IncomingInstrument {
    Instrument values; // values.id: the record it came from (an exported file), or empty
    QStringList fields;
    // Optional: InstrumentImportWriter::prepareCreate(values), made on another thread; used
    // when the record turns out to be new.
    std::shared_ptr<const InstrumentImportWriter::PreparedCreate> prepared = nullptr;
};

enum class OnExisting { Update, Skip };

struct IncomingOutcome {
    enum Kind { Created, Updated, Skipped, Rejected };
    Kind kind = Created;
    QString field;   // Rejected: the field at fault (InstrumentField name), if one is
    QString message; // Rejected: why, translated
    QString id;      // the record created or updated
};

// Reads and writes instruments. Every write stores the records, one outbox entry per record
// (sync.md §9) and one audit entry per record, in a single transaction: all or nothing.
class InstrumentStore final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentStore)

public:
    InstrumentStore(Database &db, QString actor);

    const QString &actor() const { return m_actor; }

    Result<Instrument> get(const QString &id) const;
    Result<QList<Instrument>> get(const QStringList &ids) const;
    // The active instrument with this serial, if any.
    Result<std::optional<Instrument>> findActiveBySerial(const QString &serialNo) const;

    // Validates and normalises; assigns an id when empty. Returns the stored record.
    Result<Instrument> create(Instrument instrument);
    // Writes every field of an existing record (form edit, 信息完善).
    Result<Instrument> update(Instrument instrument);
    // 批量修改: sets the same fields on every record. Returns the records as they were
    // before, so the change can be undone with replace().
    Result<QList<Instrument>> batchUpdate(const QStringList &ids, const QVariantMap &fields);
    // Moves active records to the history library. Returns the records as they were.
    Result<QList<Instrument>> moveToHistory(const QStringList &ids);
    // 恢复: refused (nothing changes) when a serial is active again.
    Result<QList<Instrument>> restore(const QStringList &ids);
    // 彻底删除 from the history library: a tombstone and a delete in the outbox.
    Status purge(const QStringList &ids);
    // Writes the given records back as they are. `action` names it in the audit.
    Status replace(const QList<Instrument> &records, const QString &action);
    // Undo (or redo) of a change that took records from `from` to `to`: on each record as it
    // is now, only the fields that change touched, and nobody has changed since, get their
    // `to` value; later edits (a form, a sync) stay. A record missing from `from` is written
    // back whole.
    Status applyChange(const QList<Instrument> &from, const QList<Instrument> &to,
                       const QString &action);

    // Import: each record updates the active instrument with its id (an exported file
    // re-imported) or else its serial, or is skipped, as `onExisting` says; a record matching
    // none is created. A record that cannot be saved (invalid, or its serial taken by another
    // instrument) is rejected with a reason and the others go on. One transaction, which
    // joins the caller's: an import of many chunks inside transaction() commits once.
    // Defined in instrumentstoreimport.cpp: creates take InstrumentImportWriter's bulk path,
    // updates write().
    Result<QList<IncomingOutcome>> importRecords(const QList<IncomingInstrument> &records,
                                                 OnExisting onExisting);
    // Runs `work` in one transaction; the store's writes inside it join it.
    Status transaction(const std::function<Status()> &work);
    // The same for a whole import, with a larger page cache while it runs and the index on
    // (lifecycle, serial) built once at the end when it creates more than the table held
    // (InstrumentBulkLoad; instrumentstoreimport.cpp). Its commit leaves the WAL uncopied
    // (unless it is nested in an outer transaction, whose commit checkpoints as usual): the
    // caller runs Database::checkpoint() or checkpointInBackground() after answering.
    Status importTransaction(const std::function<Status()> &work);
    static constexpr int ImportCacheKiB = 32 * 1024;

    Result<WarningCounts> countWarnings(QDate today, WarningThresholds thresholds = {}) const;

    // The editable fields batchUpdate accepts, in form order.
    static QStringList batchEditableFields();

private:
    Result<Instrument> createChecked(Instrument instrument);
    Result<Instrument> updateChecked(Instrument instrument);
    Result<QList<Instrument>> restoreChecked(const QStringList &ids);
    Result<QList<Instrument>> write(const QList<Instrument> &before, const QList<Instrument> &after,
                                    const QString &action);

    Database &m_db;
    QString m_actor;
    InstrumentBulkLoad *m_bulk = nullptr; // set while importTransaction() runs
    // Also set while importTransaction() runs: one writer, whose statements stay prepared from
    // chunk to chunk, and one moment for the records created in that one transaction.
    InstrumentImportWriter *m_importWriter = nullptr;
    QDateTime m_importNow;
};

} // namespace jl::models
