#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QString>

namespace jl::sync {

// Attachments on disk, content-addressed by SHA-256 (sync.md §16), under a folder the caller
// gives (the account's data folder): <root>/ab/cd/abcd…ef, two levels of fan-out so that no
// folder grows past a few hundred entries. A file is written to <root>/tmp first and renamed
// into place only when whole and hashed, so a name always stands for its bytes.
class FileStore final {
    Q_DECLARE_TR_FUNCTIONS(FileStore)

public:
    explicit FileStore(QString root);

    QString root() const { return m_root; }
    // Copies `source` in, hashing while copying; the SHA-256 (lower-case hex). Adding bytes
    // already there changes nothing.
    models::Result<QString> add(const QString &source);
    bool has(const QString &sha256) const;
    // Where the file with this hash lives (whether or not it is there yet).
    QString path(const QString &sha256) const;
    qint64 size(const QString &sha256) const;

    // A new, empty file in the store's temporary folder (same volume, so adopt() is a rename).
    models::Result<QString> newTempFile();
    // Hashes `tempPath`; if it has `sha256`, renames it into place (true), else deletes it
    // (false). An error is a disk problem. The temporary file is gone afterwards either way.
    models::Result<bool> adopt(const QString &tempPath, const QString &sha256);

    static bool isSha256(const QString &text);
    static models::Result<QString> sha256Of(const QString &path);

private:
    models::Status moveIntoPlace(const QString &tempPath, const QString &sha256);

    QString m_root;
};

} // namespace jl::sync
