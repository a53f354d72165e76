#pragma once

// What the import's writer and its text builder share (instrumentimportwriter.cpp,
// instrumentimporttexts.cpp); not for other callers.
#include "models/domain/instrument.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <iterator>

namespace jl::models::importtexts {

// The columns of instrumentrow::values() that every created record shares (rev 0, updated_at,
// deleted 0, lifecycle active, removed_at NULL) are written into the statement, not bound:
// Qt's binding costs more per value than SQLite's insert does.
inline constexpr int BoundFromInstrument[] = {0,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13,
                                              14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
inline constexpr int InstrumentColumns = 26;
inline constexpr int BoundPerRecord = int(std::size(BoundFromInstrument));
// PreparedCreate::utf8: the bound columns, then these.
enum DirectValue { DirectOpId = BoundPerRecord, DirectPayload, DirectChanges, DirectValues };

// A create's audit changes are {"created": payload} (audit::created()), so after the op id
// `utf8` holds CreatedPrefix, the payload, then '}': the changes are bound, and the outbox entry
// reads its payload out of them (local_v4.sql); DirectPayload still says where the payload lies
// (createTexts() and the tests read it). Every other value begins where the one before it ends.
inline constexpr char CreatedPrefix[] = "{\"created\":";
inline constexpr qsizetype CreatedPrefixSize = qsizetype(sizeof(CreatedPrefix)) - 1;

// Where value `v` begins in `utf8` (`ends` as in PreparedCreate: a NULL's entry is
// -(where it would end) - 1).
inline qsizetype valueBegin(const std::array<qint32, DirectValues> &ends, int v)
{
    const auto endOf = [&ends](int k) -> qsizetype {
        return ends[k] < 0 ? -qsizetype(ends[k]) - 1 : ends[k];
    };
    if (v == DirectPayload)
        return endOf(DirectOpId) + CreatedPrefixSize;
    if (v == DirectChanges)
        return endOf(DirectOpId);
    return v > 0 ? endOf(v - 1) : 0;
}

// The direct-binding form of a record (PreparedCreate::utf8/ends) in one conversion per field:
// the row's columns, the op id, and the payload inside the changes (above), exactly
// what InstrumentImportWriter::createTexts() writes, sized first and written in one buffer.
// False when a value needs JSON escapes (the caller then converts createTexts()' texts).
bool fillDirect(const Instrument &i, const QString &opId, QByteArray &utf8,
                std::array<qint32, DirectValues> &ends);

} // namespace jl::models::importtexts
