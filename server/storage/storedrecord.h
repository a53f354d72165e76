#pragma once

#include <QJsonObject>
#include <QString>

namespace jl::server {

// One row of the records table: any collection's record with its sync envelope.
struct StoredRecord {
    QString collection;
    QString id;
    qint64 rev = 0;
    qint64 seq = 0;
    bool deleted = false;
    qint64 updatedAtMs = 0;
    QJsonObject data;
    QString matchKey;
    int flag = 0;

    // The wire form shared by GET, write answers and the changes feed (sync.md §2):
    // {collection, id, rev, deleted, updatedAt, data}; a tombstone has data null.
    QJsonObject toWire() const;
    // ETag / If-Match value.
    QByteArray etag() const { return '"' + QByteArray::number(rev) + '"'; }
};

QString isoUtc(qint64 msecsSinceEpoch);

} // namespace jl::server
