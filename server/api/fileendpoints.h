#pragma once

#include "server/core/server.h"

namespace jl::server {

class SqlConnection;

// Files by SHA-256 (sync.md §16), per enterprise, kept in the database so every instance
// sees them:
//   PUT /api/v1/files/{sha256}          one chunk of at most 4 MB, Content-Range: bytes a-b/n,
//                                       in order; the last one triggers the hash and type check
//   GET /api/v1/files/{sha256}/upload   how much the server has (to resume)
//   GET /api/v1/files/{sha256}          the bytes of a complete file
class FileEndpoints final : public Endpoints {
public:
    static constexpr qint64 MaxChunkBytes = 4 * 1024 * 1024;

    explicit FileEndpoints(Services services)
        : m_services(services)
    {}
    void addRoutes(Router &router) override;
    // The largest file accepted (reference settings `maxUploadBytes`, 20 MB unless set).
    static Outcome<qint64> maxUploadBytes(SqlConnection &db);

private:
    Response putChunk(const Request &request, const Principal &who);
    Response uploadStatus(const Request &request, const Principal &who);
    Response download(const Request &request, const Principal &who);
    // Hash and type of the complete upload; a file failing either is removed.
    Outcome<QString> verify(SqlConnection &db, const QString &enterpriseId, const QString &sha256);

    Services m_services;
};

} // namespace jl::server
