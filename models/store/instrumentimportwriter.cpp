#include "models/store/instrumentimportwriter.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentimporttexts.h"
#include "models/store/instrumentrow.h"
#include "models/store/instrumentstore.h"
#include "models/store/sqlitedirect.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QStringList>
#include <QUuid>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace jl::models {

namespace {

using namespace importtexts;

const QString FailInstrument = QStringLiteral("store.instrument.write");
const QString FailOutbox = QStringLiteral("store.outbox.insert");
const QString FailAudit = QStringLiteral("store.audit.insert");
const QString FailStatement = QStringLiteral("store.import.insert");

// Version 7 UUID state of the calling thread: the millisecond and a counter within it. The
// counter gives rand_a (its top 12 bits) and the top 52 bits of rand_b, so ids increase with
// it; the last 10 bits of rand_b are fresh random bits.
struct IdClock {
    qint64 ms = -1;
    quint64 counter = 0;
};

// "head (row),(row)…" with `rows` copies of the row template.
QString sqlFor(const QString &head, const QString &row, int rows)
{
    QString sql = head;
    sql.reserve(sql.size() + rows * (row.size() + 1));
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            sql += QLatin1Char(',');
        sql += row;
    }
    return sql;
}

static_assert(DirectValues ==
              std::tuple_size_v<decltype(InstrumentImportWriter::PreparedCreate::ends)>);

QString instrumentRow(const QString &nowLiteral)
{
    QStringList marks(InstrumentColumns, QStringLiteral("?"));
    marks[1] = QStringLiteral("0");
    marks[2] = nowLiteral;
    marks[3] = QStringLiteral("0");
    marks[24] = QStringLiteral("'active'");
    marks[25] = QStringLiteral("NULL");
    return QLatin1Char('(') + marks.join(QLatin1Char(',')) + QLatin1Char(')');
}

// Qt's form of a record prepared for direct binding, for a connection that cannot take it
// (the run-time check of sqlitedirect::handle() said no).
void qtForm(InstrumentImportWriter::PreparedCreate &p)
{
    InstrumentImportWriter::CreateTexts texts = InstrumentImportWriter::createTexts(p.record);
    p.changes = std::move(texts.changes);
    const QVariantList row = instrumentrow::values(p.record, QVariant());
    for (const int column : BoundFromInstrument)
        p.row.append(row.at(column));
}

// The id the next audit line gets: one past AUTOINCREMENT's counter, which never goes back
// (ids of deleted lines are not given again), or past the largest id should the counter lag.
Result<qint64> nextAuditId(Database &db)
{
    auto q =
        db.exec(QStringLiteral("store.import.audit"),
                QStringLiteral("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE "
                               "name = 'audit'), 0), COALESCE((SELECT MAX(id) FROM audit), 0))"));
    if (!q)
        return q.error();
    return (q.value().next() ? q.value().value(0).toLongLong() : 0) + 1;
}

// The multi-row INSERTs of `rows` records created at `nowText`: instrument, outbox, audit.
// Built only when a statement is prepared, not on each call that reuses it.
std::array<QString, 3> insertSql(const QString &nowText, int rows)
{
    // Digits, '-', ':', '.', 'T', 'Z' only: safe as a literal.
    const QString nowLiteral = QLatin1Char('\'') + nowText + QLatin1Char('\'');
    // OR FAIL: a multi-row INSERT that may abort half-way (a constraint's default, ABORT) makes
    // SQLite keep a statement journal, the original of every page the statement changes, so
    // that it can undo the statement alone: 588 MB of temporary file written for a
    // 100,000-row import. Nothing here needs a statement undone alone: a failure fails the
    // caller's whole transaction (Database::transaction rolls back, nested or not), and FAIL
    // still stops at the first constraint broken and reports it.
    const QString instrumentHead = QStringLiteral("INSERT OR FAIL INTO instrument (") +
                                   instrumentrow::columns() + QStringLiteral(") VALUES ");
    // The outbox entry takes its payload from the record's audit line, {"created": payload}
    // (local_v4.sql): the same bytes are not stored twice. The audit ids are given by the
    // writer, so that each entry can name its line whatever order the statements run in.
    const QString outboxHead =
        QStringLiteral("INSERT OR FAIL INTO outbox (op_id, collection, record_id, "
                       "kind, command, base_rev, payload, created_at, "
                       "base, payload_audit) VALUES ");
    const QString auditHead = QStringLiteral(
        "INSERT OR FAIL INTO audit (id, at, actor, collection, record_id, action, changes) "
        "VALUES ");
    return {sqlFor(instrumentHead, instrumentRow(nowLiteral), rows),
            sqlFor(outboxHead,
                   QStringLiteral("(?,'instrument',?,'upsert','',0,'',%1,'{}',?)").arg(nowLiteral),
                   rows),
            sqlFor(auditHead, QStringLiteral("(?,%1,?,'instrument',?,'import',?)").arg(nowLiteral),
                   rows)};
}

} // namespace

InstrumentImportWriter::InstrumentImportWriter(Database &db, QString actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QString InstrumentImportWriter::newId()
{
    thread_local IdClock clock;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now > clock.ms) {
        clock.ms = now;
        // Random start, top bit clear: ids of one millisecond cannot wrap around.
        clock.counter = QRandomGenerator::system()->generate64() >> 1;
    } else {
        ++clock.counter; // the same millisecond (or the clock went back): keep increasing
    }
    const quint64 ms = quint64(clock.ms);
    const quint64 randA = clock.counter >> 52;
    const quint64 randB = ((clock.counter & ((quint64(1) << 52) - 1)) << 10) |
                          (QRandomGenerator::global()->generate() & 0x3FF);
    std::array<uchar, 16> b{};
    for (int k = 0; k < 6; ++k)
        b[k] = uchar(ms >> (40 - 8 * k));
    b[6] = uchar(0x70 | (randA >> 8));
    b[7] = uchar(randA);
    b[8] = uchar(0x80 | (randB >> 56));
    for (int k = 9; k < 16; ++k)
        b[k] = uchar(randB >> (8 * (15 - k)));
    return QUuid::fromRfc4122(QByteArrayView(b.data(), qsizetype(b.size())))
        .toString(QUuid::WithoutBraces);
}

InstrumentImportWriter::PreparedCreate
InstrumentImportWriter::prepareCreate(const Instrument &values)
{
    PreparedCreate p;
    Instrument &i = p.record;
    i = InstrumentValidator::normalized(values);
    i.id = newId();
    i.rev = 0;
    i.deleted = false;
    i.lifecycle = Lifecycle::Active;
    i.removedAt = {};
    const QList<FieldError> errors = InstrumentValidator::validate(i);
    if (!errors.isEmpty()) {
        p.valid = false;
        p.invalidField = errors.first().field;
        p.invalidMessage = errors.first().message;
        return p;
    }
    p.opId = newId();
    if (sqlitedirect::mayBind() && fillDirect(i, p.opId, p.utf8, p.ends))
        return p;
    CreateTexts texts = createTexts(i);
    const QVariantList row = instrumentrow::values(i, QVariant());
    if (sqlitedirect::mayBind()) { // a value that JSON escapes: convert the generic texts
        int next = 0;
        const auto add = [&p, &next](const QString &text) {
            p.utf8 += text.toUtf8();
            p.ends[next++] = qint32(p.utf8.size());
        };
        for (const int column : BoundFromInstrument) {
            const QVariant &v = row.at(column);
            if (v.isValid())
                add(v.toString()); // the INTEGER column's affinity makes "12" the integer 12
            else
                p.ends[next++] = -qint32(p.utf8.size()) - 1; // NULL: where it would end, < 0
        }
        add(p.opId);
        // The changes are CreatedPrefix, the payload and '}' (instrumentimporttexts.h).
        Q_ASSERT(texts.changes == QLatin1String(CreatedPrefix) + texts.payload + QLatin1Char('}'));
        p.utf8 += texts.changes.toUtf8();
        p.ends[DirectChanges] = qint32(p.utf8.size());
        p.ends[DirectPayload] = p.ends[DirectChanges] - 1; // before the closing '}'
        return p;
    }
    p.changes = std::move(texts.changes);
    p.row.reserve(qsizetype(std::size(BoundFromInstrument)));
    for (const int column : BoundFromInstrument)
        p.row.append(row.at(column));
    return p;
}

Status InstrumentImportWriter::insertCreated(const QList<PreparedCreate> &created,
                                             const QDateTime &now)
{
    QList<const PreparedCreate *> pointers;
    pointers.reserve(created.size());
    for (const PreparedCreate &p : created)
        pointers.append(&p);
    return insertCreated(pointers, now);
}

// The prepared INSERTs of one `now` on one path (a direct handle, or Qt's when null).
struct InstrumentImportWriter::Statements {
    struct Set {
        int rows = 0;
        std::array<std::optional<PreparedStatement>, 3> qt;
        std::array<std::optional<DirectStatement>, 3> direct;
    };
    QString nowText;
    sqlite3 *handle = nullptr;
    Set full;
    Set rest;
};

InstrumentImportWriter::~InstrumentImportWriter() = default;

Status InstrumentImportWriter::insertCreated(const QList<const PreparedCreate *> &created,
                                             const QDateTime &now)
{
    Q_ASSERT(m_db.inTransaction());
    if (created.isEmpty())
        return {};
    const QString nowText = now.toString(Qt::ISODateWithMs);
    const Result<qint64> firstAuditId = nextAuditId(m_db);
    if (!firstAuditId)
        return firstAuditId.error();

    // One set of statements for full groups, prepared on first use, and one for the rest;
    // through SQLite's C API where that is sound here (sqlitedirect.h), else through Qt. Kept
    // for the next call while `now` and the path stay the same.
    sqlite3 *const direct = std::all_of(created.cbegin(), created.cend(),
                                        [](const PreparedCreate *p) { return !p->utf8.isEmpty(); })
                                ? sqlitedirect::handle(m_db.connection())
                                : nullptr;
    if (!m_statements || m_statements->nowText != nowText || m_statements->handle != direct) {
        m_statements = std::make_unique<Statements>();
        m_statements->nowText = nowText;
        m_statements->handle = direct;
    }
    using Set = Statements::Set;
    enum { InstrumentStatement, OutboxStatement, AuditStatement };
    const int perInsert = direct ? DirectRowsPerInsert : RowsPerInsert;
    Set &full = m_statements->full;
    Set &rest = m_statements->rest;
    const auto statementsFor = [&](int rows) -> Result<Set *> {
        Set &s = rows == perInsert ? full : rest;
        if (s.rows == rows)
            return &s;
        const std::array<QString, 3> sql = insertSql(nowText, rows);
        // Counted as prepared only once all three are: a failed prepare leaves none kept.
        s.rows = 0;
        s.qt = {};
        s.direct = {};
        for (int k = 0; k < 3; ++k) {
            if (direct) {
                auto d = DirectStatement::prepare(direct, sql[k]);
                if (!d)
                    return d.error();
                s.direct[k].emplace(std::move(d).value());
            } else {
                auto q = m_db.prepare(FailStatement, sql[k]);
                if (!q)
                    return q.error();
                s.qt[k].emplace(std::move(q).value());
            }
        }
        s.rows = rows;
        return &s;
    };
    const auto run = [&](Set &s, int k, const QVariantList &values) -> Status {
        if (!direct)
            return s.qt[k]->run(values);
        if (failpoints::hit(FailStatement)) // as PreparedStatement::run() checks it
            return Database::sqlError(Database::failedMessage(),
                                      QStringLiteral("failpoint %1").arg(FailStatement));
        return s.direct[k]->run();
    };
    const QByteArray actorUtf8 = m_actor.toUtf8();
    // Binds value `v` of record `p` to parameter `index` of `statement` (direct path).
    const auto bindValue = [](DirectStatement &statement, int index, const PreparedCreate &p,
                              int v) {
        const qsizetype end = p.ends[v];
        if (end < 0) {
            statement.bindNull(index);
            return;
        }
        const qsizetype begin = valueBegin(p.ends, v);
        statement.bindUtf8(index, p.utf8.constData() + begin, end - begin);
    };

    QVariantList instrumentValues;
    QVariantList outboxValues;
    QVariantList auditValues;
    for (qsizetype from = 0; from < created.size(); from += perInsert) {
        const int rows = int(std::min<qsizetype>(perInsert, created.size() - from));
        auto statements = statementsFor(rows);
        if (!statements)
            return statements.error();
        instrumentValues.clear();
        outboxValues.clear();
        auditValues.clear();
        if (!direct) {
            instrumentValues.reserve(rows * BoundPerRecord);
            outboxValues.reserve(rows * 3);
            auditValues.reserve(rows * 4);
        }
        for (qsizetype n = from; n < from + rows; ++n) {
            const PreparedCreate &p = *created.at(n);
            const qint64 auditId = *firstAuditId + n;
            // What the statement's literals say about every created record.
            Q_ASSERT(p.valid && p.record.rev == 0 && !p.record.deleted &&
                     p.record.lifecycle == Lifecycle::Active && !p.record.removedAt.isValid());
            // Checked per record, in the order one statement per record ran them.
            for (const QString *point : {&FailInstrument, &FailOutbox, &FailAudit}) {
                if (failpoints::hit(*point))
                    return Database::sqlError(Database::failedMessage(),
                                              QStringLiteral("failpoint %1").arg(*point));
            }
            if (direct) {
                const int at = int(n - from);
                DirectStatement &instrument = *(*statements)->direct[InstrumentStatement];
                for (int v = 0; v < BoundPerRecord; ++v)
                    bindValue(instrument, at * BoundPerRecord + v + 1, p, v);
                DirectStatement &outbox = *(*statements)->direct[OutboxStatement];
                bindValue(outbox, at * 3 + 1, p, DirectOpId);
                bindValue(outbox, at * 3 + 2, p, 0); // the id is the row's first column
                outbox.bindInt64(at * 3 + 3, auditId);
                DirectStatement &audit = *(*statements)->direct[AuditStatement];
                audit.bindInt64(at * 4 + 1, auditId);
                audit.bindUtf8(at * 4 + 2, actorUtf8.constData(), actorUtf8.size());
                bindValue(audit, at * 4 + 3, p, 0);
                bindValue(audit, at * 4 + 4, p, DirectChanges);
                continue;
            }
            const auto append = [&](const PreparedCreate &q) {
                instrumentValues.append(q.row);
                outboxValues.append(q.opId);
                outboxValues.append(q.record.id);
                outboxValues.append(auditId);
                auditValues.append(auditId);
                auditValues.append(m_actor);
                auditValues.append(q.record.id);
                auditValues.append(q.changes);
            };
            if (!p.row.isEmpty()) {
                append(p);
                continue;
            }
            // Made for direct binding, which this connection cannot take: Qt's form of a copy
            // (the values the lists keep share its strings).
            PreparedCreate q = p;
            qtForm(q);
            append(q);
        }
        if (Status s = run(**statements, InstrumentStatement, instrumentValues); !s)
            return s;
        if (Status s = run(**statements, OutboxStatement, outboxValues); !s)
            return s;
        if (Status s = run(**statements, AuditStatement, auditValues); !s)
            return s;
    }
    return {};
}

} // namespace jl::models
