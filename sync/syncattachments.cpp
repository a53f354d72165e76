// Attachments in a sync run (sync.md §16): the files an outbox entry names go up before the
// entry, the files pulled records name come down after their page, verified and renamed into
// place by FileStore. Which fields name files is the collection's declaration
// (SyncCollection::attachmentFields); the engine names no collection here either.
#include "sync/syncattachments.h"

#include "models/common/logging.h"
#include "models/store/database.h"
#include "sync/attachmenttransfer.h"
#include "sync/collections/collectionregistry.h"
#include "sync/filestore.h"
#include "sync/syncengine.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <optional>

namespace jl::sync {

using models::OutboxEntry;
using models::Status;

namespace syncattachments {

QString folderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/files");
}

QString wantedKey()
{
    return QStringLiteral("sync.attachments.wanted");
}

namespace {

void collect(const QJsonValue &value, QSet<QString> &into)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (FileStore::isSha256(text))
            into.insert(text);
    } else if (value.isArray()) {
        const QJsonArray list = value.toArray();
        for (const QJsonValue &v : list)
            collect(v, into);
    } else if (value.isObject()) {
        const QJsonValue sha = value.toObject().value(QStringLiteral("sha256"));
        if (sha.isString())
            collect(sha, into);
    }
}

} // namespace

QSet<QString> hashesIn(const QJsonObject &data, const QStringList &fields)
{
    QSet<QString> hashes;
    for (const QString &field : fields)
        collect(data.value(field), hashes);
    return hashes;
}

} // namespace syncattachments

namespace {

bool isRefusal(RemoteError::Kind kind)
{
    // The server answered, and asking again gets the same answer.
    return kind == RemoteError::Kind::NotFound || kind == RemoteError::Kind::Rejected ||
           kind == RemoteError::Kind::BadReply;
}

QStringList sorted(const QSet<QString> &set)
{
    QStringList list = set.values();
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

SyncEngine::Step SyncEngine::uploadAttachments(QList<OutboxEntry> &batch, Outcome &outcome)
{
    std::optional<FileStore> store;
    std::optional<AttachmentTransfer> transfer;
    QList<OutboxEntry> ready;
    ready.reserve(batch.size());
    for (const OutboxEntry &e : std::as_const(batch)) {
        const QStringList &fields = m_collections.get(e.collection).attachmentFields();
        if (fields.isEmpty() || e.kind == QLatin1String("delete")) {
            ready.append(e);
            continue;
        }
        const QSet<QString> hashes =
            syncattachments::hashesIn(QJsonDocument::fromJson(e.payload.toUtf8()).object(), fields);
        if (hashes.isEmpty()) {
            ready.append(e);
            continue;
        }
        if (!store) {
            store.emplace(syncattachments::folderFor(m_db.path()));
            transfer.emplace(m_remote, *store);
        }
        QString refusal;
        std::optional<RemoteError> blocked;
        for (const QString &sha : sorted(hashes)) {
            if (!store->has(sha)) {
                // A file this computer never had (its record was pulled and its download has
                // not happened yet) may well be on the server: then there is nothing to send.
                auto fetched = transfer->download(sha);
                if (auto *error = std::get_if<RemoteError>(&fetched)) {
                    if (isRefusal(error->kind))
                        refusal = tr("The attached file %1 is missing on this computer, so this "
                                     "change cannot be sent. Attach the file again, or discard "
                                     "the change.")
                                      .arg(sha.left(12));
                    else
                        blocked = *error;
                    break;
                }
                continue;
            }
            // Resumes where the server stopped; a file the server has costs one question.
            auto sent = transfer->upload(sha);
            if (auto *error = std::get_if<RemoteError>(&sent)) {
                if (isRefusal(error->kind))
                    refusal = tr("The server refused the attached file %1: %2")
                                  .arg(sha.left(12), error->message);
                else
                    blocked = *error;
                break;
            }
        }
        if (blocked) {
            // Order is kept: the entries before this one go now; this one goes first next
            // time, its upload resumed.
            if (!ready.isEmpty())
                break;
            handleRemoteError(*blocked, outcome);
            if (outcome.result == Result::Incomplete) {
                const QString message =
                    blocked->message.isEmpty()
                        ? tr("An attached file could not be uploaded yet; it is tried again "
                             "later.")
                        : blocked->message;
                if (Status s = backOff(e, message, blocked->retryAfterSeconds, true); !s)
                    outcome = Outcome{Result::Failed, s.error().message, {}, 0, 0};
            }
            return Step::Stop;
        }
        if (!refusal.isEmpty()) {
            // This entry fails where the user sees it; the queue moves on (as a rejection).
            qCWarning(models::lcSync).noquote()
                << "outbox entry" << e.opId << "refused:" << refusal;
            if (Status s = reject(e, refusal); !s) {
                outcome = Outcome{Result::Failed, s.error().message, {}, 0, 0};
                return Step::Stop;
            }
            m_changed = true;
            continue;
        }
        ready.append(e);
    }
    batch = ready;
    return Step::Continue;
}

Status SyncEngine::noteAttachments(const ChangesPage &page)
{
    QSet<QString> named;
    for (const RemoteChange &c : page.changes) {
        if (c.deleted)
            continue;
        const QStringList &fields = m_collections.get(c.collection).attachmentFields();
        if (!fields.isEmpty())
            named.unite(syncattachments::hashesIn(c.data, fields));
    }
    if (named.isEmpty())
        return {};
    const FileStore store(syncattachments::folderFor(m_db.path()));
    QSet<QString> wanted;
    for (const QString &sha : std::as_const(named)) {
        if (!store.has(sha))
            wanted.insert(sha);
    }
    if (wanted.isEmpty())
        return {};
    // Kept with the page in its transaction: a crash after the apply still downloads them.
    const QJsonArray before =
        QJsonDocument::fromJson(m_db.meta(syncattachments::wantedKey()).toUtf8()).array();
    for (const QJsonValue &v : before)
        wanted.insert(v.toString());
    return m_db.setMeta(syncattachments::wantedKey(),
                        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(sorted(wanted)))
                                              .toJson(QJsonDocument::Compact)));
}

void SyncEngine::fetchAttachments()
{
    const QString listed = m_db.meta(syncattachments::wantedKey());
    if (listed.isEmpty())
        return;
    const QJsonArray wanted = QJsonDocument::fromJson(listed.toUtf8()).array();
    FileStore store(syncattachments::folderFor(m_db.path()));
    AttachmentTransfer transfer(m_remote, store);
    QStringList left;
    bool stop = false;
    for (const QJsonValue &v : wanted) {
        const QString sha = v.toString();
        if (!FileStore::isSha256(sha) || store.has(sha))
            continue;
        if (stop || cancelled()) {
            left.append(sha);
            continue;
        }
        // A file that does not hash to its name is deleted by the transfer, never placed.
        auto fetched = transfer.download(sha);
        if (auto *error = std::get_if<RemoteError>(&fetched)) {
            left.append(sha);
            qCWarning(models::lcSync).noquote()
                << "attachment" << sha
                << "not downloaded, tried again next sync:" << error->message;
            // The records are in place already; a file the server refuses is asked for
            // again next time, and without the network the rest wait too.
            stop = !isRefusal(error->kind);
        }
    }
    const QString remaining =
        left.isEmpty()
            ? QString()
            : QString::fromUtf8(
                  QJsonDocument(QJsonArray::fromStringList(left)).toJson(QJsonDocument::Compact));
    if (Status s = m_db.setMeta(syncattachments::wantedKey(), remaining); !s)
        qCWarning(models::lcSync).noquote()
            << "cannot keep the attachments still wanted:" << s.error().message;
}

} // namespace jl::sync
