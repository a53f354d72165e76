#include "storefloor.h"

#include "models/store/database.h"
#include "models/store/instrumentbulkload.h"
#include "models/store/instrumentimportwriter.h"
#include "models/store/instrumentstore.h"
#include "models/store/sqlitedirect.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace jl::bench {

using namespace jl::models;

namespace {
constexpr int RowsPerStatement = InstrumentImportWriter::DirectRowsPerInsert;

QString insertSql(const QString &table, const QStringList &columns, int rows)
{
    const QString row = QLatin1Char('(') +
                        QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                        QLatin1Char(')');
    // OR FAIL as the import's own inserts: no statement journal (instrumentimportwriter.cpp).
    return QStringLiteral("INSERT OR FAIL INTO %1 (%2) VALUES %3")
        .arg(table, columns.join(QLatin1Char(',')), QStringList(rows, row).join(QLatin1Char(',')));
}
} // namespace

std::optional<StoreFloor> StoreFloor::load(const QString &importedDatabase)
{
    if (!sqlitedirect::compiledIn())
        return std::nullopt;
    auto db = Database::open(importedDatabase);
    if (!db || !sqlitedirect::handle((*db)->connection())) // also when turned off at run time
        return std::nullopt;
    StoreFloor floor;
    // Every column but the autoincrement keys, which the insert makes again.
    const QList<std::pair<QString, QString>> tables{
        {QStringLiteral("instrument"), {}},
        {QStringLiteral("outbox"), QStringLiteral("seq")},
        {QStringLiteral("audit"), QStringLiteral("id")}};
    for (const auto &[name, skipped] : tables) {
        Table t;
        t.name = name;
        QSqlQuery q((*db)->connection());
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(name)))
            return std::nullopt;
        const QSqlRecord record = q.record();
        QList<int> kept;
        for (int c = 0; c < record.count(); ++c) {
            if (record.fieldName(c) != skipped) {
                kept.append(c);
                t.columns.append(record.fieldName(c));
            }
        }
        while (q.next()) {
            QByteArray bytes;
            QList<qint32> ends;
            for (const int c : std::as_const(kept)) {
                const QVariant v = q.value(c);
                if (v.isNull()) {
                    ends.append(-1);
                    continue;
                }
                bytes += v.toString().toUtf8();
                ends.append(qint32(bytes.size()));
            }
            t.values.append(bytes);
            t.ends.append(ends);
        }
        if (name == QLatin1String("instrument"))
            floor.m_instrumentRows = t.values.size();
        floor.m_tables.append(t);
    }
    return floor;
}

bool StoreFloor::insertTable(const Table &t, sqlite3 *db, QString *error) const
{
    std::optional<DirectStatement> full;
    const qsizetype count = t.values.size();
    for (qsizetype from = 0; from < count; from += RowsPerStatement) {
        const int rows = int(std::min<qsizetype>(RowsPerStatement, count - from));
        std::optional<DirectStatement> partial;
        if (rows == RowsPerStatement && !full) {
            auto s = DirectStatement::prepare(db, insertSql(t.name, t.columns, rows));
            if (!s)
                return (*error = s.error().detail, false);
            full.emplace(std::move(s).value());
        } else if (rows < RowsPerStatement) {
            auto s = DirectStatement::prepare(db, insertSql(t.name, t.columns, rows));
            if (!s)
                return (*error = s.error().detail, false);
            partial.emplace(std::move(s).value());
        }
        DirectStatement &statement = partial ? *partial : *full;
        int index = 1;
        for (qsizetype r = from; r < from + rows; ++r) {
            const QByteArray &bytes = t.values.at(r);
            const QList<qint32> &ends = t.ends.at(r);
            qint32 begin = 0;
            for (const qint32 end : ends) {
                if (end < 0) {
                    statement.bindNull(index++);
                    continue;
                }
                statement.bindUtf8(index++, bytes.constData() + begin, end - begin);
                begin = end;
            }
        }
        if (Status s = statement.run(); !s)
            return (*error = s.error().detail, false);
    }
    return true;
}

bool StoreFloor::insertInto(const QString &path, QString *error) const
{
    auto db = Database::open(path);
    if (!db)
        return (*error = db.error().detail, false);
    sqlite3 *handle = sqlitedirect::handle((*db)->connection());
    if (!handle)
        return (*error = QStringLiteral("no direct handle"), false);
    QSqlQuery pragma((*db)->connection());
    pragma.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(InstrumentStore::ImportCacheKiB));
    const Status done = (*db)->transaction([&]() -> Status {
        InstrumentBulkLoad bulk(**db);
        if (Status s = bulk.begin(); !s)
            return s;
        if (Status s = bulk.willCreate(m_instrumentRows); !s)
            return s;
        for (const Table &t : m_tables) {
            QString message;
            if (!insertTable(t, handle, &message))
                return Error{message, message};
        }
        return bulk.finish();
    });
    if (!done)
        return (*error = done.error().detail, false);
    return true;
}

} // namespace jl::bench
