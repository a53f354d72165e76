#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct sqlite3;

namespace jl::bench {

// The floor under the import's storing side: the rows an import wrote (its instrument rows,
// outbox entries and audit lines), held in memory as UTF-8 already, inserted again into a fresh
// database the way the import inserts them (64 rows a statement bound straight into SQLite, the
// bulk load's dropped index built at the end, one transaction, the import's page
// cache) on one thread: what SQLite itself needs for those rows, with nothing read, checked or
// prepared. Needs a build that binds directly (JILIANG_SQLITE_DIRECT).
class StoreFloor final {
public:
    // Loads the rows of the database an import made; nothing when it cannot.
    static std::optional<StoreFloor> load(const QString &importedDatabase);
    // Inserts them into a new database at `path`; false with a message on error.
    bool insertInto(const QString &path, QString *error) const;
    qsizetype rows() const { return m_instrumentRows; }

private:
    struct Table {
        QString name;
        QStringList columns;
        QList<QByteArray> values;  // a row's values one after the other
        QList<QList<qint32>> ends; // where each value ends in its row; -1 for NULL
    };
    bool insertTable(const Table &table, sqlite3 *db, QString *error) const;

    QList<Table> m_tables;
    qsizetype m_instrumentRows = 0;
};

} // namespace jl::bench
