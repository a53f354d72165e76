#include "sync/attachmenttransfer.h"

#include "models/common/logging.h"
#include "sync/filestore.h"
#include "sync/remoteerrors.h"

#include <QFile>

namespace jl::sync {

namespace {

RemoteError localError(const QString &message)
{
    RemoteError e;
    e.kind = RemoteError::Kind::Network; // a local disk problem: try again later
    e.message = message;
    return e;
}

} // namespace

AttachmentTransfer::AttachmentTransfer(RemoteApi &remote, FileStore &store)
    : m_remote(remote)
    , m_store(store)
{}

void AttachmentTransfer::setChunkBytes(qint64 bytes)
{
    m_chunkBytes = std::clamp<qint64>(bytes, 1, MaxChunkBytes);
}

RemoteResult<qint64> AttachmentTransfer::upload(const QString &sha256, const Progress &progress)
{
    if (!m_store.has(sha256))
        return localError(tr("The attachment %1 is missing from this computer.").arg(sha256));
    QFile file(m_store.path(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return localError(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const qint64 total = file.size();
    auto start = m_remote.uploadedBytes(sha256);
    if (auto *e = std::get_if<RemoteError>(&start))
        return *e;
    qint64 offset = std::get<qint64>(start);
    // An out-of-order answer (409) says where the server stands; a few in a row mean the two
    // sides disagree about the file, which no retry here fixes.
    int realigned = 0;
    while (offset < total) {
        if (progress)
            progress(offset, total);
        if (!file.seek(offset))
            return localError(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const QByteArray chunk = file.read(std::min(m_chunkBytes, total - offset));
        if (chunk.isEmpty())
            return localError(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        auto sent = m_remote.uploadChunk(sha256, offset, total, chunk);
        if (auto *e = std::get_if<RemoteError>(&sent)) {
            if (e->kind != RemoteError::Kind::Rejected || e->httpStatus != 409 || ++realigned > 3)
                return *e;
            auto where = m_remote.uploadedBytes(sha256);
            if (auto *again = std::get_if<RemoteError>(&where))
                return *again;
            offset = std::get<qint64>(where);
            continue;
        }
        const qint64 received = std::get<qint64>(sent);
        if (received <= offset && received < total)
            return RemoteErrors::badReply(
                QStringLiteral("upload of %1 did not move on").arg(sha256));
        offset = received;
    }
    if (progress)
        progress(total, total);
    return total;
}

RemoteResult<QString> AttachmentTransfer::download(const QString &sha256, const Progress &progress)
{
    if (!FileStore::isSha256(sha256))
        return RemoteErrors::badReply(QStringLiteral("not a SHA-256: ") + sha256);
    if (m_store.has(sha256))
        return m_store.path(sha256);
    auto temp = m_store.newTempFile();
    if (!temp)
        return localError(temp.error().message);
    auto fetched = m_remote.download(sha256, temp.value(), progress);
    if (auto *e = std::get_if<RemoteError>(&fetched)) {
        QFile::remove(temp.value());
        return *e;
    }
    auto adopted = m_store.adopt(temp.value(), sha256);
    if (!adopted)
        return localError(adopted.error().message);
    if (!adopted.value())
        return RemoteErrors::badReply(
            QStringLiteral("the download of %1 has other bytes; discarded").arg(sha256));
    return m_store.path(sha256);
}

} // namespace jl::sync
