#include "models/store/instrumentstore.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"

#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <functional>
#include <optional>

namespace jl::models {

namespace {

const QString Collection = QStringLiteral("instrument");
constexpr int IdsPerQuery = 500; // well under SQLite's bound-parameter limit

QString describe(const Instrument &i)
{
    return i.serialNo + QLatin1Char(' ') + i.name;
}

// Runs a check-then-write in one transaction, so that what was checked (a serial being free)
// still holds when the write happens, and a clash gets the helpful message, not the index's.
template <typename T> Result<T> atomically(Database &db, const std::function<Result<T>()> &work)
{
    std::optional<Result<T>> result;
    const Status s = db.transaction([&]() -> Status {
        result.emplace(work());
        return result->ok() ? Status{} : Status{result->error()};
    });
    if (!s)
        return s.error();
    return std::move(*result);
}

} // namespace

InstrumentStore::InstrumentStore(Database &db, QString actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

Result<Instrument> InstrumentStore::get(const QString &id) const
{
    auto list = get(QStringList{id});
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error{tr("The instrument no longer exists. Refresh the list."), id};
    return list->first();
}

Result<QList<Instrument>> InstrumentStore::get(const QStringList &ids) const
{
    QList<Instrument> found;
    for (qsizetype from = 0; from < ids.size(); from += IdsPerQuery) {
        const QStringList chunk = ids.mid(from, IdsPerQuery);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QVariantList binds;
        for (const QString &id : chunk)
            binds.append(id);
        auto q =
            m_db.exec(QStringLiteral("store.instrument.read"),
                      QStringLiteral("SELECT %1 FROM instrument WHERE deleted = 0 AND id IN (%2)")
                          .arg(instrumentrow::columns(), marks.join(QLatin1Char(','))),
                      binds);
        if (!q)
            return q.error();
        while (q.value().next())
            found.append(instrumentrow::fromQuery(q.value()));
    }
    // Keep the caller's order: undo and reports rely on it.
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < ids.size(); ++i)
        position.insert(ids.at(i), i);
    std::sort(found.begin(), found.end(), [&position](const Instrument &a, const Instrument &b) {
        return position.value(a.id) < position.value(b.id);
    });
    return found;
}

Result<std::optional<Instrument>> InstrumentStore::findActiveBySerial(const QString &serialNo) const
{
    auto q = m_db.exec(QStringLiteral("store.instrument.read"),
                       QStringLiteral("SELECT %1 FROM instrument WHERE lifecycle = 'active' AND "
                                      "deleted = 0 AND serial_no = ?")
                           .arg(instrumentrow::columns()),
                       QVariantList{InstrumentValidator::normalizedSerial(serialNo)});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<Instrument>();
    return std::optional<Instrument>(instrumentrow::fromQuery(q.value()));
}

static Status checkValid(const Instrument &i)
{
    const QList<FieldError> errors = InstrumentValidator::validate(i);
    if (errors.isEmpty())
        return {};
    QStringList lines;
    for (const FieldError &e : errors)
        lines.append(InstrumentValidator::fieldLabel(e.field) + QLatin1String(": ") + e.message);
    return Error{lines.join(QLatin1Char('\n')), i.id};
}

Result<Instrument> InstrumentStore::create(Instrument instrument)
{
    return atomically<Instrument>(m_db, [&] { return createChecked(std::move(instrument)); });
}

Result<Instrument> InstrumentStore::update(Instrument instrument)
{
    return atomically<Instrument>(m_db, [&] { return updateChecked(std::move(instrument)); });
}

Result<QList<Instrument>> InstrumentStore::restore(const QStringList &ids)
{
    return atomically<QList<Instrument>>(m_db, [&] { return restoreChecked(ids); });
}

Result<Instrument> InstrumentStore::createChecked(Instrument instrument)
{
    Instrument i = InstrumentValidator::normalized(std::move(instrument));
    if (i.id.isEmpty())
        i.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    i.rev = 0;
    i.deleted = false;
    i.lifecycle = Lifecycle::Active;
    i.removedAt = {};
    if (Status s = checkValid(i); !s)
        return s.error();
    auto existing = findActiveBySerial(i.serialNo);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{tr("An instrument with serial number %1 is already in the active library "
                        "(%2). Edit that one instead.")
                         .arg(i.serialNo, (*existing)->name),
                     {}};
    auto written = write({Instrument{}}, {i}, QStringLiteral("create"));
    if (!written)
        return written.error();
    return written->first();
}

Result<Instrument> InstrumentStore::updateChecked(Instrument instrument)
{
    Instrument i = InstrumentValidator::normalized(std::move(instrument));
    auto before = get(i.id);
    if (!before)
        return before.error();
    // What the form does not edit stays as stored.
    i.rev = before->rev;
    i.lifecycle = before->lifecycle;
    i.removedAt = before->removedAt;
    if (Status s = checkValid(i); !s)
        return s.error();
    if (i.lifecycle == Lifecycle::Active && i.serialNo != before->serialNo) {
        auto existing = findActiveBySerial(i.serialNo);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return Error{tr("An instrument with serial number %1 is already in the active "
                            "library (%2).")
                             .arg(i.serialNo, (*existing)->name),
                         {}};
    }
    auto written = write({*before}, {i}, QStringLiteral("update"));
    if (!written)
        return written.error();
    return written->first();
}

QStringList InstrumentStore::batchEditableFields()
{
    namespace F = InstrumentField;
    QStringList fields;
    for (const char *f :
         {F::Name, F::Category, F::Model, F::MeasuringRange, F::AccuracyClass, F::Manufacturer,
          F::ProductionDate, F::UserUnit, F::InstallLocation, F::DivisionCode, F::InstallDate,
          F::Status, F::VerificationPeriodMonths, F::LastInstitution, F::SiteId, F::Remarks})
        fields.append(QLatin1String(f));
    return fields;
}

static bool applyField(Instrument &i, const QString &field, const QVariant &value)
{
    namespace F = InstrumentField;
    auto is = [&field](const char *name) {
        return field == QLatin1String(name);
    };
    const QString text = value.toString();
    if (is(F::Name))
        i.name = text;
    else if (is(F::Category))
        i.category = text;
    else if (is(F::Model))
        i.model = text;
    else if (is(F::MeasuringRange))
        i.measuringRange = text;
    else if (is(F::AccuracyClass))
        i.accuracyClass = text;
    else if (is(F::Manufacturer))
        i.manufacturer = text;
    else if (is(F::ProductionDate))
        i.productionDate = value.toDate();
    else if (is(F::UserUnit))
        i.userUnit = text;
    else if (is(F::InstallLocation))
        i.installLocation = text;
    else if (is(F::DivisionCode))
        i.divisionCode = text;
    else if (is(F::InstallDate))
        i.installDate = value.toDate();
    else if (is(F::Status))
        i.status = instrumentStatusFromWire(text);
    else if (is(F::VerificationPeriodMonths))
        i.verificationPeriodMonths = value.toInt();
    else if (is(F::LastInstitution))
        i.lastInstitution = text;
    else if (is(F::SiteId))
        i.siteId = text;
    else if (is(F::Remarks))
        i.remarks = text;
    else
        return false;
    return true;
}

Result<QList<Instrument>> InstrumentStore::batchUpdate(const QStringList &ids,
                                                       const QVariantMap &fields)
{
    if (ids.isEmpty() || fields.isEmpty())
        return QList<Instrument>();
    auto before = get(ids);
    if (!before)
        return before.error();
    QList<Instrument> after;
    after.reserve(before->size());
    for (const Instrument &b : before.value()) {
        Instrument a = b;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            if (!applyField(a, it.key(), it.value()))
                return Error{tr("The field %1 cannot be changed in a batch.").arg(it.key()), {}};
        }
        a = InstrumentValidator::normalized(a);
        if (Status s = checkValid(a); !s)
            return Error{tr("Instrument %1: %2").arg(describe(b), s.error().message), {}};
        after.append(a);
    }
    if (auto written = write(before.value(), after, QStringLiteral("batchUpdate")); !written)
        return written.error();
    return before;
}

Result<QList<Instrument>> InstrumentStore::moveToHistory(const QStringList &ids)
{
    auto before = get(ids);
    if (!before)
        return before.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Instrument> after;
    QList<Instrument> moved;
    for (const Instrument &b : before.value()) {
        if (b.lifecycle != Lifecycle::Active)
            continue;
        Instrument a = b;
        a.lifecycle = Lifecycle::History;
        a.removedAt = now;
        after.append(a);
        moved.append(b);
    }
    if (auto written = write(moved, after, QStringLiteral("moveToHistory")); !written)
        return written.error();
    return moved;
}

Result<QList<Instrument>> InstrumentStore::restoreChecked(const QStringList &ids)
{
    auto before = get(ids);
    if (!before)
        return before.error();
    QList<Instrument> after;
    QList<Instrument> restored;
    QSet<QString> serials;
    for (const Instrument &b : before.value()) {
        if (b.lifecycle != Lifecycle::History)
            continue;
        auto existing = findActiveBySerial(b.serialNo);
        if (!existing)
            return existing.error();
        if (existing->has_value() || serials.contains(b.serialNo))
            return Error{tr("Cannot restore %1: an instrument with serial number %2 is in the "
                            "active library again. Move that one to history first, or keep "
                            "this one in history.")
                             .arg(describe(b), b.serialNo),
                         {}};
        serials.insert(b.serialNo);
        Instrument a = b;
        a.lifecycle = Lifecycle::Active;
        a.removedAt = {};
        after.append(a);
        restored.append(b);
    }
    if (auto written = write(restored, after, QStringLiteral("restore")); !written)
        return written.error();
    return restored;
}

Status InstrumentStore::purge(const QStringList &ids)
{
    auto before = get(ids);
    if (!before)
        return before.error();
    QList<Instrument> after;
    QList<Instrument> purged;
    for (const Instrument &b : before.value()) {
        if (b.lifecycle != Lifecycle::History)
            return Error{tr("Only instruments in the history library can be deleted for good; "
                            "move %1 to history first.")
                             .arg(describe(b)),
                         {}};
        Instrument a = b;
        a.deleted = true;
        after.append(a);
        purged.append(b);
    }
    auto written = write(purged, after, QStringLiteral("purge"));
    return written ? Status{} : Status{written.error()};
}

Status InstrumentStore::replace(const QList<Instrument> &records, const QString &action)
{
    QStringList ids;
    for (const Instrument &r : records)
        ids.append(r.id);
    auto current = get(ids);
    if (!current)
        return current.error();
    if (current->size() != records.size())
        return Error{tr("Cannot undo: some of the instruments were deleted since."), {}};
    QList<Instrument> after;
    for (qsizetype i = 0; i < records.size(); ++i) {
        Instrument a = records.at(i);
        a.rev = current->at(i).rev; // the old values, on top of the newest revision
        if (a.lifecycle == Lifecycle::Active && current->at(i).lifecycle != Lifecycle::Active) {
            auto existing = findActiveBySerial(a.serialNo);
            if (!existing)
                return existing.error();
            if (existing->has_value() && (*existing)->id != a.id)
                return Error{tr("Cannot undo: serial number %1 is in the active library again.")
                                 .arg(a.serialNo),
                             {}};
        }
        after.append(a);
    }
    auto written = write(current.value(), after, action);
    return written ? Status{} : Status{written.error()};
}

Status InstrumentStore::applyChange(const QList<Instrument> &from, const QList<Instrument> &to,
                                    const QString &action)
{
    QHash<QString, QJsonObject> was;
    for (const Instrument &f : from)
        was.insert(f.id, toJson(f));
    QStringList ids;
    for (const Instrument &t : to)
        ids.append(t.id);
    auto current = get(ids);
    if (!current)
        return current.error();
    if (current->size() != to.size())
        return Error{tr("Cannot undo: some of the instruments were deleted since."), {}};
    QList<Instrument> records;
    for (qsizetype i = 0; i < to.size(); ++i) {
        const auto old = was.constFind(to.at(i).id);
        if (old == was.cend()) {
            records.append(to.at(i));
            continue;
        }
        const QJsonObject target = toJson(to.at(i));
        QJsonObject now = toJson(current->at(i));
        for (const QString &field : audit::diff(*old, target).keys()) {
            if (now.value(field) == old->value(field))
                now.insert(field, target.value(field));
        }
        records.append(instrumentFromJson(now));
    }
    return replace(records, action);
}

Status InstrumentStore::transaction(const std::function<Status()> &work)
{
    return m_db.transaction(work);
}

Result<QList<Instrument>> InstrumentStore::write(const QList<Instrument> &before,
                                                 const QList<Instrument> &after,
                                                 const QString &action)
{
    Q_ASSERT(before.size() == after.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Formatted once for every row, outbox entry and audit line of this call: formatting it
    // per record was a measurable part of a 100,000-row import.
    const QString nowText = now.toString(Qt::ISODateWithMs);
    QList<Instrument> written = after;
    Status done = m_db.transaction([&]() -> Status {
        if (written.isEmpty())
            return {};
        // Prepared once per call and run per record; each run checks its failpoint, so a
        // failpoint still fires at the same record and statement as with one exec per row.
        auto upsert =
            m_db.prepare(QStringLiteral("store.instrument.write"), instrumentrow::upsertSql());
        if (!upsert)
            return upsert.error();
        auto outboxInsert = outbox::BulkAppend::prepare(m_db, nowText);
        if (!outboxInsert)
            return outboxInsert.error();
        auto auditInsert = audit::BulkAppend::prepare(m_db, nowText);
        if (!auditInsert)
            return auditInsert.error();
        for (qsizetype n = 0; n < written.size(); ++n) {
            Instrument &a = written[n];
            a.updatedAt = now;
            if (Status s = upsert->run(instrumentrow::values(a, nowText)); !s)
                return s;
            const QJsonObject snapshot = toJson(a);
            const bool isCreate = before.at(n).id.isEmpty();
            const QJsonObject old = isCreate ? QJsonObject() : toJson(before.at(n));
            if (Status s = outboxInsert->append(
                    Collection, a.id,
                    a.deleted ? QStringLiteral("delete") : QStringLiteral("upsert"), a.rev,
                    QJsonDocument(snapshot).toJson(QJsonDocument::Compact), {},
                    isCreate ? QByteArray() : QJsonDocument(old).toJson(QJsonDocument::Compact));
                !s)
                return s;
            if (Status s = auditInsert->append(m_actor, Collection, a.id, action,
                                               isCreate ? audit::created(snapshot)
                                                        : audit::diff(old, snapshot));
                !s)
                return s;
        }
        return {};
    });
    if (!done)
        return done.error();
    // What was stored, so that callers need not read it back (a failing read after a
    // successful commit must not look like a failed save).
    return written;
}

Result<WarningCounts> InstrumentStore::countWarnings(QDate today, WarningThresholds t) const
{
    // Grouping on the raw columns reads only the instrument_warning index; the rule itself is
    // applied once per group, so it stays in one place (warningLevel()).
    auto q =
        m_db.exec(QStringLiteral("store.instrument.read"),
                  QStringLiteral("SELECT lifecycle, status, verification_result, valid_until, "
                                 "COUNT(*) FROM instrument WHERE deleted = 0 "
                                 "GROUP BY lifecycle, status, verification_result, valid_until"));
    if (!q)
        return q.error();
    WarningCounts counts;
    QSqlQuery &r = q.value();
    while (r.next()) {
        const int n = r.value(4).toInt();
        if (r.value(0).toString() != QLatin1String("active")) {
            counts.history += n;
            continue;
        }
        counts.active += n;
        WarningLevel level = WarningLevel::None;
        if (r.value(1).toString() == QLatin1String("inUse"))
            level = warningLevel(verificationResultFromWire(r.value(2).toString()),
                                 QDate::fromString(r.value(3).toString(), Qt::ISODate), today, t);
        switch (level) {
        case WarningLevel::None:
            counts.none += n;
            break;
        case WarningLevel::Notice:
            counts.notice += n;
            break;
        case WarningLevel::Warning:
            counts.warning += n;
            break;
        case WarningLevel::Alert:
            counts.alert += n;
            break;
        }
    }
    return counts;
}

} // namespace jl::models
