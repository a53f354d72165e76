#include "server/storage/sqlconnection.h"

#include "server/core/log.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>

namespace jl::server {

namespace {

// Qt binds a null QString as SQL NULL; our text columns are NOT NULL with '' for "not set".
QVariant bindable(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QVariant(QStringLiteral(""));
    return v;
}

bool isTransient(Dialect dialect, const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    if (dialect == Dialect::Sqlite)
        return code == QLatin1String("5") || code == QLatin1String("6") ||
               code == QLatin1String("517") || code == QLatin1String("261");
    return code == QLatin1String("40001") || code == QLatin1String("40P01");
}

bool isDuplicate(Dialect dialect, const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    if (dialect == Dialect::Sqlite)
        return code == QLatin1String("2067") || code == QLatin1String("1555") ||
               (code == QLatin1String("19") && e.databaseText().contains(QLatin1String("UNIQUE")));
    return code == QLatin1String("23505");
}

} // namespace

SqlConnection::SqlConnection(QString name, Dialect dialect)
    : m_name(std::move(name))
    , m_dialect(dialect)
{}

Outcome<std::unique_ptr<SqlConnection>> SqlConnection::open(const DatabaseConfig &config)
{
    const QString name = QStringLiteral("jl-server-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<SqlConnection> c(new SqlConnection(name, config.dialect));
    QSqlDatabase db = QSqlDatabase::addDatabase(config.driverName(), name);
    if (config.dialect == Dialect::Sqlite) {
        db.setDatabaseName(config.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    } else {
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setUserName(config.user);
        db.setPassword(config.password);
        db.setDatabaseName(config.databaseName);
        db.setConnectOptions(config.options);
    }
    if (!db.open()) {
        ApiError e = ApiError::make(503, Msg::Unavailable);
        e.log = QStringLiteral("cannot open %1: %2").arg(config.redacted(), db.lastError().text());
        e.transient = true;
        return e;
    }
    if (config.dialect == Dialect::Sqlite) {
        // WAL lets readers run beside the one writer; FULL makes a commit survive power loss.
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            if (Done d = c->execRaw(QString::fromLatin1(pragma)); !d)
                return d.error();
        }
    } else {
        // NOTICEs ("already exists, skipping") would reach stderr through libpq.
        // Generic plans: every table is shared by all enterprises, and a custom plan estimates
        // "enterprise_id = 'x'" from the column's most common values. An enterprise missing
        // from them (new since the last ANALYZE, which autovacuum runs only after a tenth of
        // the table changed) is estimated at one row, and then a look-up of 512 ids by primary
        // key becomes a scan of all the enterprise's rows (measured: 75-110 ms instead of
        // 1-3 ms per batch look-up after seeding 100,000 records). A generic plan estimates
        // an average enterprise, which picks the key look-ups whatever the statistics hold,
        // and is planned once per connection instead of on every run.
        for (const char *set : {"SET TIME ZONE 'UTC'", "SET client_min_messages TO warning",
                                "SET plan_cache_mode TO force_generic_plan"}) {
            if (Done d = c->execRaw(QString::fromLatin1(set)); !d)
                return d.error();
        }
    }
    return c;
}

SqlConnection::~SqlConnection()
{
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

ApiError SqlConnection::failure(const QString &what, const QSqlError &error)
{
    ApiError e = ApiError::make(500, Msg::InternalError);
    e.log = what + QLatin1String(": ") + error.text() + QLatin1String(" [") +
            error.nativeErrorCode() + QLatin1Char(']');
    e.transient = isTransient(m_dialect, error);
    e.duplicate = isDuplicate(m_dialect, error);
    if (e.transient)
        e.status = 503, e.msg = Msg::Unavailable;
    if (error.type() == QSqlError::ConnectionError ||
        !QSqlDatabase::database(m_name, false).isOpen())
        m_broken = true;
    return e;
}

Outcome<Rows> SqlConnection::run(const QString &sql, const QVariantList &binds)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return failure(QStringLiteral("prepare ") + sql, q.lastError());
        it = m_statements.insert(sql, std::move(q));
    }
    QSqlQuery &q = it.value();
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bindValue(int(i), bindable(binds.at(i)));
    if (!q.exec())
        return failure(sql, q.lastError());
    Rows rows;
    rows.affected = q.numRowsAffected();
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(q.value(c));
        rows.rows.append(std::move(row));
    }
    q.finish();
    return rows;
}

Done SqlConnection::execRaw(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.exec(sql))
        return failure(sql, q.lastError());
    return {};
}

Done SqlConnection::begin()
{
    Q_ASSERT(!m_inTransaction);
    Done d = execRaw(m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                  : QStringLiteral("BEGIN"));
    if (d)
        m_inTransaction = true;
    return d;
}

Done SqlConnection::commit()
{
    Done d = execRaw(QStringLiteral("COMMIT"));
    if (d)
        m_inTransaction = false;
    return d;
}

void SqlConnection::rollback()
{
    if (Done d = execRaw(QStringLiteral("ROLLBACK")); !d)
        qCWarning(lcServer) << "rollback failed:" << d.error().log;
    m_inTransaction = false;
}

Done SqlConnection::commitWithoutFlush()
{
    Q_ASSERT(m_inTransaction);
    if (!isPostgres())
        return {};
    return execRaw(QStringLiteral("SET LOCAL synchronous_commit TO off"));
}

Done SqlConnection::savepoint(const QString &name)
{
    // Prepared once on SQLite, as a batch runs these for each entry; PostgreSQL cannot
    // PREPARE a SAVEPOINT.
    if (isPostgres())
        return execRaw(QStringLiteral("SAVEPOINT ") + name);
    if (auto r = run(QStringLiteral("SAVEPOINT ") + name); !r)
        return r.error();
    return {};
}

Done SqlConnection::releaseSavepoint(const QString &name)
{
    // Prepared once on SQLite, as a batch runs these for each entry; PostgreSQL cannot
    // PREPARE a SAVEPOINT.
    if (isPostgres())
        return execRaw(QStringLiteral("RELEASE SAVEPOINT ") + name);
    if (auto r = run(QStringLiteral("RELEASE SAVEPOINT ") + name); !r)
        return r.error();
    return {};
}

Done SqlConnection::rollbackToSavepoint(const QString &name)
{
    // Prepared once on SQLite, as a batch runs these for each entry; PostgreSQL cannot
    // PREPARE a SAVEPOINT.
    if (isPostgres())
        return execRaw(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
    if (auto r = run(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name); !r)
        return r.error();
    return {};
}

void SqlConnection::backoff(int attempt)
{
    // Jittered, so two transactions that deadlocked do not collide again in step.
    const int ms = (5 << attempt) + int(QRandomGenerator::global()->bounded(10 << attempt));
    QThread::msleep(quint64(ms));
}

} // namespace jl::server
