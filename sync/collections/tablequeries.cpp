#include "sync/collections/tablequeries.h"

#include "models/store/database.h"

namespace jl::sync::tablequeries {

namespace {

constexpr qsizetype IdsPerQuery = 500; // well under SQLite's bound-parameter limit

QString andScope(const QString &scope)
{
    return scope.isEmpty() ? QString() : QStringLiteral(" AND ") + scope;
}

} // namespace

models::Result<QHash<QString, qint64>> revisions(models::Database &db, const QString &table,
                                                 const QStringList &ids, const QString &scope,
                                                 const QVariantList &scopeBinds)
{
    QHash<QString, qint64> revs;
    for (qsizetype from = 0; from < ids.size(); from += IdsPerQuery) {
        const QStringList chunk = ids.mid(from, IdsPerQuery);
        QVariantList binds;
        for (const QString &id : chunk)
            binds.append(id);
        binds += scopeBinds;
        const QString marks = QStringList(chunk.size(), QStringLiteral("?")).join(u',');
        auto q = db.exec(QStringLiteral("sync.local.read"),
                         QStringLiteral("SELECT id, rev FROM %1 WHERE id IN (%2)%3")
                             .arg(table, marks, andScope(scope)),
                         binds);
        if (!q)
            return q.error();
        while (q.value().next())
            revs.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
    }
    return revs;
}

models::Result<QHash<QString, qint64>> allRevisions(models::Database &db, const QString &table,
                                                    const QString &scope,
                                                    const QVariantList &scopeBinds)
{
    auto q = db.exec(
        QStringLiteral("sync.local.read"),
        QStringLiteral("SELECT id, rev FROM %1 WHERE deleted = 0%2").arg(table, andScope(scope)),
        scopeBinds);
    if (!q)
        return q.error();
    QHash<QString, qint64> revs;
    while (q.value().next())
        revs.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
    return revs;
}

models::Result<int> count(models::Database &db, const QString &table, const QString &scope,
                          const QVariantList &scopeBinds)
{
    auto q = db.exec(
        QStringLiteral("sync.local.read"),
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE deleted = 0%2").arg(table, andScope(scope)),
        scopeBinds);
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

QString removeSql(const QString &table, const QString &scope)
{
    return QStringLiteral("DELETE FROM %1 WHERE id = ?%2").arg(table, andScope(scope));
}

} // namespace jl::sync::tablequeries
