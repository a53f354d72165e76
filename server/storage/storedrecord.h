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
    // `data` (without id) as compact JSON, made once by RecordStore::write for the stored row
    // and for the answer; empty when not made. Nothing changes `data` between the write and
    // the answer, and write() makes it again from `data` every time.
    QByteArray dataJson;

    // The wire form shared by GET, write answers and the changes feed (sync.md §2):
    // {collection, id, rev, deleted, updatedAt, data}; a tombstone has data null.
    QJsonObject toWire() const;
    // The same as compact JSON text, from dataJson when set (a write's answer without building
    // and serialising the object again); "id" comes first inside data.
    QByteArray wireJson() const;
    // ETag / If-Match value.
    QByteArray etag() const { return '"' + QByteArray::number(rev) + '"'; }
};

QString isoUtc(qint64 msecsSinceEpoch);

} // namespace jl::server
