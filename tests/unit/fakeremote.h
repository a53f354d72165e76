#pragma once

// An in-process stand-in for the server behind RemoteApi, for fault injection in the engine's
// unit tests: revisions, If-Match, tombstones, idempotency keys, the changes feed with an epoch
// and a tombstone horizon, and scripted failures (lost replies, errors, stops). The real
// server is tested end to end in tests/e2e/.

#include "sync/remoteapi.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include <algorithm>

namespace jl::test {

class FakeRemote final : public sync::RemoteApi {
public:
    struct Record {
        qint64 rev = 0;
        bool deleted = false;
        QJsonObject data;
        qint64 seq = 0;
    };

    QMap<std::pair<QString, QString>, Record> records;
    QString epochValue = QStringLiteral("epoch-1");
    qint64 seq = 0;
    qint64 horizon = 0; // a cursor below this answers 410
    QHash<QString, sync::PushResult> keys;
    int batchLimit = 500;

    // Scripted faults, taken one per call.
    QList<sync::RemoteError> changesErrors;
    QList<sync::RemoteError> pushErrors;
    bool loseNextPushReply = false;  // applies the batch, then answers as if the network broke
    int stopAfter = -1;              // the next batch stops with 503 after this many entries
    std::function<void()> onChanges; // runs before each page is served

    int pushCalls = 0;
    int changesCalls = 0;
    QList<int> batchSizes;
    int applied = 0; // writes that really changed a record (not replays)

    // Changes made on the server by someone else.
    void serverPut(const QString &collection, const QString &id, QJsonObject data)
    {
        Record &r = records[{collection, id}];
        data.insert(QStringLiteral("id"), id);
        r.data = data;
        r.deleted = false;
        ++r.rev;
        r.seq = ++seq;
    }
    void serverEdit(const QString &collection, const QString &id, const QString &field,
                    const QJsonValue &value)
    {
        QJsonObject d = records[{collection, id}].data;
        d.insert(field, value);
        serverPut(collection, id, d);
    }
    void serverDelete(const QString &collection, const QString &id)
    {
        Record &r = records[{collection, id}];
        r.deleted = true;
        ++r.rev;
        r.seq = ++seq;
    }
    int liveCount(const QString &collection) const
    {
        int n = 0;
        for (auto it = records.cbegin(); it != records.cend(); ++it)
            n += it.key().first == collection && !it.value().deleted ? 1 : 0;
        return n;
    }
    Record get(const QString &collection, const QString &id) const
    {
        return records.value({collection, id});
    }

    sync::RemoteResult<QString> epoch() override { return epochValue; }

    sync::RemoteResult<sync::ChangesPage> changes(const QString &cursor, int limit) override
    {
        ++changesCalls;
        if (onChanges)
            onChanges();
        if (!changesErrors.isEmpty())
            return changesErrors.takeFirst();
        qint64 after = 0;
        if (!cursor.isEmpty()) {
            const QString cursorEpoch = cursor.section(QLatin1Char(':'), 0, 0);
            after = cursor.section(QLatin1Char(':'), 1, 1).toLongLong();
            if (cursorEpoch != epochValue || after < horizon)
                return sync::RemoteError{sync::RemoteError::Kind::Gone, 410,
                                         QStringLiteral("cursor too old")};
        }
        QList<std::pair<qint64, std::pair<QString, QString>>> order;
        for (auto it = records.cbegin(); it != records.cend(); ++it) {
            if (it.value().seq > after)
                order.append({it.value().seq, it.key()});
        }
        std::sort(order.begin(), order.end());
        sync::ChangesPage page;
        page.epoch = epochValue;
        qint64 last = after;
        for (const auto &[s, key] : order) {
            if (page.changes.size() >= limit) {
                page.hasMore = true;
                break;
            }
            const Record &r = records.value(key);
            page.changes.append(sync::RemoteChange{key.first, key.second, r.rev, r.deleted,
                                                   r.deleted ? QJsonObject() : r.data});
            last = s;
        }
        page.cursor = epochValue + QLatin1Char(':') + QString::number(last);
        return page;
    }

    sync::RemoteResult<sync::PushReply> push(const QList<sync::PushEntry> &entries) override
    {
        ++pushCalls;
        batchSizes.append(int(entries.size()));
        if (!pushErrors.isEmpty())
            return pushErrors.takeFirst();
        sync::PushReply reply;
        for (const sync::PushEntry &e : entries) {
            if (stopAfter >= 0 && reply.results.size() >= stopAfter) {
                reply.stopped = true;
                reply.results.append(sync::PushResult{e.key, 503, {}, QStringLiteral("busy")});
                stopAfter = -1;
                for (qsizetype n = reply.results.size(); n < entries.size(); ++n)
                    reply.results.append(sync::PushResult{entries.at(n).key, 424, {}, {}});
                break;
            }
            if (keys.contains(e.key)) {
                reply.results.append(keys.value(e.key));
                continue;
            }
            const sync::PushResult r = apply(e);
            keys.insert(e.key, r);
            reply.results.append(r);
        }
        if (loseNextPushReply) {
            loseNextPushReply = false;
            return sync::RemoteError{sync::RemoteError::Kind::Network, 0,
                                     QStringLiteral("connection reset")};
        }
        return reply;
    }

    int maxBatch() const override { return batchLimit; }

    // Files by SHA-256 (sync.md §16): the bytes received so far and the size announced.
    struct File {
        QByteArray bytes;
        qint64 size = 0;
        bool complete() const { return bytes.size() == size; }
    };
    QHash<QString, File> files;
    // What the server saw, in order: "file:<sha>" when a file became whole, "push:<id>" when
    // an entry for the record was applied (uploads before records).
    QStringList events;
    int chunkCalls = 0;
    qint64 largestChunk = 0;
    int failChunkAfter = -1;          // the next upload breaks (network) after this many chunks,
    int chunkFailures = 1;            // this many times in a row
    bool corruptNextDownload = false; // serves other bytes once
    QList<sync::RemoteError> downloadErrors;
    int downloadCalls = 0;

    void serverFile(const QByteArray &bytes)
    {
        files.insert(sha256(bytes), File{bytes, bytes.size()});
    }
    static QString sha256(const QByteArray &bytes)
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

    sync::RemoteResult<qint64> uploadedBytes(const QString &sha) override
    {
        return qint64(files.value(sha).bytes.size());
    }
    sync::RemoteResult<qint64> uploadChunk(const QString &sha, qint64 offset, qint64 total,
                                           const QByteArray &chunk) override
    {
        if (failChunkAfter == 0) {
            if (--chunkFailures <= 0)
                failChunkAfter = -1;
            return sync::RemoteError{sync::RemoteError::Kind::Network, 0,
                                     QStringLiteral("connection reset")};
        }
        if (failChunkAfter > 0)
            --failChunkAfter;
        ++chunkCalls;
        largestChunk = std::max<qint64>(largestChunk, chunk.size());
        File &f = files[sha];
        f.size = total;
        if (offset != f.bytes.size())
            return sync::RemoteError{sync::RemoteError::Kind::Rejected, 409,
                                     QStringLiteral("chunk out of order")};
        f.bytes.append(chunk);
        if (f.complete()) {
            if (sha256(f.bytes) != sha) {
                files.remove(sha);
                return sync::RemoteError{sync::RemoteError::Kind::Rejected, 422,
                                         QStringLiteral("hash mismatch")};
            }
            events.append(QStringLiteral("file:") + sha);
        }
        return qint64(f.bytes.size());
    }
    sync::RemoteResult<bool> download(const QString &sha, const QString &target,
                                      const std::function<void(qint64, qint64)> &) override
    {
        ++downloadCalls;
        if (!downloadErrors.isEmpty())
            return downloadErrors.takeFirst();
        if (!files.contains(sha) || !files.value(sha).complete())
            return sync::RemoteError{sync::RemoteError::Kind::NotFound, 404,
                                     QStringLiteral("no such file")};
        QByteArray bytes = files.value(sha).bytes;
        if (corruptNextDownload) {
            corruptNextDownload = false;
            bytes[0] = char(bytes.at(0) ^ 0x55);
        }
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(bytes) != bytes.size())
            return sync::RemoteError{sync::RemoteError::Kind::Network, 0,
                                     QStringLiteral("cannot write")};
        return true;
    }
    void cancel() override {}

    static QJsonObject wire(const QString &collection, const QString &id, const Record &r)
    {
        return QJsonObject{{QStringLiteral("collection"), collection},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("rev"), r.rev},
                           {QStringLiteral("deleted"), r.deleted},
                           {QStringLiteral("data"), r.deleted ? QJsonValue() : QJsonValue(r.data)}};
    }

private:
    // Commands (sync.md §13) as the reference server's instrument rules have them: the state
    // machine decides, a refusal is a 409 marked as final.
    sync::PushResult command(const sync::PushEntry &e)
    {
        const std::pair key{e.collection, e.recordId};
        const Record current = records.value(key);
        if (!records.contains(key) || current.deleted)
            return sync::PushResult{e.key, 404, {}, QStringLiteral("not found")};
        if (e.baseRev != 0 && e.baseRev != current.rev)
            return sync::PushResult{
                e.key, 412,
                QJsonObject{{QStringLiteral("current"), wire(e.collection, e.recordId, current)}},
                QStringLiteral("changed")};
        const QString lifecycle = current.data.value(u"lifecycle").toString();
        QString next;
        if (e.command == QLatin1String("moveToHistory") && lifecycle != QLatin1String("history"))
            next = QStringLiteral("history");
        else if (e.command == QLatin1String("restore") && lifecycle == QLatin1String("history"))
            next = QStringLiteral("active");
        if (e.command != QLatin1String("moveToHistory") && e.command != QLatin1String("restore"))
            return sync::PushResult{e.key, 404, {}, QStringLiteral("unknown command")};
        if (next.isEmpty()) {
            sync::PushResult refused{e.key, 409, {}, QStringLiteral("无法执行该操作")};
            refused.refused = true;
            return refused;
        }
        serverEdit(e.collection, e.recordId, QStringLiteral("lifecycle"), next);
        ++applied;
        events.append(QStringLiteral("command:") + e.command + u':' + e.recordId);
        return sync::PushResult{e.key, 200, wire(e.collection, e.recordId, records.value(key)), {}};
    }

    sync::PushResult apply(const sync::PushEntry &e)
    {
        const std::pair key{e.collection, e.recordId};
        const bool exists = records.contains(key);
        Record current = records.value(key);
        auto conflict = [&]() {
            return sync::PushResult{
                e.key, 412,
                QJsonObject{{QStringLiteral("current"), wire(e.collection, e.recordId, current)}},
                QStringLiteral("changed")};
        };
        if (e.payload.value(u"name").toString() == QLatin1String("REJECT"))
            return sync::PushResult{e.key, 422, {}, QStringLiteral("name is not allowed")};
        if (e.kind == QLatin1String("command"))
            return command(e);
        if (e.kind == QLatin1String("delete")) {
            if (!exists || current.deleted)
                return sync::PushResult{e.key, 404, {}, QStringLiteral("not found")};
            if (e.baseRev != current.rev)
                return conflict();
            serverDelete(e.collection, e.recordId);
        } else {
            if (!exists && e.baseRev != 0)
                return sync::PushResult{e.key, 404, {}, QStringLiteral("not found")};
            if (exists && (current.deleted || e.baseRev != current.rev))
                return conflict();
            serverPut(e.collection, e.recordId, e.payload);
        }
        ++applied;
        events.append(QStringLiteral("push:") + e.recordId);
        return sync::PushResult{e.key, 200, wire(e.collection, e.recordId, records.value(key)), {}};
    }
};

} // namespace jl::test
