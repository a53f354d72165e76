#pragma once

// A fresh local database and instrument store per test, for the import tests.
#include "io/import/instrumentimport.h"
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/instrumentstore.h"
#include "spreadsheetfixture.h"

#include <QTemporaryDir>
#include <QTest>

namespace jl::io::test {

struct StoreFixture {
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<models::Database> db;
    std::unique_ptr<models::InstrumentStore> store;

    bool open()
    {
        dir = std::make_unique<QTemporaryDir>();
        auto opened = models::Database::open(dir->filePath(QStringLiteral("local.db")));
        if (!opened)
            return false;
        db = std::move(opened).value();
        store = std::make_unique<models::InstrumentStore>(*db, QStringLiteral("测试员"));
        return true;
    }
    void close()
    {
        models::failpoints::disarmAll();
        store.reset();
        db.reset();
        dir.reset();
    }
    int count(const QString &table) const
    {
        auto q = db->exec(QStringLiteral("test"), QStringLiteral("SELECT COUNT(*) FROM ") + table);
        return q && q.value().next() ? q.value().value(0).toInt() : -1;
    }
    std::optional<models::Instrument> bySerial(const QString &serial) const
    {
        auto found = store->findActiveBySerial(serial);
        return found ? *found : std::nullopt;
    }
};

// "row:column" of every issue, in order, to compare a report at a glance.
inline QStringList issueKeys(const ImportReport &report)
{
    QStringList keys;
    for (const RowIssue &i : report.issues)
        keys.append(QString::number(i.row) + QLatin1Char(':') + i.column);
    return keys;
}

} // namespace jl::io::test
