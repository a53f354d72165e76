#pragma once

#include "server/core/outcome.h"
#include "server/storage/databaseconfig.h"

#include <QHash>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

namespace jl::server {

// Rows read eagerly, so no QSqlQuery outlives the statement cache entry it came from.
struct Rows {
    QList<QVariantList> rows;
    int affected = 0;

    bool isEmpty() const { return rows.isEmpty(); }
    qsizetype size() const { return rows.size(); }
    const QVariantList &at(qsizetype row) const { return rows.at(row); }
    QVariant value(qsizetype row, int column) const { return rows.at(row).value(column); }
};

// One database connection, used by one thread only. Statements are prepared once and cached
// (on PostgreSQL a prepared statement saves two round trips per query).
class SqlConnection final {
    Q_DISABLE_COPY_MOVE(SqlConnection)

public:
    static Outcome<std::unique_ptr<SqlConnection>> open(const DatabaseConfig &config);
    ~SqlConnection();

    Dialect dialect() const { return m_dialect; }
    bool isPostgres() const { return m_dialect == Dialect::Postgres; }
    // False once the server went away; the pool then opens a fresh connection.
    bool isBroken() const { return m_broken; }

    // Prepares (cached), binds positionally ('?') and executes.
    Outcome<Rows> run(const QString &sql, const QVariantList &binds = {});
    // Runs a statement without preparing it (DDL, transaction control).
    Done execRaw(const QString &sql);

    // Runs `work` in one write transaction (BEGIN IMMEDIATE on SQLite, so two writers never
    // deadlock upgrading a read lock) and commits when it succeeds, else rolls back. A
    // transient failure (busy, deadlock, serialization) runs the whole work again, up to
    // five times. Not reentrant: use savepoints inside.
    template <typename T, typename Work> Outcome<T> transaction(Work &&work);

    // Inside a transaction: its COMMIT does not wait for the disk (PostgreSQL
    // synchronous_commit off; nothing on SQLite). Only for a transaction whose loss in a
    // database crash harms nobody: the WAL is flushed in order, so the next transaction that
    // commits normally makes this one durable too, and a crash before that loses both.
    Done commitWithoutFlush();
    Done savepoint(const QString &name);
    Done releaseSavepoint(const QString &name);
    Done rollbackToSavepoint(const QString &name);
    bool inTransaction() const { return m_inTransaction; }

private:
    SqlConnection(QString name, Dialect dialect);
    Done begin();
    Done commit();
    void rollback();
    ApiError failure(const QString &what, const QSqlError &error);
    static void backoff(int attempt);

    QString m_name;
    Dialect m_dialect;
    QHash<QString, QSqlQuery> m_statements;
    bool m_inTransaction = false;
    bool m_broken = false;
};

template <typename T, typename Work> Outcome<T> SqlConnection::transaction(Work &&work)
{
    constexpr int Attempts = 6;
    for (int attempt = 1;; ++attempt) {
        if (Done b = begin(); !b) {
            if (b.error().transient && attempt < Attempts) {
                backoff(attempt);
                continue;
            }
            return b.error();
        }
        Outcome<T> result = work();
        if (result) {
            Done c = commit();
            if (c)
                return result;
            rollback();
            if (c.error().transient && attempt < Attempts) {
                backoff(attempt);
                continue;
            }
            return c.error();
        }
        rollback();
        if (result.error().transient && attempt < Attempts) {
            backoff(attempt);
            continue;
        }
        return result;
    }
}

} // namespace jl::server
