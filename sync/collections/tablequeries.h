#pragma once

#include "models/common/result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace jl::models {
class Database;
}

namespace jl::sync::tablequeries {

// The queries every synced table answers alike (id, rev, deleted columns). `scope` narrows
// them (remote_record's collection), with its binds; empty for a table of its own.
models::Result<QHash<QString, qint64>> revisions(models::Database &db, const QString &table,
                                                 const QStringList &ids, const QString &scope = {},
                                                 const QVariantList &scopeBinds = {});
models::Result<QHash<QString, qint64>> allRevisions(models::Database &db, const QString &table,
                                                    const QString &scope = {},
                                                    const QVariantList &scopeBinds = {});
models::Result<int> count(models::Database &db, const QString &table, const QString &scope = {},
                          const QVariantList &scopeBinds = {});
// The statement that removes one row; binds: the id, then the scope's.
QString removeSql(const QString &table, const QString &scope = {});

} // namespace jl::sync::tablequeries
