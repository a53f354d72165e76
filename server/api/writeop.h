#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace jl::server {

// One client change (an outbox entry, sync.md §9): an upsert, a delete or a command, with the
// revision it was made on (If-Match). Single requests and batch entries both become one.
struct WriteOp {
    enum class Kind { Upsert, Delete, Command };

    Kind kind = Kind::Upsert;
    QString collection;
    QString id;
    QString command;
    std::optional<qint64> baseRev;
    QJsonObject payload;

    // What a retry with the same Idempotency-Key must repeat exactly (sync.md §10).
    QString requestHash() const;
    static QString kindName(Kind kind);
};

} // namespace jl::server
