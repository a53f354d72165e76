#include "sync/threewaymerge.h"

#include <QSet>

namespace jl::sync {

namespace {

// The server's envelope, never merged as a field.
bool isEnvelope(const QString &key)
{
    return key == QLatin1String("id") || key == QLatin1String("rev") ||
           key == QLatin1String("updatedAt") || key == QLatin1String("deleted");
}

QStringList unionOfKeys(const QJsonObject &a, const QJsonObject &b, const QJsonObject &c)
{
    QStringList keys;
    QSet<QString> seen;
    for (const QJsonObject *o : {&a, &b, &c}) {
        for (auto it = o->begin(); it != o->end(); ++it) {
            if (!isEnvelope(it.key()) && !seen.contains(it.key())) {
                seen.insert(it.key());
                keys.append(it.key());
            }
        }
    }
    return keys;
}

} // namespace

QStringList changedFields(const QJsonObject &from, const QJsonObject &to)
{
    QStringList fields;
    for (const QString &key : unionOfKeys(from, to, {})) {
        // A field one side does not carry (an older server, a field only the client keeps)
        // is not a change: absence says nothing about the value.
        if (!to.contains(key) || !from.contains(key))
            continue;
        if (from.value(key) != to.value(key))
            fields.append(key);
    }
    return fields;
}

MergeOutcome threeWayMerge(const MergeInput &in)
{
    MergeOutcome out;
    if (in.mineDeleted && in.theirsDeleted) {
        out.kind = MergeOutcome::Kind::BothDeleted;
        out.deleted = true;
        return out;
    }
    if (in.theirsDeleted) {
        // My edit against the server's delete: the user decides (keep mine makes it again).
        out.kind = MergeOutcome::Kind::Conflict;
        out.serverDeleted = true;
        out.deleted = true;
        out.fields =
            in.base.isEmpty() ? unionOfKeys(in.mine, {}, {}) : changedFields(in.base, in.mine);
        return out;
    }
    if (in.mineDeleted) {
        const QStringList serverChanged = changedFields(in.base, in.theirs);
        out.merged = in.theirs;
        if (serverChanged.isEmpty() && !in.base.isEmpty()) {
            // The server changed nothing I saw: my delete goes again on its revision.
            out.deleted = true;
            out.needsPush = true;
            return out;
        }
        out.kind = MergeOutcome::Kind::Conflict;
        out.localDeleted = true;
        out.fields = serverChanged;
        return out;
    }

    out.merged = in.theirs;
    for (const QString &key : unionOfKeys(in.base, in.mine, in.theirs)) {
        const bool inMine = in.mine.contains(key);
        const bool inTheirs = in.theirs.contains(key);
        const QJsonValue base = in.base.value(key);
        const QJsonValue mine = in.mine.value(key);
        // A field the server does not send stays as it was for the server (see changedFields).
        const QJsonValue theirs =
            inTheirs ? in.theirs.value(key) : (in.base.contains(key) ? base : mine);
        const bool mineChanged = inMine && (!in.base.contains(key) || mine != base);
        const bool theirsChanged = inTheirs && (!in.base.contains(key) || theirs != base);
        if (mineChanged && theirsChanged && mine != theirs) {
            out.fields.append(key);
            out.merged.insert(key, theirs);
        } else if (mineChanged) {
            out.merged.insert(key, mine);
            // A field the server does not keep cannot be sent to it either.
            if (inTheirs && mine != theirs)
                out.needsPush = true;
        } else if (!inTheirs && inMine) {
            out.merged.insert(key, mine);
        }
    }
    if (!out.fields.isEmpty())
        out.kind = MergeOutcome::Kind::Conflict;
    if (in.theirs.contains(QStringLiteral("id")))
        out.merged.insert(QStringLiteral("id"), in.theirs.value(QStringLiteral("id")));
    return out;
}

} // namespace jl::sync
