#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace jl::models {

class Database;

// One statement prepared once and run for each row of a bulk write: preparing the same SQL
// again for each of 100,000 records cost SQLite more than running it. Each run() checks the
// failpoint first, as Database::exec() does, so a failpoint fires at the same row as before.
// Lives inside one call only; Database never keeps one (callers copy QSqlQuery objects, and
// copies share their state).
class PreparedStatement final {
public:
    // Binds in order (a null string as '', as exec() does) and executes; one value for each
    // '?' of the SQL it was prepared from.
    Status run(const QVariantList &binds);

private:
    friend class Database;
    PreparedStatement(QString failpoint, QString sql, QSqlQuery query, QStringList names);

    QString m_failpoint;
    QString m_sql;
    QSqlQuery m_query;
    QStringList m_names; // the placeholders' names (sqlplaceholders.h); empty: by position
};

// What happened while opening: told to the user by the UI.
struct OpenReport {
    QString movedAsidePath; // set when a damaged database was moved aside
    int migratedFrom = -1;  // set when migrations ran
};

// A thin RAII layer over one SQLite connection: WAL, synchronous=FULL, busy timeout,
// prepared statements, cumulative migrations in PRAGMA user_version, failpoints.
class Database final {
    Q_DECLARE_TR_FUNCTIONS(Database)
    Q_DISABLE_COPY_MOVE(Database)

public:
    static constexpr int SchemaVersion = 4;

    // Opens (creating if needed) and migrates. A database newer than the program is refused;
    // one failing its integrity check is moved aside and a fresh one created.
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  OpenReport *report = nullptr);
    ~Database();

    QString path() const { return m_path; }
    bool inTransaction() const { return m_transactionDepth > 0; }
    QSqlDatabase connection() const;

    // Runs `work` in one IMMEDIATE transaction; commits when it returns ok, else rolls back.
    // Nested calls join the outer transaction.
    Status transaction(const std::function<Status()> &work);

    // Prepares, binds positionally and executes. `failpoint` names the operation
    // for fault injection ("store.<table>.<verb>"). Named binds may be given with or without
    // the leading ':'.
    Result<QSqlQuery> exec(const QString &failpoint, const QString &sql,
                           const QVariantList &binds = {});
    Result<QSqlQuery> exec(const QString &failpoint, const QString &sql,
                           const QVariantMap &namedBinds);
    // Prepares once for many run()s; `failpoint` is checked by each run(), not here.
    Result<PreparedStatement> prepare(const QString &failpoint, const QString &sql);

    // Copies the pages the WAL holds into the database file (a PASSIVE checkpoint: it waits
    // for no reader or writer and copies what it can). SQLite does this by itself when a
    // commit leaves the WAL over 1,000 pages, unless a bulk write turned that off
    // (InstrumentStore::importTransaction); then the caller runs this after answering.
    Status checkpoint();
    // The same on a connection of its own on a thread kept for checkpoints, so that the
    // caller does not wait for it. Failures are only logged: the data is safe in the WAL
    // either way, and the next checkpoint takes what is left. A file gone by then is not
    // created again.
    static void checkpointInBackground(const QString &path);
    // Waits until every checkpoint started so is done: before the files are closed for good,
    // moved or deleted (AppSession's end, which comes before a forgotten account's deletion).
    static void waitForBackgroundCheckpoints();

    // Small key/value state in the meta table.
    QString meta(const QString &key, const QString &fallback = {});
    Status setMeta(const QString &key, const QString &value);

    // `message` is a whole sentence for the user; `detail` goes to the log.
    static Error sqlError(const QString &message, const QString &detail);
    // "Nothing was changed, try again": for a statement that failed.
    static QString failedMessage();

private:
    explicit Database(QString path, QString connectionName);
    Status configure();
    Result<QSqlQuery> run(const QString &failpoint, const QString &sql,
                          const std::function<void(QSqlQuery &)> &bind);
    static Result<QString> moveAside(const QString &path);
    Status migrate(OpenReport *report);

    QString m_path;
    QString m_connectionName;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
};

} // namespace jl::models
