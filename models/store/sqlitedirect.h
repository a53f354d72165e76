#pragma once

#include "models/common/result.h"

#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace jl::models {

// SQLite's C API on the connection Qt opened, for the bulk insert of an import only. Qt binds
// each value through QSqlResult's bookkeeping (a placeholder name formatted and hashed per
// value), which costs more than SQLite's own insert: 100,000 imported records bind 2.7 million
// values. This binds them straight into SQLite's statement, on the same connection and
// therefore inside the same transaction.
//
// Sound only when Qt's SQLite driver runs on this same SQLite library: two copies of SQLite in
// one process must never share a connection. Linux distributions build Qt's driver against
// the system's shared libsqlite3, which the build links too (option JILIANG_SQLITE_DIRECT, on
// by default on Linux); Qt's own Windows builds carry a private copy, so the option is off
// there and callers keep Qt's binding. At run time the connection's sqlite_source_id() must
// also equal this library's, or the handle is not used.
namespace sqlitedirect {

// Whether this build binds directly at all (JILIANG_SQLITE_DIRECT).
bool compiledIn();

// Whether records should be prepared for direct binding: built in, not turned off, and not
// already found unsound (handle() decides for a connection; this needs none).
bool mayBind();

// The connection's handle when direct binding is allowed and sound; nullptr otherwise.
sqlite3 *handle(const QSqlDatabase &db);

// Tests and benchmarks turn direct binding off to run Qt's path (also the environment
// variable JILIANG_SQLITE_DIRECT=0).
void setEnabled(bool enabled);

} // namespace sqlitedirect

// One statement prepared on a direct handle, finalised with the object. Values are bound by
// 1-based index as UTF-8, SQLite's own text encoding (no conversion, no allocation per value),
// and without a copy: the bytes must outlive run().
class DirectStatement final {
public:
    static Result<DirectStatement> prepare(sqlite3 *db, const QString &sql);
    DirectStatement(DirectStatement &&other) noexcept;
    DirectStatement &operator=(DirectStatement &&other) noexcept;
    DirectStatement(const DirectStatement &) = delete;
    DirectStatement &operator=(const DirectStatement &) = delete;
    ~DirectStatement();

    void bindUtf8(int index, const char *data, qsizetype size);
    void bindNull(int index);
    void bindInt64(int index, qint64 value);
    // Steps to the end, then resets and clears the bindings.
    Status run();

private:
    DirectStatement(sqlite3 *db, sqlite3_stmt *statement);
    void failBind(int code);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_bindError = 0; // the first failed bind, reported by run()
};

} // namespace jl::models
