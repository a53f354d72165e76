#include "models/store/database.h"

#include "models/common/logging.h"
#include "models/store/failpoints.h"
#include "models/store/sqlplaceholders.h"
#include "models/store/sqlscript.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QThreadPool>
#include <QUrl>
#include <QUuid>

namespace jl::models {

namespace {

QString newConnectionName()
{
    return QStringLiteral("jl-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Qt binds a null QString as SQL NULL; the store's text columns are NOT NULL with '' for
// "not set", and a missing date is an invalid QVariant, so a null string means ''.
QVariant bindable(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QVariant(QStringLiteral(""));
    return v;
}

enum class Health { Ok, Damaged, Unavailable };

// Only SQLite's own verdicts (SQLITE_CORRUPT, SQLITE_NOTADB) mean the file is damaged.
Health healthOf(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 11 || code == 26 ? Health::Damaged : Health::Unavailable;
}

} // namespace

Result<QString> Database::moveAside(const QString &path)
{
    // Never deleted: it may hold edits that were never synced. Its -wal and -shm go with it,
    // or a fresh database here would read the damaged one's log.
    const QString aside = path + QStringLiteral(".damaged-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const Error failed{tr("The local database %1 is damaged and could not be moved aside. Close "
                          "other programs that may use it and try again.")
                           .arg(QDir::toNativeSeparators(path)),
                       aside};
    if (!QFile::rename(path, aside))
        return failed;
    QStringList moved;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString extra = path + QLatin1String(suffix);
        if (!QFile::exists(extra))
            continue;
        if (!QFile::rename(extra, aside + QLatin1String(suffix))) {
            // Put back what was moved, so the files stay together.
            for (const QString &done : std::as_const(moved))
                QFile::rename(aside + done, path + done);
            QFile::rename(aside, path);
            return failed;
        }
        moved.append(QLatin1String(suffix));
    }
    qCWarning(lcStore) << "damaged database moved aside to" << aside;
    return aside;
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Error Database::sqlError(const QString &message, const QString &detail)
{
    return Error{message, detail};
}

QString Database::failedMessage()
{
    return tr("The local database reported an error, so nothing was changed. Try again; if this "
              "keeps happening, restart the program.");
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenReport *report)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{tr("Could not create the data folder %1. Check that you may write there.")
                         .arg(QDir::toNativeSeparators(info.absolutePath())),
                     {}};

    for (int attempt = 0; attempt < 2; ++attempt) {
        std::unique_ptr<Database> db(new Database(path, newConnectionName()));
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        c.setDatabaseName(path);
        c.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!c.open())
            return Error{tr("Could not open the local database %1: %2")
                             .arg(QDir::toNativeSeparators(path), c.lastError().text()),
                         c.lastError().text()};

        // Refuse a newer database before touching it: it may hold edits only the newer
        // program understands.
        Health health = Health::Ok;
        QString why;
        {
            QSqlQuery v(c);
            if (!v.exec(QStringLiteral("PRAGMA user_version")) || !v.next()) {
                health = healthOf(v.lastError());
                why = v.lastError().text();
            } else if (v.value(0).toInt() > SchemaVersion) {
                return Error{tr("This local database was written by a newer version of Jiliang "
                                "(data format %1; this program knows up to %2). Install the "
                                "newer version to open it; the data has not been touched.")
                                 .arg(v.value(0).toInt())
                                 .arg(SchemaVersion),
                             path};
            }
        }
        if (health == Health::Ok) {
            QSqlQuery check(c);
            if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next()) {
                health = healthOf(check.lastError());
                why = check.lastError().text();
            } else if (check.value(0).toString() != QLatin1String("ok")) {
                health = Health::Damaged;
                why = check.value(0).toString();
            }
        }
        // Busy, locked or an I/O error says nothing about the file itself: never move a
        // healthy database aside for it.
        if (health == Health::Unavailable)
            return Error{tr("The local database %1 cannot be read right now. Close other programs "
                            "that may use it and start again; nothing was changed.")
                             .arg(QDir::toNativeSeparators(path)),
                         why};
        if (health == Health::Damaged) {
            if (attempt > 0)
                return Error{tr("The local database %1 is damaged and could not be replaced. Close "
                                "other programs that may use it and start again.")
                                 .arg(QDir::toNativeSeparators(path)),
                             why};
            c.close();
            c = QSqlDatabase();
            db.reset();
            if (Result<QString> aside = moveAside(path); !aside)
                return aside.error();
            else if (report)
                report->movedAsidePath = aside.value();
            continue;
        }

        if (Status s = db->configure(); !s)
            return s.error();
        if (Status s = db->migrate(report); !s)
            return s.error();
        return db;
    }
    return Error{tr("Could not open the local database."), {}};
}

Status Database::configure()
{
    QSqlQuery q(connection());
    // page_size first: it takes effect only while the file is still empty (a new database),
    // and is ignored on an existing one, which keeps the size it was made with. 8 KiB pages
    // halve the WAL frames and the writes per frame of a large import (about a tenth off a
    // 100,000-row import, docs/benchmarks.md) and leave list reads and sync as they were.
    for (const char *pragma :
         {"PRAGMA page_size=8192", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
          "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000",
          // Reads through the page cache of the OS instead of copies: about
          // a third off scans of a 100,000-instrument library.
          "PRAGMA mmap_size=268435456"}) {
        if (!q.exec(QLatin1String(pragma)))
            return sqlError(tr("Could not prepare the local database. Restart the program; if this "
                               "keeps happening, check that the data folder may be written."),
                            q.lastError().text());
    }
    return {};
}

Status Database::migrate(OpenReport *report)
{
    QSqlQuery v(connection());
    if (!v.exec(QStringLiteral("PRAGMA user_version")) || !v.next())
        return sqlError(tr("Could not read the data format of the local database. Restart the "
                           "program."),
                        v.lastError().text());
    const int from = v.value(0).toInt();
    v = QSqlQuery();
    if (from == SchemaVersion)
        return {};
    if (report)
        report->migratedFrom = from;

    // Cumulative steps, each in its own transaction with its version number: a crash
    // between steps leaves a database that the next start continues from.
    for (int version = from + 1; version <= SchemaVersion; ++version) {
        QFile file(QStringLiteral(":/sql/local_v%1.sql").arg(version));
        if (!file.open(QIODevice::ReadOnly))
            return Error{tr("The program is incomplete: migration %1 is missing.").arg(version),
                         file.fileName()};
        const QStringList statements = sqlStatements(QString::fromUtf8(file.readAll()));
        Status s = transaction([&]() -> Status {
            for (const QString &sql : statements) {
                if (auto r = exec(QStringLiteral("store.migrate"), sql); !r)
                    return r.error();
            }
            return exec(QStringLiteral("store.migrate"),
                        QStringLiteral("PRAGMA user_version = %1").arg(version))
                           .ok()
                       ? Status{}
                       : Status{
                             sqlError(tr("Could not update the data format of the local database; "
                                         "nothing was changed. Restart the program."),
                                      {})};
        });
        if (!s)
            return s;
        qCInfo(lcStore) << "migrated local database to version" << version;
    }
    return {};
}

Status Database::transaction(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status s = work();
        --m_transactionDepth;
        if (!s)
            m_rollbackOnly = true;
        return s;
    }

    if (auto r = exec(QStringLiteral("store.begin"), QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r.error();
    m_transactionDepth = 1;
    m_rollbackOnly = false;
    Status s = work();
    m_transactionDepth = 0;
    if (s && m_rollbackOnly)
        s = Error{tr("Could not save: part of the change failed, so none of it was kept."), {}};
    if (s) {
        if (auto r = exec(QStringLiteral("store.commit"), QStringLiteral("COMMIT")); !r) {
            QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK"));
            return r.error();
        }
        return {};
    }
    QSqlQuery rollback(connection());
    if (!rollback.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore) << "rollback failed:" << rollback.lastError().text();
    return s;
}

namespace {

// Copies what it can and waits for no reader or writer (the window's and the sync's).
const char *const CheckpointSql = "PRAGMA wal_checkpoint(PASSIVE)";

} // namespace

Status Database::checkpoint()
{
    auto q = exec(QStringLiteral("store.checkpoint"), QLatin1String(CheckpointSql));
    if (!q)
        return q.error();
    // (busy, frames in the WAL, frames copied): fewer copied means a reader held an older
    // snapshot; the next checkpoint copies the rest.
    if (q.value().next() && q.value().value(2).toInt() < q.value().value(1).toInt())
        qCInfo(lcStore) << "checkpoint copied" << q.value().value(2).toInt() << "of"
                        << q.value().value(1).toInt() << "pages";
    return {};
}

namespace {

// One thread of its own: a checkpoint never waits behind the window's other background jobs
// in the global pool, and the session can wait for the checkpoints alone.
QThreadPool &checkpointPool()
{
    struct Pool : QThreadPool {
        Pool() { setMaxThreadCount(1); }
    };
    static Pool pool;
    return pool;
}

} // namespace

void Database::checkpointInBackground(const QString &path)
{
    checkpointPool().start([path] {
        // Not open(): no integrity check or migration for a file this program has just
        // written, only a connection with the same busy timeout, read-write without create
        // (mode=rw), so that a file removed meanwhile is not made again empty.
        const QString name = newConnectionName();
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            c.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) +
                              QStringLiteral("?mode=rw"));
            c.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI"));
            if (!c.open()) {
                qCWarning(lcStore) << "background checkpoint: cannot open:" << c.lastError().text();
            } else if (QSqlQuery q(c); !q.exec(QLatin1String(CheckpointSql))) {
                qCWarning(lcStore) << "background checkpoint failed:" << q.lastError().text();
            }
            c.close();
        }
        QSqlDatabase::removeDatabase(name);
    });
}

void Database::waitForBackgroundCheckpoints()
{
    checkpointPool().waitForDone();
}

Result<QSqlQuery> Database::run(const QString &failpoint, const QString &sql,
                                const std::function<void(QSqlQuery &)> &bind)
{
    if (failpoints::hit(failpoint))
        return sqlError(failedMessage(), QStringLiteral("failpoint %1").arg(failpoint));
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(failedMessage(), q.lastError().text() + QLatin1String(": ") + sql);
    bind(q);
    if (!q.exec()) {
        qCWarning(lcStore) << "query failed:" << q.lastError().text() << sql;
        return sqlError(failedMessage(), q.lastError().text());
    }
    return q;
}

Result<QSqlQuery> Database::exec(const QString &failpoint, const QString &sql,
                                 const QVariantList &binds)
{
    return run(failpoint, sql, [&binds](QSqlQuery &q) {
        for (const QVariant &b : binds)
            q.addBindValue(bindable(b));
    });
}

Result<QSqlQuery> Database::exec(const QString &failpoint, const QString &sql,
                                 const QVariantMap &namedBinds)
{
    return run(failpoint, sql, [&namedBinds](QSqlQuery &q) {
        for (auto it = namedBinds.cbegin(); it != namedBinds.cend(); ++it)
            q.bindValue(it.key().startsWith(QLatin1Char(':')) ? it.key()
                                                              : QLatin1Char(':') + it.key(),
                        bindable(it.value()));
    });
}

Result<PreparedStatement> Database::prepare(const QString &failpoint, const QString &sql)
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    QString named = sql;
    QStringList names = sqlplaceholders::numbered(named);
    if (!q.prepare(named))
        return sqlError(failedMessage(), q.lastError().text() + QLatin1String(": ") + sql);
    return PreparedStatement(failpoint, sql, std::move(q), std::move(names));
}

PreparedStatement::PreparedStatement(QString failpoint, QString sql, QSqlQuery query,
                                     QStringList names)
    : m_failpoint(std::move(failpoint))
    , m_sql(std::move(sql))
    , m_query(std::move(query))
    , m_names(std::move(names))
{}

Status PreparedStatement::run(const QVariantList &binds)
{
    if (failpoints::hit(m_failpoint))
        return Database::sqlError(Database::failedMessage(),
                                  QStringLiteral("failpoint %1").arg(m_failpoint));
    if (m_names.isEmpty()) {
        for (qsizetype n = 0; n < binds.size(); ++n)
            m_query.bindValue(int(n), bindable(binds.at(n)));
    } else if (binds.size() != m_names.size()) {
        // Qt would refuse the count too; a name left unbound would keep the last run's value.
        qCWarning(lcStore) << "wrong number of values:" << binds.size() << "for" << m_sql;
        return Database::sqlError(
            Database::failedMessage(),
            QStringLiteral("%1 values for %2 placeholders").arg(binds.size()).arg(m_names.size()));
    } else {
        for (qsizetype n = 0; n < binds.size(); ++n)
            m_query.bindValue(m_names.at(n), bindable(binds.at(n)));
    }
    if (!m_query.exec()) {
        qCWarning(lcStore) << "query failed:" << m_query.lastError().text() << m_sql;
        return Database::sqlError(Database::failedMessage(), m_query.lastError().text());
    }
    return {};
}

QString Database::meta(const QString &key, const QString &fallback)
{
    auto q = exec(QStringLiteral("store.meta.read"),
                  QStringLiteral("SELECT value FROM meta WHERE key = ?"), QVariantList{key});
    if (q && q.value().next())
        return q.value().value(0).toString();
    return fallback;
}

Status Database::setMeta(const QString &key, const QString &value)
{
    auto q = exec(QStringLiteral("store.meta.write"),
                  QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  QVariantList{key, value});
    return q ? Status{} : Status{q.error()};
}

} // namespace jl::models
