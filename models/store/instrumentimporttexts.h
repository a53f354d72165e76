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

// The direct-binding form of a record (PreparedCreate::utf8/ends) in one conversion per field:
// the row's columns, the op id, and payload and changes assembled from the same bytes, exactly
// what InstrumentImportWriter::createTexts() writes, sized first and written in one buffer.
// False when a value needs JSON escapes (the caller then converts createTexts()' texts).
bool fillDirect(const Instrument &i, const QString &opId, QByteArray &utf8,
                std::array<qint32, DirectValues> &ends);

} // namespace jl::models::importtexts
