// How a created record is written as text: the outbox payload and the audit changes exactly as
// QJsonDocument writes them, and the UTF-8 form that binds straight into SQLite. Runs for every
// imported record on the reading thread.
#include "models/store/instrumentimporttexts.h"

#include "models/store/audit.h"
#include "models/store/instrumentimportwriter.h"

#include <QJsonDocument>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace jl::models {

namespace {

using namespace importtexts;

// Qt::ISODate text of a date ("" when invalid), written directly for years 1-9999: QDate::
// toString() goes through QString::asprintf, which cost more than the rest of a field.
QString dateText(QDate d)
{
    if (!d.isValid())
        return QString();
    int year = 0;
    int month = 0;
    int day = 0;
    d.getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return d.toString(Qt::ISODate);
    QString text(10, Qt::Uninitialized);
    QChar *c = text.data();
    const auto digits = [&c](int value, int count) {
        for (int k = count - 1; k >= 0; --k) {
            c[k] = QChar(char16_t(u'0' + value % 10));
            value /= 10;
        }
        c += count;
    };
    digits(year, 4);
    *c++ = QLatin1Char('-');
    digits(month, 2);
    *c++ = QLatin1Char('-');
    digits(day, 2);
    return text;
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

static_assert(std::size(BoundColumns) == std::size(BoundFromInstrument));

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
            out.quotedKeysUtf8.append('"' + key.toUtf8() + "\":");
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

} // namespace

namespace importtexts {

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
    utf8.resize(rowSize + opIdSize + CreatedPrefixSize + texts + 1);
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
    put(CreatedPrefix, CreatedPrefixSize);
    *w++ = '{';
    for (qsizetype k = 0; k < count; ++k) {
        if (k > 0)
            *w++ = ',';
        const QByteArray &key = l.quotedKeysUtf8.at(k);
        put(key.constData(), key.size());
        const bool quoted = !l.order.at(k)->number;
        if (quoted)
            *w++ = '"';
        put(fields.constData() + at[k], fieldSize(k));
        if (quoted)
            *w++ = '"';
    }
    *w++ = '}';
    ends[DirectPayload] = qint32(w - begin);
    *w++ = '}'; // closes the changes' {"created":
    ends[DirectChanges] = qint32(w - begin);
    Q_ASSERT(w == begin + utf8.size());
    return true;
}

} // namespace importtexts

InstrumentImportWriter::CreateTexts InstrumentImportWriter::createTexts(const Instrument &i)
{
    // One writer of the texts: the payload and changes of the UTF-8 form where it can be made,
    // QJsonDocument's own output where a value needs JSON escapes.
    CreateTexts t;
    QByteArray utf8;
    std::array<qint32, DirectValues> ends{};
    if (importtexts::fillDirect(i, QString(), utf8, ends)) {
        const auto text = [&](int v) {
            const qsizetype from = importtexts::valueBegin(ends, v);
            return QString::fromUtf8(utf8.constData() + from, ends[v] - from);
        };
        t.payload = text(DirectPayload);
        t.changes = text(DirectChanges);
        return t;
    }
    const QJsonObject snapshot = toJson(i);
    t.payload = QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact));
    t.changes =
        QString::fromUtf8(QJsonDocument(audit::created(snapshot)).toJson(QJsonDocument::Compact));
    return t;
}

} // namespace jl::models
