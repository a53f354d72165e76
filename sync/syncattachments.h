#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace jl::sync {

// Attachments as the sync engine moves them (sync.md §16). The engine's part lives in
// syncattachments.cpp (SyncEngine::uploadAttachments, noteAttachments, fetchAttachments);
// these helpers are shared with the screens that open a stored file.
namespace syncattachments {

// The account's attachment store beside its database: <folder of the database>/files.
QString folderFor(const QString &databasePath);

// The SHA-256s the attachment fields of `data` name: a field holds a hash, an array of them,
// or attachment objects ({sha256, …}) alone or in an array. Anything else is ignored.
QSet<QString> hashesIn(const QJsonObject &data, const QStringList &fields);

// Meta key of the hashes the pulled records name and the store still lacks (JSON array):
// written with the page that brought them, emptied as the downloads succeed.
QString wantedKey();

} // namespace syncattachments

} // namespace jl::sync
