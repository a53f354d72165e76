#include "models/store/sqlitedirect.h"

#include "models/store/database.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include <atomic>
#include <utility>

#ifdef JILIANG_SQLITE_DIRECT
#include <sqlite3.h>
#endif

namespace jl::models {

namespace {

std::atomic_bool enabled{qEnvironmentVariable("JILIANG_SQLITE_DIRECT") != QLatin1String("0")};

#ifdef JILIANG_SQLITE_DIRECT
// 0 not checked yet, 1 Qt's connections run on this library, -1 they do not. The answer is
// the same for every connection of the process.
std::atomic_int sameLibrary{0};

bool runsOnThisLibrary(const QSqlDatabase &db)
{
    if (const int known = sameLibrary.load(); known != 0)
        return known > 0;
    QSqlQuery q(db);
    const bool same = q.exec(QStringLiteral("SELECT sqlite_source_id()")) && q.next() &&
                      q.value(0).toString() == QLatin1String(sqlite3_sourceid());
    sameLibrary.store(same ? 1 : -1);
    return same;
}

Error errorOf(sqlite3 *db, int code)
{
    return Database::sqlError(Database::failedMessage(),
                              QStringLiteral("%1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(db)),
                                                            QString::number(code)));
}
#endif

} // namespace

namespace sqlitedirect {

bool compiledIn()
{
#ifdef JILIANG_SQLITE_DIRECT
    return true;
#else
    return false;
#endif
}

bool mayBind()
{
#ifdef JILIANG_SQLITE_DIRECT
    return enabled.load() && sameLibrary.load() >= 0;
#else
    return false;
#endif
}

void setEnabled(bool on)
{
    enabled.store(on);
}

sqlite3 *handle(const QSqlDatabase &db)
{
#ifdef JILIANG_SQLITE_DIRECT
    if (!enabled.load() || !db.isOpen() || !db.driver())
        return nullptr;
    const QVariant h = db.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0)
        return nullptr;
    if (!runsOnThisLibrary(db))
        return nullptr;
    return *static_cast<sqlite3 *const *>(h.constData());
#else
    Q_UNUSED(db);
    return nullptr;
#endif
}

} // namespace sqlitedirect

DirectStatement::DirectStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{}

DirectStatement::DirectStatement(DirectStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_bindError(other.m_bindError)
{}

DirectStatement &DirectStatement::operator=(DirectStatement &&other) noexcept
{
    std::swap(m_db, other.m_db);
    std::swap(m_statement, other.m_statement);
    std::swap(m_bindError, other.m_bindError);
    return *this;
}

DirectStatement::~DirectStatement()
{
#ifdef JILIANG_SQLITE_DIRECT
    if (m_statement)
        sqlite3_finalize(m_statement);
#endif
}

Result<DirectStatement> DirectStatement::prepare(sqlite3 *db, const QString &sql)
{
#ifdef JILIANG_SQLITE_DIRECT
    sqlite3_stmt *statement = nullptr;
    const int code = sqlite3_prepare16_v2(db, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                          &statement, nullptr);
    if (code != SQLITE_OK) {
        sqlite3_finalize(statement);
        return errorOf(db, code);
    }
    return DirectStatement(db, statement);
#else
    Q_UNUSED(db);
    Q_UNUSED(sql);
    return Database::sqlError(Database::failedMessage(),
                              QStringLiteral("built without JILIANG_SQLITE_DIRECT"));
#endif
}

void DirectStatement::failBind(int code)
{
    if (m_bindError == 0)
        m_bindError = code;
}

void DirectStatement::bindUtf8(int index, const char *data, qsizetype size)
{
#ifdef JILIANG_SQLITE_DIRECT
    // SQLite binds a null pointer as NULL: an empty value must still point somewhere.
    static const char empty[] = "";
    const int code =
        sqlite3_bind_text(m_statement, index, data ? data : empty, int(size), SQLITE_STATIC);
    if (code != SQLITE_OK)
        failBind(code);
#else
    Q_UNUSED(index);
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

void DirectStatement::bindInt64(int index, qint64 value)
{
#ifdef JILIANG_SQLITE_DIRECT
    const int code = sqlite3_bind_int64(m_statement, index, sqlite3_int64(value));
    if (code != SQLITE_OK)
        failBind(code);
#else
    Q_UNUSED(index);
    Q_UNUSED(value);
#endif
}

void DirectStatement::bindNull(int index)
{
#ifdef JILIANG_SQLITE_DIRECT
    const int code = sqlite3_bind_null(m_statement, index);
    if (code != SQLITE_OK)
        failBind(code);
#else
    Q_UNUSED(index);
#endif
}

Status DirectStatement::run()
{
#ifdef JILIANG_SQLITE_DIRECT
    int code = m_bindError;
    if (code == 0) {
        code = sqlite3_step(m_statement);
        if (code == SQLITE_ROW || code == SQLITE_DONE)
            code = SQLITE_OK;
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bindError = 0;
    if (code != SQLITE_OK)
        return errorOf(m_db, code);
    return {};
#else
    return Database::sqlError(Database::failedMessage(),
                              QStringLiteral("built without JILIANG_SQLITE_DIRECT"));
#endif
}

} // namespace jl::models
