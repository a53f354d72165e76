#pragma once

// A database of its own for one server test class (tests/server).

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtGlobal>

namespace jl::servertest {

inline QString serverBinary()
{
    return qEnvironmentVariable("JILIANG_SERVER_BIN");
}

// Lowers PBKDF2's cost so that logins take milliseconds (production: 600,000).
inline const QStringList &fastHashArgs()
{
    static const QStringList args = {QStringLiteral("--test-password-iterations"),
                                     QStringLiteral("1000")};
    return args;
}

// A database of its own for one test class: a file in a temporary folder, or a new
// PostgreSQL database with a random name (so test executables can run in parallel).
class TestDatabase {
public:
    enum class Kind { Sqlite, Postgres };

    static bool postgresAvailable() { return !qEnvironmentVariableIsEmpty("JILIANG_TEST_PG"); }

    explicit TestDatabase(Kind kind)
        : m_kind(kind)
    {
        if (kind == Kind::Sqlite) {
            m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db"));
            return;
        }
        const QUrl admin(qEnvironmentVariable("JILIANG_TEST_PG"));
        m_name = QStringLiteral("jl_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        if (!adminExec(admin, QStringLiteral("CREATE DATABASE ") + m_name))
            return;
        QUrl url = admin;
        url.setPath(QLatin1Char('/') + m_name);
        m_url = url.toString();
    }
    ~TestDatabase()
    {
        if (m_kind == Kind::Postgres && !m_name.isEmpty())
            adminExec(QUrl(qEnvironmentVariable("JILIANG_TEST_PG")),
                      QStringLiteral("DROP DATABASE IF EXISTS ") + m_name +
                          QStringLiteral(" WITH (FORCE)"));
    }
    Q_DISABLE_COPY_MOVE(TestDatabase)

    QString url() const { return m_url; }
    bool isValid() const { return !m_url.isEmpty(); }
    Kind kind() const { return m_kind; }

    // The first column of the first row of a query run on the test's database from outside
    // the server (an invalid QVariant when there is no row), to look at what the server
    // stored, or to write what a crashed server would have left behind.
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        QVariant out;
        if (m_kind == Kind::Sqlite) {
            withConnection(QStringLiteral("QSQLITE"), QUrl(),
                           m_dir.filePath(QStringLiteral("server.db")),
                           [&](QSqlDatabase &db) { out = firstValue(db, sql, binds); });
        } else {
            withConnection(QStringLiteral("QPSQL"), QUrl(m_url), {},
                           [&](QSqlDatabase &db) { out = firstValue(db, sql, binds); });
        }
        return out;
    }

private:
    static QVariant firstValue(QSqlDatabase &db, const QString &sql, const QVariantList &binds)
    {
        QSqlQuery q(db);
        q.prepare(sql);
        for (qsizetype i = 0; i < binds.size(); ++i)
            q.bindValue(int(i), binds.at(i));
        if (!q.exec()) {
            qWarning() << sql << q.lastError().text();
            return {};
        }
        return q.next() ? q.value(0) : QVariant();
    }

    // Opens a connection of its own (SQLite: `path`; PostgreSQL: `url`), runs `use`, closes.
    template <typename Use>
    static bool withConnection(const QString &driver, const QUrl &url, const QString &path,
                               Use &&use)
    {
        const QString name =
            QStringLiteral("jl-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
            if (driver == QLatin1String("QSQLITE")) {
                db.setDatabaseName(path);
                db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
            } else {
                db.setHostName(url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName());
                db.setPassword(url.password());
                db.setDatabaseName(url.path().mid(1).isEmpty() ? QStringLiteral("postgres")
                                                               : url.path().mid(1));
            }
            ok = db.open();
            if (ok)
                use(db);
            else
                qWarning() << "cannot connect to the test database:" << db.lastError().text();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    static bool adminExec(const QUrl &url, const QString &sql)
    {
        bool ok = false;
        withConnection(QStringLiteral("QPSQL"), url, {}, [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning() << sql << q.lastError().text();
        });
        return ok;
    }

    Kind m_kind;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_name;
};

} // namespace jl::servertest
