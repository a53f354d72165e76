#include "models/store/instrumentimportwriter.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/audit.h"
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentrow.h"
#include "models/store/instrumentstore.h"
#include "models/store/sqlitedirect.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <QUuid>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <optional>

namespace jl::models {

namespace {

const QString FailInstrument = QStringLiteral("store.instrument.write");
const QString FailOutbox = QStringLiteral("store.outbox.insert");
const QString FailAudit = QStringLiteral("store.audit.insert");
const QString FailStatement = QStringLiteral("store.import.insert");

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

// The snapshot's fields (toJson()) and how to read each from the record.
struct JsonField {
    const char *key;
    bool number;
    QString (*value)(const Instrument &);
};

namespace F = InstrumentField;
const JsonField Fields[] = {
    {"id", false,
     [](const Instrument &i) {
         return i.id;
     }},
    {F::SerialNo, false,
     [](const Instrument &i) {
         return i.serialNo;
     }},
    {F::Name, false,
     [](const Instrument &i) {
         return i.name;
     }},
    {F::Category, false,
     [](const Instrument &i) {
         return i.category;
     }},
    {F::Model, false,
     [](const Instrument &i) {
         return i.model;
     }},
    {F::MeasuringRange, false,
     [](const Instrument &i) {
         return i.measuringRange;
     }},
    {F::AccuracyClass, false,
     [](const Instrument &i) {
         return i.accuracyClass;
     }},
    {F::Manufacturer, false,
     [](const Instrument &i) {
         return i.manufacturer;
     }},
    {F::ProductionDate, false,
     [](const Instrument &i) {
         return dateText(i.productionDate);
     }},
    {F::UserUnit, false,
     [](const Instrument &i) {
         return i.userUnit;
     }},
    {F::InstallLocation, false,
     [](const Instrument &i) {
         return i.installLocation;
     }},
    {F::DivisionCode, false,
     [](const Instrument &i) {
         return i.divisionCode;
     }},
    {F::InstallDate, false,
     [](const Instrument &i) {
         return dateText(i.installDate);
     }},
    {F::Status, false,
     [](const Instrument &i) {
         return toWire(i.status);
     }},
    {F::VerificationPeriodMonths, true,
     [](const Instrument &i) {
         return QString::number(i.verificationPeriodMonths);
     }},
    {F::VerificationResult, false,
     [](const Instrument &i) {
         return toWire(i.verificationResult);
     }},
    {F::LastVerificationDate, false,
     [](const Instrument &i) {
         return dateText(i.lastVerificationDate);
     }},
    {F::ValidUntil, false,
     [](const Instrument &i) {
         return dateText(i.validUntil);
     }},
    {F::LastInstitution, false,
     [](const Instrument &i) {
         return i.lastInstitution;
     }},
    {F::SiteId, false,
     [](const Instrument &i) {
         return i.siteId;
     }},
    {F::Remarks, false,
     [](const Instrument &i) {
         return i.remarks;
     }},
    {"lifecycle", false,
     [](const Instrument &i) {
         return toWire(i.lifecycle);
     }},
    {"removedAt", false,
     [](const Instrument &i) {
         return i.removedAt.isValid() ? i.removedAt.toUTC().toString(Qt::ISODateWithMs) : QString();
     }},
};
constexpr qsizetype FieldCount = sizeof(Fields) / sizeof(Fields[0]);

// The fields in the order QJsonObject writes them (its keys are sorted), each with its quoted
// key; empty when the table above no longer covers every key of toJson(), which sends every
// record down the generic path rather than write a payload that differs.
struct JsonLayout {
    QList<const JsonField *> order;
    QStringList quotedKeys;
    QList<QByteArray> quotedKeysUtf8;
    // For each column of BoundFromInstrument, its field's place in `order` (direct binding).
    QList<int> boundField;
};

// The bound columns of the instrument row (BoundFromInstrument, in order) by the snapshot field
// holding the same value; a date's empty text is the column's NULL. tst_instrumentimportwriter
// checks the result against instrumentrow::values().
struct BoundColumn {
    const char *key;
    bool nullWhenEmpty;
};
const BoundColumn BoundColumns[] = {
    {"id", false},
    {F::SerialNo, false},
    {F::Name, false},
    {F::Category, false},
    {F::Model, false},
    {F::MeasuringRange, false},
    {F::AccuracyClass, false},
    {F::Manufacturer, false},
    {F::ProductionDate, true},
    {F::UserUnit, false},
    {F::InstallLocation, false},
    {F::DivisionCode, false},
    {F::InstallDate, true},
    {F::Status, false},
    {F::VerificationPeriodMonths, false},
    {F::VerificationResult, false},
    {F::LastVerificationDate, true},
    {F::ValidUntil, true},
    {F::LastInstitution, false},
    {F::SiteId, false},
    {F::Remarks, false},
};

const JsonLayout &layout()
{
    static const JsonLayout l = [] {
        JsonLayout out;
        const QStringList keys = toJson(Instrument{}).keys();
        if (keys.size() != FieldCount)
            return out;
        for (const QString &key : keys) {
            const JsonField *found = nullptr;
            for (const JsonField &f : Fields) {
                if (key == QLatin1String(f.key))
                    found = &f;
            }
            if (!found)
                return JsonLayout{};
            out.order.append(found);
            out.quotedKeys.append(QLatin1Char('"') + key + QLatin1String("\":"));
            out.quotedKeysUtf8.append(out.quotedKeys.constLast().toUtf8());
        }
        for (const BoundColumn &b : BoundColumns) {
            for (qsizetype k = 0; k < out.order.size(); ++k) {
                if (qstrcmp(out.order.at(k)->key, b.key) == 0)
                    out.boundField.append(int(k));
            }
        }
        return out;
    }();
    return l;
}

// Whether QJsonDocument writes the text as it is between quotes (no escape, no surrogate).
bool plain(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == u'"' || u == u'\\' || QChar::isSurrogate(u))
            return false;
    }
    return true;
}

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

// The columns of instrumentrow::values() that every created record shares (rev 0, updated_at,
// deleted 0, lifecycle active, removed_at NULL) are written into the statement, not bound:
// Qt's binding costs more per value than SQLite's insert does.
constexpr int BoundFromInstrument[] = {0,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13,
                                       14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
constexpr int InstrumentColumns = 26;
constexpr int BoundPerRecord = int(std::size(BoundFromInstrument));
// PreparedCreate::utf8: the bound columns, then these.
enum DirectValue { DirectOpId = BoundPerRecord, DirectPayload, DirectChanges, DirectValues };
static_assert(std::size(BoundColumns) == std::size(BoundFromInstrument));
static_assert(DirectValues ==
              std::tuple_size_v<decltype(InstrumentImportWriter::PreparedCreate::ends)>);

// Writes text that plain() accepted (so no surrogates: every character is in the BMP) as
// UTF-8 at `to`, which has room for 3 bytes a character; the same bytes as QString::toUtf8().
char *writeUtf8(char *to, QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80) {
            *to++ = char(u);
        } else if (u < 0x800) {
            *to++ = char(0xC0 | (u >> 6));
            *to++ = char(0x80 | (u & 0x3F));
        } else {
            *to++ = char(0xE0 | (u >> 12));
            *to++ = char(0x80 | ((u >> 6) & 0x3F));
            *to++ = char(0x80 | (u & 0x3F));
        }
    }
    return to;
}

// The direct-binding form of a record (PreparedCreate::utf8/ends) in one conversion per field:
// the row's columns, the op id, and payload and changes assembled from the same bytes, exactly
// what createTexts() writes, sized first and written in one buffer (this runs for every
// imported record). False when a value needs JSON escapes (the caller then converts
// createTexts()' generic texts).
bool fillDirect(const Instrument &i, const QString &opId, QByteArray &utf8,
                std::array<qint32, DirectValues> &ends)
{
    const JsonLayout &l = layout();
    if (l.order.isEmpty() || l.boundField.size() != BoundPerRecord)
        return false;
    const qsizetype count = l.order.size();
    std::array<QString, FieldCount> values;
    qsizetype room = 0;
    for (qsizetype k = 0; k < count; ++k) {
        values[k] = l.order.at(k)->value(i);
        if (!plain(values[k]))
            return false;
        room += values[k].size() * 3;
    }
    QVarLengthArray<char, 4096> fields(room);   // every field's value, one after the other
    std::array<qsizetype, FieldCount + 1> at{}; // field k is fields[at[k], at[k + 1])
    for (qsizetype k = 0; k < count; ++k)
        at[k + 1] = writeUtf8(fields.data() + at[k], values[k]) - fields.constData();
    const auto fieldSize = [&](qsizetype k) {
        return at[k + 1] - at[k];
    };

    qsizetype rowSize = 0;
    for (const int k : l.boundField)
        rowSize += fieldSize(k);
    qsizetype texts = 2 + (count - 1); // braces and commas
    for (qsizetype k = 0; k < count; ++k)
        texts += l.quotedKeysUtf8.at(k).size() + fieldSize(k) + (l.order.at(k)->number ? 0 : 2);
    const qsizetype opIdSize = opId.size(); // ASCII
    utf8.resize(rowSize + opIdSize + texts + texts + count * 7);
    char *const begin = utf8.data();
    char *w = begin;
    const auto put = [&w](const char *data, qsizetype size) {
        std::memcpy(w, data, size_t(size));
        w += size;
    };
    for (int b = 0; b < BoundPerRecord; ++b) {
        const int k = l.boundField.at(b);
        if (fieldSize(k) == 0 && BoundColumns[b].nullWhenEmpty) {
            ends[b] = -qint32(w - begin) - 1;
            continue;
        }
        put(fields.constData() + at[k], fieldSize(k));
        ends[b] = qint32(w - begin);
    }
    w = writeUtf8(w, opId);
    ends[DirectOpId] = qint32(w - begin);
    for (const bool changes : {false, true}) {
        *w++ = '{';
        for (qsizetype k = 0; k < count; ++k) {
            if (k > 0)
                *w++ = ',';
            const QByteArray &key = l.quotedKeysUtf8.at(k);
            put(key.constData(), key.size());
            if (changes)
                put("[null,", 6);
            const bool quoted = !l.order.at(k)->number;
            if (quoted)
                *w++ = '"';
            put(fields.constData() + at[k], fieldSize(k));
            if (quoted)
                *w++ = '"';
            if (changes)
                *w++ = ']';
        }
        *w++ = '}';
        ends[changes ? DirectChanges : DirectPayload] = qint32(w - begin);
    }
    Q_ASSERT(w == begin + utf8.size());
    return true;
}

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
    p.payload = std::move(texts.payload);
    p.changes = std::move(texts.changes);
    const QVariantList row = instrumentrow::values(p.record, QVariant());
    for (const int column : BoundFromInstrument)
        p.row.append(row.at(column));
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

InstrumentImportWriter::CreateTexts InstrumentImportWriter::createTexts(const Instrument &i)
{
    const JsonLayout &l = layout();
    CreateTexts t;
    std::array<QString, FieldCount> values;
    bool fast = !l.order.isEmpty();
    qsizetype size = 2;
    for (qsizetype k = 0; fast && k < l.order.size(); ++k) {
        values[k] = l.order.at(k)->value(i);
        fast = plain(values[k]);
        size += l.quotedKeys.at(k).size() + values[k].size() + (l.order.at(k)->number ? 0 : 2);
    }
    if (!fast) {
        const QJsonObject snapshot = toJson(i);
        t.payload = QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact));
        t.changes = QString::fromUtf8(
            QJsonDocument(audit::diff(QJsonObject(), snapshot)).toJson(QJsonDocument::Compact));
        return t;
    }
    // Exact sizes, then one pass of copies: this runs for every imported record.
    const qsizetype count = l.order.size();
    t.payload = QString(size + count - 1, Qt::Uninitialized);
    t.changes = QString(size + count - 1 + count * 7, Qt::Uninitialized);
    QChar *p = t.payload.data();
    QChar *c = t.changes.data();
    const auto put = [](QChar *&to, QStringView text) {
        std::copy(text.begin(), text.end(), to);
        to += text.size();
    };
    static const QString openChange = QStringLiteral("[null,");
    *p++ = QLatin1Char('{');
    *c++ = QLatin1Char('{');
    for (qsizetype k = 0; k < count; ++k) {
        if (k > 0) {
            *p++ = QLatin1Char(',');
            *c++ = QLatin1Char(',');
        }
        put(p, l.quotedKeys.at(k));
        put(c, l.quotedKeys.at(k));
        put(c, openChange);
        const bool quoted = !l.order.at(k)->number;
        if (quoted) {
            *p++ = QLatin1Char('"');
            *c++ = QLatin1Char('"');
        }
        put(p, values[k]);
        put(c, values[k]);
        if (quoted) {
            *p++ = QLatin1Char('"');
            *c++ = QLatin1Char('"');
        }
        *c++ = QLatin1Char(']');
    }
    *p++ = QLatin1Char('}');
    *c++ = QLatin1Char('}');
    Q_ASSERT(p == t.payload.data() + t.payload.size());
    Q_ASSERT(c == t.changes.data() + t.changes.size());
    return t;
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
    if (sqlitedirect::compiledIn() && fillDirect(i, p.opId, p.utf8, p.ends))
        return p;
    CreateTexts texts = createTexts(i);
    const QVariantList row = instrumentrow::values(i, QVariant());
    if (sqlitedirect::compiledIn()) { // a value that JSON escapes: convert the generic texts
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
        add(texts.payload);
        add(texts.changes);
        return p;
    }
    p.payload = std::move(texts.payload);
    p.changes = std::move(texts.changes);
    p.row.reserve(qsizetype(std::size(BoundFromInstrument)));
    for (const int column : BoundFromInstrument)
        p.row.append(row.at(column));
    return p;
}

Status InstrumentImportWriter::insertCreated(QList<PreparedCreate> &created, const QDateTime &now)
{
    if (created.isEmpty())
        return {};
    const QString nowText = now.toString(Qt::ISODateWithMs);
    // Digits, '-', ':', '.', 'T', 'Z' only: safe as a literal.
    const QString nowLiteral = QLatin1Char('\'') + nowText + QLatin1Char('\'');
    const QString instrumentHead = QStringLiteral("INSERT INTO instrument (") +
                                   instrumentrow::columns() + QStringLiteral(") VALUES ");
    const QString instrumentTemplate = instrumentRow(nowLiteral);
    const QString outboxHead = QStringLiteral("INSERT INTO outbox (op_id, collection, record_id, "
                                              "kind, command, base_rev, payload, created_at, "
                                              "base) VALUES ");
    const QString outboxTemplate =
        QStringLiteral("(?,'instrument',?,'upsert','',0,?,%1,'{}')").arg(nowLiteral);
    const QString auditHead = QStringLiteral(
        "INSERT INTO audit (at, actor, collection, record_id, action, changes) VALUES ");
    const QString auditTemplate =
        QStringLiteral("(%1,?,'instrument',?,'import',?)").arg(nowLiteral);

    // One set of statements for full groups, prepared on first use, and one for the rest;
    // through SQLite's C API where that is sound here (sqlitedirect.h), else through Qt.
    sqlite3 *const direct = std::all_of(created.cbegin(), created.cend(),
                                        [](const PreparedCreate &p) { return !p.utf8.isEmpty(); })
                                ? sqlitedirect::handle(m_db.connection())
                                : nullptr;
    struct Statements {
        int rows = 0;
        std::array<std::optional<PreparedStatement>, 3> qt;
        std::array<std::optional<DirectStatement>, 3> direct;
    };
    enum { InstrumentStatement, OutboxStatement, AuditStatement };
    const int perInsert = direct ? DirectRowsPerInsert : RowsPerInsert;
    Statements full;
    Statements rest;
    const auto statementsFor = [&](int rows) -> Result<Statements *> {
        Statements &s = rows == perInsert ? full : rest;
        if (s.rows == rows)
            return &s;
        s.rows = rows;
        const QString sql[] = {sqlFor(instrumentHead, instrumentTemplate, rows),
                               sqlFor(outboxHead, outboxTemplate, rows),
                               sqlFor(auditHead, auditTemplate, rows)};
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
        return &s;
    };
    const auto run = [&](Statements &s, int k, const QVariantList &values) -> Status {
        if (!direct)
            return s.qt[k]->run(values);
        if (failpoints::hit(FailStatement)) // as PreparedStatement::run() checks it
            return Database::sqlError(Database::failedMessage(),
                                      QStringLiteral("failpoint %1").arg(FailStatement));
        return s.direct[k]->run();
    };
    const QByteArray actorUtf8 = m_actor.toUtf8();
    // Binds value `v` of record `p` to parameter `index` of statement `k` (direct path).
    const auto bindValue = [](DirectStatement &statement, int index, const PreparedCreate &p,
                              int v) {
        const auto offset = [](qsizetype end) {
            return end < 0 ? -end - 1 : end;
        };
        const qsizetype end = p.ends[v];
        if (end < 0) {
            statement.bindNull(index);
            return;
        }
        const qsizetype begin = v > 0 ? offset(p.ends[v - 1]) : 0;
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
            auditValues.reserve(rows * 3);
        }
        for (qsizetype n = from; n < from + rows; ++n) {
            PreparedCreate &p = created[n];
            // What the statement's literals say about every created record.
            Q_ASSERT(p.valid && p.record.rev == 0 && !p.record.deleted &&
                     p.record.lifecycle == Lifecycle::Active && !p.record.removedAt.isValid());
            p.record.updatedAt = now;
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
                bindValue(outbox, at * 3 + 3, p, DirectPayload);
                DirectStatement &audit = *(*statements)->direct[AuditStatement];
                audit.bindUtf8(at * 3 + 1, actorUtf8.constData(), actorUtf8.size());
                bindValue(audit, at * 3 + 2, p, 0);
                bindValue(audit, at * 3 + 3, p, DirectChanges);
                continue;
            }
            if (p.row.isEmpty()) // made for direct binding, which this connection cannot take
                qtForm(p);
            instrumentValues.append(p.row);
            outboxValues.append(p.opId);
            outboxValues.append(p.record.id);
            outboxValues.append(p.payload);
            auditValues.append(m_actor);
            auditValues.append(p.record.id);
            auditValues.append(p.changes);
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
