#pragma once

#include <QByteArray>
#include <QStringView>

namespace jl::server {

// JSON text written directly instead of through a QJsonObject, for the write path of a batch
// (hundreds of records and answers per request, where building and serialising objects was
// most of the server's time). Strings come out byte for byte as QJsonDocument::toJson writes
// them: the quote, the backslash and control characters escaped, everything else as UTF-8,
// an unpaired surrogate as \uXXXX. Equal bytes matter where the text is hashed
// (WriteOp::requestHash).
void appendJsonString(QByteArray &out, QStringView text);
QByteArray jsonString(QStringView text);

} // namespace jl::server
