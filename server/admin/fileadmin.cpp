#include "server/admin/fileadmin.h"

#include "server/admin/uscc.h"
#include "server/api/fileendpoints.h"
#include "server/api/filetype.h"
#include "server/storage/connectionpool.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace jl::server {

Outcome<QJsonObject> FileAdmin::store(ConnectionPool &pool, const QString &uscc,
                                      const QByteArray &bytes)
{
    auto db = pool.local();
    if (!db)
        return db.error();
    SqlConnection &c = **db;
    auto rows = c.run(QStringLiteral("SELECT id FROM enterprises WHERE uscc = ?"),
                      {uscc::normalized(uscc)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return ApiError::make(404, Msg::UnknownEnterprise, {uscc::normalized(uscc)});
    const QString enterprise = rows->value(0, 0).toString();
    if (bytes.isEmpty())
        return ApiError::make(400, Msg::BadRequest, {QStringLiteral("the file is empty")});
    auto maxBytes = FileEndpoints::maxUploadBytes(c);
    if (!maxBytes)
        return maxBytes.error();
    if (bytes.size() > maxBytes.value())
        return ApiError::make(413, Msg::FileTooLarge,
                              {QString::number(maxBytes.value() / (1024 * 1024))});
    FileTypeSniffer sniffer;
    for (qsizetype at = 0; at < bytes.size(); at += FileEndpoints::MaxChunkBytes)
        sniffer.feed(bytes.mid(at, FileEndpoints::MaxChunkBytes));
    const QString mime = sniffer.mimeType();
    if (mime.isEmpty())
        return ApiError::make(415, Msg::FileTypeRefused);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    auto stored = c.transaction<bool>([&]() -> Outcome<bool> {
        auto complete = c.run(QStringLiteral("SELECT complete FROM files WHERE enterprise_id = ? "
                                             "AND sha256 = ?"),
                              {enterprise, sha});
        if (!complete)
            return complete.error();
        if (!complete->isEmpty() && complete->value(0, 0).toInt() != 0)
            return true; // there already: the same bytes, whoever uploaded them
        // An upload of the same file left unfinished is replaced by the whole file.
        for (const char *sql : {"DELETE FROM file_chunks WHERE enterprise_id = ? AND sha256 = ?",
                                "DELETE FROM files WHERE enterprise_id = ? AND sha256 = ?"}) {
            if (auto r = c.run(QString::fromLatin1(sql), {enterprise, sha}); !r)
                return r.error();
        }
        if (auto r = c.run(QStringLiteral("INSERT INTO files (enterprise_id, sha256, size, "
                                          "received, mime, complete, created_at) VALUES (?, ?, "
                                          "?, ?, ?, 1, ?)"),
                           {enterprise, sha, qint64(bytes.size()), qint64(bytes.size()), mime,
                            QDateTime::currentMSecsSinceEpoch()});
            !r)
            return r.error();
        for (qsizetype at = 0; at < bytes.size(); at += FileEndpoints::MaxChunkBytes) {
            if (auto r = c.run(
                    QStringLiteral("INSERT INTO file_chunks (enterprise_id, sha256, "
                                   "offset_bytes, data) VALUES (?, ?, ?, ?)"),
                    {enterprise, sha, qint64(at), bytes.mid(at, FileEndpoints::MaxChunkBytes)});
                !r)
                return r.error();
        }
        return true;
    });
    if (!stored)
        return stored.error();
    return QJsonObject{{QStringLiteral("sha256"), sha},
                       {QStringLiteral("size"), qint64(bytes.size())},
                       {QStringLiteral("mimeType"), mime}};
}

Outcome<bool> FileAdmin::has(SqlConnection &db, const QString &enterpriseId, const QString &sha256)
{
    auto rows = db.run(QStringLiteral("SELECT complete FROM files WHERE enterprise_id = ? AND "
                                      "sha256 = ?"),
                       {enterpriseId, sha256});
    if (!rows)
        return rows.error();
    return !rows->isEmpty() && rows->value(0, 0).toInt() != 0;
}

} // namespace jl::server
