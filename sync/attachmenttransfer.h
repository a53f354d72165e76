#pragma once

#include "sync/remoteapi.h"

#include <QCoreApplication>

#include <functional>

namespace jl::sync {

class FileStore;

// Moves attachments between the local FileStore and any RemoteApi (sync.md §16). Uploads go
// in chunks of at most 4 MB and resume where the server stopped (uploadedBytes); downloads
// land in a temporary file in the store, are hash-checked and only then renamed into place.
// Runs on the engine's thread, as the RemoteApi calls do.
class AttachmentTransfer final {
    Q_DECLARE_TR_FUNCTIONS(AttachmentTransfer)

public:
    static constexpr qint64 MaxChunkBytes = 4 * 1024 * 1024;
    using Progress = std::function<void(qint64 done, qint64 total)>;

    AttachmentTransfer(RemoteApi &remote, FileStore &store);

    void setChunkBytes(qint64 bytes); // at most MaxChunkBytes; tests use smaller ones

    // Sends the stored file with this hash; its size once the server has all of it.
    RemoteResult<qint64> upload(const QString &sha256, const Progress &progress = {});
    // Fetches the file into the store unless it is there; its local path. A file whose bytes
    // do not hash to `sha256` is deleted and reported as BadReply.
    RemoteResult<QString> download(const QString &sha256, const Progress &progress = {});

private:
    RemoteApi &m_remote;
    FileStore &m_store;
    qint64 m_chunkBytes = MaxChunkBytes;
};

} // namespace jl::sync
