#pragma once

#include <QJsonObject>
#include <QStringList>

namespace jl::sync {

// sync.md §15: the server refused a change (412) because the record moved on. The local
// record (mine) and the server's (theirs) are compared field by field with what both started
// from (base, the oldest queued change's `base`). Pure: the engine writes the outcome.
struct MergeInput {
    QJsonObject base; // {} for a create
    QJsonObject mine;
    bool mineDeleted = false;
    QJsonObject theirs;
    bool theirsDeleted = false;
};

struct MergeOutcome {
    enum class Kind {
        Clean,       // every change one-sided (or both sides agree): nothing for the user
        Conflict,    // a field changed on both sides, or an edit met a delete
        BothDeleted, // deleted on both sides: nothing left to do
    };
    Kind kind = Kind::Clean;
    QJsonObject merged;   // the record to keep locally (theirs plus my one-sided changes)
    bool deleted = false; // the local record goes (a server delete, or my delete merged)
    QStringList fields;   // changed on both sides (or the fields of the edit met by a delete)
    bool serverDeleted = false;
    bool localDeleted = false;
    bool needsPush = false; // merged differs from theirs: queue it on the server's revision
};

MergeOutcome threeWayMerge(const MergeInput &input);

// Fields whose values differ between the two records (envelope keys left out); a key the
// server does not send counts as unchanged.
QStringList changedFields(const QJsonObject &from, const QJsonObject &to);

} // namespace jl::sync
