#include "sync/filestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace jl::sync {

namespace {

constexpr qint64 BlockBytes = 256 * 1024;

QString tempDir(const QString &root)
{
    return root + QStringLiteral("/tmp");
}

} // namespace

FileStore::FileStore(QString root)
    : m_root(std::move(root))
{}

bool FileStore::isSha256(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString FileStore::path(const QString &sha256) const
{
    return m_root + u'/' + sha256.left(2) + u'/' + sha256.mid(2, 2) + u'/' + sha256;
}

bool FileStore::has(const QString &sha256) const
{
    return isSha256(sha256) && QFileInfo(path(sha256)).isFile();
}

qint64 FileStore::size(const QString &sha256) const
{
    return has(sha256) ? QFileInfo(path(sha256)).size() : -1;
}

models::Result<QString> FileStore::newTempFile()
{
    if (!QDir().mkpath(tempDir(m_root)))
        return models::Error{tr("Cannot create the folder %1.").arg(tempDir(m_root)), {}};
    QTemporaryFile file(tempDir(m_root) + QStringLiteral("/part-XXXXXX"));
    file.setAutoRemove(false);
    if (!file.open())
        return models::Error{
            tr("Cannot create a file in %1: %2").arg(tempDir(m_root), file.errorString()), {}};
    return file.fileName();
}

models::Result<QString> FileStore::sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return models::Error{tr("Cannot read %1: %2").arg(path, file.errorString()), {}};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return models::Error{tr("Cannot read %1: %2").arg(path, file.errorString()), {}};
    return QString::fromLatin1(hash.result().toHex());
}

models::Result<QString> FileStore::add(const QString &source)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return models::Error{tr("Cannot read %1: %2").arg(source, in.errorString()), {}};
    auto temp = newTempFile();
    if (!temp)
        return temp.error();
    QFile out(temp.value());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool ok = out.open(QIODevice::WriteOnly | QIODevice::Truncate);
    QString why = out.errorString();
    while (ok && !in.atEnd()) {
        const QByteArray block = in.read(BlockBytes);
        if (block.isEmpty() && in.error() != QFileDevice::NoError) {
            ok = false;
            why = in.errorString();
            break;
        }
        hash.addData(block);
        if (out.write(block) != block.size()) {
            ok = false;
            why = out.errorString();
        }
    }
    if (ok && !out.flush()) {
        ok = false;
        why = out.errorString();
    }
    out.close();
    if (!ok) {
        QFile::remove(temp.value());
        return models::Error{tr("Cannot copy %1 into the attachment store: %2").arg(source, why),
                             {}};
    }
    const QString sha = QString::fromLatin1(hash.result().toHex());
    if (models::Status s = moveIntoPlace(temp.value(), sha); !s)
        return s.error();
    return sha;
}

models::Result<bool> FileStore::adopt(const QString &tempPath, const QString &sha256)
{
    auto actual = sha256Of(tempPath);
    if (!actual) {
        QFile::remove(tempPath);
        return actual.error();
    }
    if (actual.value() != sha256) {
        QFile::remove(tempPath);
        return false;
    }
    if (models::Status s = moveIntoPlace(tempPath, sha256); !s)
        return s.error();
    return true;
}

models::Status FileStore::moveIntoPlace(const QString &tempPath, const QString &sha256)
{
    const QString target = path(sha256);
    if (QFileInfo(target).isFile()) {
        // Same name, same bytes: the copy is not needed.
        QFile::remove(tempPath);
        return {};
    }
    if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        QFile::remove(tempPath);
        return models::Error{
            tr("Cannot create the folder %1.").arg(QFileInfo(target).absolutePath()), {}};
    }
    // A rename on the same volume: the name appears with all its bytes or not at all.
    if (!QFile::rename(tempPath, target)) {
        const bool raced = QFileInfo(target).isFile(); // another writer put it there first
        QFile::remove(tempPath);
        if (!raced)
            return models::Error{tr("Cannot move the file into %1.").arg(target), {}};
    }
    return {};
}

} // namespace jl::sync
