#include "sync/wirereplies.h"

#include "sync/wirecollections.h"

#include <QJsonArray>

namespace jl::sync {

namespace {

bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == double(v.toInteger());
}

std::optional<RemoteChange> change(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QJsonValue collection = o.value(QStringLiteral("collection"));
    const QJsonValue id = o.value(QStringLiteral("id"));
    const QJsonValue rev = o.value(QStringLiteral("rev"));
    const QJsonValue deleted = o.value(QStringLiteral("deleted"));
    const QJsonValue data = o.value(QStringLiteral("data"));
    if (!value.isObject() || !collection.isString() || collection.toString().isEmpty() ||
        !id.isString() || id.toString().isEmpty() || !isInteger(rev) || !deleted.isBool())
        return std::nullopt;
    if (deleted.toBool() ? !(data.isNull() || data.isObject() || data.isUndefined())
                         : !data.isObject())
        return std::nullopt;
    RemoteChange c;
    c.collection = WireCollections::fromWire(collection.toString());
    c.id = id.toString();
    c.rev = rev.toInteger();
    c.deleted = deleted.toBool();
    c.data = data.toObject();
    return c;
}

} // namespace

std::optional<ChangesPage> WireReplies::changesPage(const QJsonObject &reply)
{
    const QJsonValue changes = reply.value(QStringLiteral("changes"));
    const QJsonValue cursor = reply.value(QStringLiteral("cursor"));
    const QJsonValue hasMore = reply.value(QStringLiteral("hasMore"));
    const QJsonValue epoch = reply.value(QStringLiteral("epoch"));
    if (!changes.isArray() || !cursor.isString() || cursor.toString().isEmpty() ||
        !hasMore.isBool() || !epoch.isString() || epoch.toString().isEmpty())
        return std::nullopt;
    ChangesPage page;
    const QJsonArray list = changes.toArray();
    page.changes.reserve(list.size());
    for (const QJsonValue &v : list) {
        auto c = change(v);
        if (!c)
            return std::nullopt;
        page.changes.append(std::move(*c));
    }
    page.cursor = cursor.toString();
    page.hasMore = hasMore.toBool();
    page.epoch = epoch.toString();
    return page;
}

std::optional<QJsonObject> WireReplies::clientRecord(const QJsonValue &wireRecord)
{
    auto c = change(wireRecord);
    if (!c)
        return std::nullopt;
    QJsonObject o = wireRecord.toObject();
    o.insert(QStringLiteral("collection"), c->collection);
    o.insert(QStringLiteral("data"), c->data);
    return o;
}

std::optional<PushReply> WireReplies::pushReply(const QJsonObject &reply,
                                                const QList<PushEntry> &sent)
{
    const QJsonValue results = reply.value(QStringLiteral("results"));
    if (!results.isArray() || results.toArray().size() != sent.size())
        return std::nullopt;
    const QJsonValue stopped = reply.value(QStringLiteral("stopped"));
    if (!stopped.isUndefined() && !stopped.isBool())
        return std::nullopt;
    PushReply out;
    out.stopped = stopped.toBool(false);
    const QJsonArray list = results.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        const QJsonValue status = o.value(QStringLiteral("status"));
        const QJsonValue body = o.value(QStringLiteral("body"));
        if (o.value(QStringLiteral("key")).toString() != sent.at(i).key || !isInteger(status) ||
            !body.isObject())
            return std::nullopt;
        PushResult r;
        r.key = sent.at(i).key;
        r.status = status.toInt();
        if (r.status >= 200 && r.status < 300) {
            auto record = clientRecord(body);
            if (!record)
                return std::nullopt;
            r.body = *record;
        } else {
            r.message = body.toObject().value(QStringLiteral("detail")).toString();
            if (r.message.isEmpty())
                r.message = QStringLiteral("HTTP %1").arg(r.status);
            if (r.status == 412) {
                // A conflict is only useful with the server's record to merge against.
                auto current = clientRecord(body.toObject().value(QStringLiteral("current")));
                if (!current)
                    return std::nullopt;
                r.body = *current;
            } else {
                r.body = body.toObject();
                // The reference server answers 409 for a key in flight (retry) and for a
                // command its state machine refuses (final); the problem code tells which.
                // A 409 without one (not from the server's rules) is retried.
                const QString code = r.body.value(QStringLiteral("code")).toString();
                r.refused = r.status == 409 && !code.isEmpty() &&
                            code != QLatin1String("idempotency-in-flight");
            }
        }
        if (r.status == 424)
            out.stopped = true;
        out.results.append(std::move(r));
    }
    return out;
}

QJsonObject WireReplies::batchRequest(const QList<PushEntry> &entries)
{
    QJsonArray list;
    for (const PushEntry &e : entries) {
        QJsonObject o{{QStringLiteral("key"), e.key},
                      {QStringLiteral("collection"), WireCollections::toWire(e.collection)},
                      {QStringLiteral("id"), e.recordId},
                      {QStringLiteral("kind"), e.kind}};
        if (e.kind == QLatin1String("upsert")) {
            // 0 creates; on an existing record it is a conflict, never an overwrite.
            o.insert(QStringLiteral("baseRev"), e.baseRev);
            o.insert(QStringLiteral("payload"),
                     WireCollections::outgoingPayload(e.collection, e.payload));
        } else if (e.kind == QLatin1String("delete")) {
            o.insert(QStringLiteral("baseRev"), e.baseRev);
        } else {
            o.insert(QStringLiteral("command"), e.command);
            // A command without a base applies to whatever revision the server has.
            if (e.baseRev > 0)
                o.insert(QStringLiteral("baseRev"), e.baseRev);
            if (!e.payload.isEmpty())
                o.insert(QStringLiteral("payload"), e.payload);
        }
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("entries"), list}};
}

} // namespace jl::sync
