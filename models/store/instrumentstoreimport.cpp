// The import's side of InstrumentStore: which records a batch touches, which are created (the
// bulk path of InstrumentImportWriter) and which update an existing record (the store's
// generic write, with its diff), all in one transaction.
#include "models/store/instrumentstore.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/database.h"
#include "models/store/instrumentbulkload.h"
#include "models/store/instrumentimportwriter.h"
#include "models/store/instrumentrow.h"

#include <QDateTime>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QStringList>

namespace jl::models {

namespace {

QString describe(const Instrument &i)
{
    return i.serialNo + QLatin1Char(' ') + i.name;
}

Instrument withFields(const Instrument &target, const Instrument &incoming,
                      const QStringList &fields)
{
    QJsonObject merged = toJson(target);
    const QJsonObject given = toJson(incoming);
    for (const QString &f : fields)
        merged.insert(f, given.value(f));
    Instrument result = instrumentFromJson(merged);
    // What the JSON does not carry, or an import must not change.
    result.rev = target.rev;
    result.updatedAt = target.updatedAt;
    result.lifecycle = target.lifecycle;
    result.removedAt = target.removedAt;
    result.deleted = false;
    return InstrumentValidator::normalized(result);
}

IncomingOutcome rejected(const Instrument &i)
{
    const QList<FieldError> errors = InstrumentValidator::validate(i);
    if (errors.isEmpty())
        return IncomingOutcome{IncomingOutcome::Created, {}, {}, {}};
    return IncomingOutcome{
        IncomingOutcome::Rejected, errors.first().field, errors.first().message, {}};
}

} // namespace

Result<QList<IncomingOutcome>>
InstrumentStore::importRecords(const QList<IncomingInstrument> &records, OnExisting onExisting)
{
    QList<IncomingOutcome> outcomes;
    outcomes.reserve(records.size());
    const Status done = m_db.transaction([&]() -> Status {
        // The active records this batch can touch, read in a few queries rather than one per
        // record, then kept current as the batch changes them.
        QHash<QString, Instrument> active;
        QHash<QString, QString> idBySerial;
        const auto keep = [&](const Instrument &i) {
            if (i.lifecycle != Lifecycle::Active || i.deleted)
                return;
            active.insert(i.id, i);
            idBySerial.insert(i.serialNo, i.id);
        };
        QStringList ids;
        QStringList serials; // normalised, in the order of `records`
        serials.reserve(records.size());
        for (const IncomingInstrument &r : records) {
            if (!r.values.id.isEmpty())
                ids.append(r.values.id);
            // A prepared record was normalised on the reading thread already.
            serials.append(r.prepared ? r.prepared->record.serialNo
                                      : InstrumentValidator::normalizedSerial(r.values.serialNo));
        }
        auto byId = get(ids);
        if (!byId)
            return byId.error();
        for (const Instrument &i : byId.value())
            keep(i);
        // One bound JSON array rather than one placeholder per serial: Qt's per-value binding
        // cost more than the look-up.
        if (!serials.isEmpty()) {
            auto q = m_db.exec(QStringLiteral("store.instrument.read"),
                               instrumentrow::activeBySerialsSql(),
                               QVariantList{instrumentrow::jsonArrayOf(serials)});
            if (!q)
                return q.error();
            while (q.value().next())
                keep(instrumentrow::fromQuery(q.value()));
        }

        QList<Instrument> before; // updates: the generic write, with its audit diff
        QList<Instrument> after;
        // The bulk path: the records as prepared on the reading thread, not copied; the few
        // prepared here are kept alive by `madeHere`.
        QList<const InstrumentImportWriter::PreparedCreate *> created;
        created.reserve(records.size());
        QList<std::shared_ptr<const InstrumentImportWriter::PreparedCreate>> madeHere;
        // The serials this batch creates, to their place in `created`: kept apart from `active`
        // (no copy of each new record in a hash; an import creates most of its rows).
        QHash<QString, qsizetype> createdBySerial;
        createdBySerial.reserve(records.size());
        QSet<QString> touched;
        const auto holderName = [&](const QString &serial) {
            if (const auto c = createdBySerial.constFind(serial); c != createdBySerial.cend())
                return created.at(*c)->record.name;
            return active.value(idBySerial.value(serial)).name;
        };
        for (qsizetype n = 0; n < records.size(); ++n) {
            const IncomingInstrument &r = records.at(n);
            const QString &serial = serials.at(n);
            std::optional<Instrument> target;
            if (const auto it = active.constFind(r.values.id); it != active.cend())
                target = *it;
            else if (const auto s = idBySerial.constFind(serial); s != idBySerial.cend())
                target = active.value(*s);
            if (target && onExisting == OnExisting::Skip) {
                outcomes.append({IncomingOutcome::Skipped, {}, {}, target->id});
                continue;
            }
            if (target && touched.contains(target->id)) {
                outcomes.append({IncomingOutcome::Rejected,
                                 {},
                                 tr("An earlier row already changes this instrument (%1).")
                                     .arg(describe(*target)),
                                 {}});
                continue;
            }
            if (!target) {
                // A serial an earlier row of this batch created: that record is the target,
                // as for one that existed.
                if (const auto c = createdBySerial.constFind(serial); c != createdBySerial.cend()) {
                    const Instrument &earlier = created.at(*c)->record;
                    if (onExisting == OnExisting::Skip)
                        outcomes.append({IncomingOutcome::Skipped, {}, {}, earlier.id});
                    else
                        outcomes.append({IncomingOutcome::Rejected,
                                         {},
                                         tr("An earlier row already changes this instrument (%1).")
                                             .arg(describe(earlier)),
                                         {}});
                    continue;
                }
                // A create was validated when it was prepared.
                const InstrumentImportWriter::PreparedCreate *prepared = r.prepared.get();
                if (!prepared) {
                    madeHere.append(std::make_shared<const InstrumentImportWriter::PreparedCreate>(
                        InstrumentImportWriter::prepareCreate(r.values)));
                    prepared = madeHere.constLast().get();
                }
                const InstrumentImportWriter::PreparedCreate &create = *prepared;
                if (!create.valid) {
                    outcomes.append({IncomingOutcome::Rejected,
                                     create.invalidField,
                                     create.invalidMessage,
                                     {}});
                    continue;
                }
                const QString &newSerial = create.record.serialNo;
                if (idBySerial.contains(newSerial)) { // an update of this batch took it
                    outcomes.append({IncomingOutcome::Rejected,
                                     QLatin1String(InstrumentField::SerialNo),
                                     tr("Serial number %1 belongs to another instrument (%2).")
                                         .arg(newSerial, holderName(newSerial)),
                                     {}});
                    continue;
                }
                createdBySerial.insert(newSerial, created.size());
                outcomes.append({IncomingOutcome::Created, {}, {}, create.record.id});
                created.append(prepared);
                continue;
            }
            const Instrument changed = withFields(*target, r.values, r.fields);
            if (IncomingOutcome bad = rejected(changed); bad.kind == IncomingOutcome::Rejected) {
                outcomes.append(bad);
                continue;
            }
            const QString holder = idBySerial.value(changed.serialNo);
            if ((!holder.isEmpty() && holder != changed.id) ||
                createdBySerial.contains(changed.serialNo)) {
                outcomes.append({IncomingOutcome::Rejected,
                                 QLatin1String(InstrumentField::SerialNo),
                                 tr("Serial number %1 belongs to another instrument (%2).")
                                     .arg(changed.serialNo, holderName(changed.serialNo)),
                                 {}});
                continue;
            }
            if (target->serialNo != changed.serialNo)
                idBySerial.remove(target->serialNo);
            keep(changed);
            touched.insert(changed.id);
            before.append(*target);
            after.append(changed);
            outcomes.append({IncomingOutcome::Updated, {}, {}, changed.id});
        }
        // Updates first: one may free a serial that a create of this batch then takes.
        if (!after.isEmpty()) {
            if (auto written = write(before, after, QStringLiteral("import")); !written)
                return written.error();
        }
        if (m_bulk && !created.isEmpty()) {
            if (Status s = m_bulk->willCreate(created.size()); !s)
                return s;
        }
        if (m_importWriter)
            return m_importWriter->insertCreated(created, m_importNow);
        return InstrumentImportWriter(m_db, m_actor)
            .insertCreated(created, QDateTime::currentDateTimeUtc());
    });
    if (!done)
        return done.error();
    return outcomes;
}

Status InstrumentStore::importTransaction(const std::function<Status()> &work)
{
    // A 100,000-row import touches more index pages than SQLite's default 2 MB cache holds:
    // it then writes pages to the WAL mid-transaction and again when they change. A larger
    // cache for the import's transaction only; durability is the same (the commit syncs as
    // always), and the size goes back afterwards.
    //
    // Without the automatic checkpoint for the commit: it would copy the whole import from
    // the WAL into the database file and sync that file (about a tenth of a 100,000-row
    // import, docs/benchmarks.md) before the user hears the outcome. The data is durable
    // once the WAL is synced at the commit; the caller checkpoints afterwards.
    const auto pragma = [this](const char *name) -> Result<QString> {
        auto q = m_db.exec(QStringLiteral("store.pragma"),
                           QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
        if (!q)
            return q.error();
        const QString value = q.value().next() ? q.value().value(0).toString() : QString();
        q.value().finish(); // the statement must end before the transaction does
        return value;
    };
    const auto set = [this](const char *name, const QString &value) -> Status {
        auto r = m_db.exec(QStringLiteral("store.pragma"),
                           QStringLiteral("PRAGMA %1 = %2").arg(QLatin1String(name), value));
        return r ? Status{} : Status{r.error()};
    };
    const Result<QString> previousCache = pragma("cache_size");
    if (!previousCache)
        return previousCache.error();
    const Result<QString> previousCheckpoint = pragma("wal_autocheckpoint");
    if (!previousCheckpoint)
        return previousCheckpoint.error();
    // Put back whatever happens below: both are only settings of this connection.
    const auto restore = qScopeGuard([&] {
        if (!previousCache.value().isEmpty())
            (void)set("cache_size", previousCache.value());
        if (!previousCheckpoint.value().isEmpty())
            (void)set("wal_autocheckpoint", previousCheckpoint.value());
    });
    if (Status s = set("cache_size", QString::number(-ImportCacheKiB)); !s)
        return s;
    if (Status s = set("wal_autocheckpoint", QStringLiteral("0")); !s)
        return s;
    const Status done = m_db.transaction([&]() -> Status {
        InstrumentBulkLoad bulk(m_db);
        if (Status s = bulk.begin(); !s)
            return s;
        InstrumentImportWriter writer(m_db, m_actor);
        m_bulk = &bulk;
        m_importWriter = &writer;
        m_importNow = QDateTime::currentDateTimeUtc();
        const auto detach = qScopeGuard([this] {
            m_bulk = nullptr;
            m_importWriter = nullptr;
        });
        if (Status s = work(); !s)
            return s; // the rollback brings back any dropped index
        return bulk.finish();
    });
    return done;
}

} // namespace jl::models
