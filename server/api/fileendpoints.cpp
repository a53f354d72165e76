#include "server/api/fileendpoints.h"

#include "server/api/filetype.h"
#include "server/api/referencedata.h"
#include "server/storage/connectionpool.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>

namespace jl::server {

namespace {

struct FileRow {
    bool exists = false;
    qint64 size = 0;
    qint64 received = 0;
    QString mime;
    bool complete = false;
};

Outcome<FileRow> fileRow(SqlConnection &db, const QString &enterpriseId, const QString &sha)
{
    auto rows = db.run(QStringLiteral("SELECT size, received, mime, complete FROM files WHERE "
                                      "enterprise_id = ? AND sha256 = ?"),
                       {enterpriseId, sha});
    if (!rows)
        return rows.error();
    FileRow f;
    if (rows->isEmpty())
        return f;
    f.exists = true;
    f.size = rows->value(0, 0).toLongLong();
    f.received = rows->value(0, 1).toLongLong();
    f.mime = rows->value(0, 2).toString();
    f.complete = rows->value(0, 3).toInt() != 0;
    return f;
}

QJsonObject statusOf(const QString &sha, const FileRow &f)
{
    QJsonObject o{{QStringLiteral("sha256"), sha},
                  {QStringLiteral("size"), f.size},
                  {QStringLiteral("received"), f.received},
                  {QStringLiteral("complete"), f.complete}};
    if (f.complete)
        o.insert(QStringLiteral("mimeType"), f.mime);
    return o;
}

bool isSha256(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(text).hasMatch();
}

Done removeFile(SqlConnection &db, const QString &enterpriseId, const QString &sha)
{
    for (const char *sql : {"DELETE FROM file_chunks WHERE enterprise_id = ? AND sha256 = ?",
                            "DELETE FROM files WHERE enterprise_id = ? AND sha256 = ?"}) {
        if (auto r = db.run(QString::fromLatin1(sql), {enterpriseId, sha}); !r)
            return r.error();
    }
    return {};
}

} // namespace

void FileEndpoints::addRoutes(Router &router)
{
    router.add("PUT", QStringLiteral("/api/v1/files/{sha256}"), Access::Enterprise,
               [this](const Request &r, const Principal &p) { return putChunk(r, p); });
    router.add("GET", QStringLiteral("/api/v1/files/{sha256}/upload"), Access::Enterprise,
               [this](const Request &r, const Principal &p) { return uploadStatus(r, p); });
    router.add("GET", QStringLiteral("/api/v1/files/{sha256}"), Access::Enterprise,
               [this](const Request &r, const Principal &p) { return download(r, p); });
}

Outcome<qint64> FileEndpoints::maxUploadBytes(SqlConnection &db)
{
    auto settings = ReferenceData::read(db, QLatin1String(ReferenceData::Settings));
    if (!settings)
        return settings.error();
    return settings->value.toObject().value(QStringLiteral("maxUploadBytes")).toInteger(20 << 20);
}

Response FileEndpoints::putChunk(const Request &request, const Principal &who)
{
    const Lang lang = request.lang();
    const QString sha = request.arg(QStringLiteral("sha256"));
    if (!isSha256(sha))
        return Response::problem(ApiError::make(400, Msg::InvalidQuery, {QStringLiteral("sha256")}),
                                 lang);
    const QByteArray &chunk = request.body;
    if (chunk.size() > MaxChunkBytes)
        return Response::problem(
            ApiError::make(413, Msg::ChunkTooLarge, {QString::number(MaxChunkBytes)}), lang);
    static const QRegularExpression range(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+)$"));
    const auto m = range.match(QString::fromLatin1(request.header("content-range")));
    const qint64 first = m.captured(1).toLongLong();
    const qint64 total = m.captured(3).toLongLong();
    if (!m.hasMatch() || chunk.isEmpty() ||
        m.captured(2).toLongLong() - first + 1 != chunk.size() || first + chunk.size() > total)
        return Response::problem(ApiError::make(400, Msg::BadContentRange), lang);

    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    SqlConnection &c = **db;
    auto limit = maxUploadBytes(c);
    if (!limit)
        return Response::problem(limit.error(), lang);
    const qint64 maxBytes = limit.value();
    if (total > maxBytes)
        return Response::problem(
            ApiError::make(413, Msg::FileTooLarge, {QString::number(maxBytes / (1024 * 1024))}),
            lang);

    const QString &enterprise = who.enterpriseId;
    auto stored = c.transaction<FileRow>([&]() -> Outcome<FileRow> {
        auto f = fileRow(c, enterprise, sha);
        if (!f)
            return f.error();
        FileRow row = f.value();
        if (row.complete ||
            (row.exists && first + chunk.size() <= row.received && row.size == total))
            return row; // already here (a retry whose answer was lost)
        if (row.exists && row.size != total)
            return ApiError::make(400, Msg::BadContentRange);
        if (first != row.received)
            return ApiError::make(409, Msg::ChunkOutOfOrder, {QString::number(row.received)})
                .with(QStringLiteral("received"), row.received);
        if (!row.exists) {
            auto r = c.run(QStringLiteral("INSERT INTO files (enterprise_id, sha256, size, "
                                          "received, created_at) VALUES (?, ?, ?, 0, ?)"),
                           {enterprise, sha, total, QDateTime::currentMSecsSinceEpoch()});
            if (!r)
                return r.error();
            row = FileRow{true, total, 0, {}, false};
        }
        if (auto r = c.run(QStringLiteral("INSERT INTO file_chunks (enterprise_id, sha256, "
                                          "offset_bytes, data) VALUES (?, ?, ?, ?)"),
                           {enterprise, sha, first, chunk});
            !r)
            return r.error();
        row.received = first + chunk.size();
        if (auto r = c.run(QStringLiteral("UPDATE files SET received = ? WHERE enterprise_id = ? "
                                          "AND sha256 = ?"),
                           {row.received, enterprise, sha});
            !r)
            return r.error();
        return row;
    });
    if (!stored) {
        // The same chunk arriving twice at once (two instances): the loser is told where the
        // upload stands, like any out-of-order chunk.
        ApiError e = stored.error();
        if (e.duplicate)
            e = ApiError::make(409, Msg::ChunkOutOfOrder, {QString::number(first)});
        return Response::problem(e, lang);
    }
    FileRow row = stored.value();
    if (!row.complete && row.received == row.size) {
        auto mime = verify(c, enterprise, sha);
        if (!mime)
            return Response::problem(mime.error(), lang);
        row.complete = true;
        row.mime = mime.value();
    }
    return Response::json(200, statusOf(sha, row));
}

Outcome<QString> FileEndpoints::verify(SqlConnection &db, const QString &enterpriseId,
                                       const QString &sha)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    FileTypeSniffer sniffer;
    qint64 offset = 0;
    // One chunk at a time: a 20 MB file never sits in memory whole.
    for (;;) {
        auto rows = db.run(QStringLiteral("SELECT offset_bytes, data FROM file_chunks WHERE "
                                          "enterprise_id = ? AND sha256 = ? AND offset_bytes >= ? "
                                          "ORDER BY offset_bytes LIMIT 1"),
                           {enterpriseId, sha, offset});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            break;
        const QByteArray data = rows->value(0, 1).toByteArray();
        hash.addData(data);
        sniffer.feed(data);
        offset = rows->value(0, 0).toLongLong() + data.size();
    }
    std::optional<ApiError> refused;
    if (QString::fromLatin1(hash.result().toHex()) != sha)
        refused = ApiError::make(422, Msg::FileHashMismatch);
    else if (sniffer.mimeType().isEmpty())
        refused = ApiError::make(415, Msg::FileTypeRefused);
    if (refused) {
        if (Done d = removeFile(db, enterpriseId, sha); !d)
            return d.error();
        return *refused;
    }
    auto r =
        db.run(QStringLiteral("UPDATE files SET complete = 1, mime = ? WHERE enterprise_id = ? "
                              "AND sha256 = ?"),
               {sniffer.mimeType(), enterpriseId, sha});
    if (!r)
        return r.error();
    return sniffer.mimeType();
}

Response FileEndpoints::uploadStatus(const Request &request, const Principal &who)
{
    const Lang lang = request.lang();
    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    auto f = fileRow(**db, who.enterpriseId, request.arg(QStringLiteral("sha256")));
    if (!f)
        return Response::problem(f.error(), lang);
    if (!f->exists)
        return Response::problem(ApiError::make(404, Msg::NotFound), lang);
    return Response::json(200, statusOf(request.arg(QStringLiteral("sha256")), f.value()));
}

Response FileEndpoints::download(const Request &request, const Principal &who)
{
    const Lang lang = request.lang();
    const QString sha = request.arg(QStringLiteral("sha256"));
    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    auto f = fileRow(**db, who.enterpriseId, sha);
    if (!f)
        return Response::problem(f.error(), lang);
    if (!f->exists)
        return Response::problem(ApiError::make(404, Msg::NotFound), lang);
    if (!f->complete)
        return Response::problem(ApiError::make(409, Msg::FileIncomplete), lang);
    auto rows =
        (*db)->run(QStringLiteral("SELECT data FROM file_chunks WHERE enterprise_id = ? AND "
                                  "sha256 = ? ORDER BY offset_bytes"),
                   {who.enterpriseId, sha});
    if (!rows)
        return Response::problem(rows.error(), lang);
    QByteArray bytes;
    bytes.reserve(f->size);
    for (const QVariantList &row : rows->rows)
        bytes += row.value(0).toByteArray();
    return Response::bytes(200, f->mime.toLatin1(), bytes)
        .withHeader("ETag", '"' + sha.toLatin1() + '"')
        .withHeader("Cache-Control", "private, max-age=31536000, immutable");
}

} // namespace jl::server
