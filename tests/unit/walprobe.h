#pragma once

#include "models/store/database.h"

#include <QUuid>

namespace jl::test {

// How many frames the WAL holds after one small write: few when everything before it had
// been checkpointed (the write then starts the WAL over), all of them plus the write's
// otherwise. The probe turns this connection's own automatic checkpoint off while it writes
// (and back on after), copies everything at the end, and needs no other connection in a read
// transaction.
inline int walFramesAfterAWrite(models::Database &db)
{
    const auto pragma = [&db](const QString &sql) {
        auto q = db.exec(QStringLiteral("test"), sql);
        return q && q.value().next() ? q.value().value(0).toString() : QString();
    };
    const QString automatic = pragma(QStringLiteral("PRAGMA wal_autocheckpoint"));
    if (automatic.isEmpty() ||
        !db.exec(QStringLiteral("test"), QStringLiteral("PRAGMA wal_autocheckpoint = 0")) ||
        !db.setMeta(QStringLiteral("test.walprobe"), QUuid::createUuid().toString()))
        return -1;
    auto q = db.exec(QStringLiteral("test"), QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    const int frames = q && q.value().next() ? q.value().value(1).toInt() : -1;
    pragma(QStringLiteral("PRAGMA wal_autocheckpoint = ") + automatic); // as it was
    return frames;
}

} // namespace jl::test
