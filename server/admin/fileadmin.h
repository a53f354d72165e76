#pragma once

#include "server/core/outcome.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace jl::server {

class ConnectionPool;
class SqlConnection;

// Files the regulator's side places in an enterprise's file store (a verification
// certificate, before the records naming it are uploaded): the whole file at once, checked as
// a client's upload is (the size limit, the type by content), stored in chunks of 4 MB, and
// then downloadable by the enterprise by its SHA-256 like any file it uploaded itself.
class FileAdmin final {
public:
    // Stores the file for the enterprise with this 统一社会信用代码 and answers
    // {sha256, size, mimeType}; a file already there is kept as it is.
    static Outcome<QJsonObject> store(ConnectionPool &pool, const QString &uscc,
                                      const QByteArray &bytes);
    // Whether the enterprise's file store holds this file, complete.
    static Outcome<bool> has(SqlConnection &db, const QString &enterpriseId, const QString &sha256);
};

} // namespace jl::server
