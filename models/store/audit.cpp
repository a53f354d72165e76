#include "models/store/audit.h"

#include "models/store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace jl::models::audit {

QJsonObject diff(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject changes;
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    for (const QString &key : keys) {
        const QJsonValue a = before.value(key);
        const QJsonValue b = after.value(key);
        if (a != b)
            changes.insert(key, QJsonArray{a, b});
    }
    return changes;
}

namespace {
const QString CreatedKey = QStringLiteral("created");
} // namespace

QJsonObject created(const QJsonObject &snapshot)
{
    return QJsonObject{{CreatedKey, snapshot}};
}

QString createdRecordSql(const QString &changes)
{
    // Compact JSON of a one-key object: the key's text, then the record, then '}'. SQLite's
    // substr() and length() count characters, as this prefix does (ASCII).
    const QString prefix = QStringLiteral("{\"%1\":").arg(CreatedKey);
    return QStringLiteral("CASE WHEN substr(%1, 1, %2) = '%3' THEN substr(%1, %4, length(%1) - %4) "
                          "END")
        .arg(changes, QString::number(prefix.size()), prefix, QString::number(prefix.size() + 1));
}

QJsonObject fieldChanges(const QString &changes)
{
    const QJsonObject line = QJsonDocument::fromJson(changes.toUtf8()).object();
    const QJsonValue record = line.value(CreatedKey);
    if (line.size() != 1 || !record.isObject())
        return line;
    QJsonObject pairs;
    const QJsonObject values = record.toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        pairs.insert(it.key(), QJsonArray{QJsonValue::Null, it.value()});
    return pairs;
}

namespace {

const QString InsertSql =
    QStringLiteral("INSERT INTO audit (at, actor, collection, record_id, action, changes) "
                   "VALUES (?, ?, ?, ?, ?, ?)");

QVariantList insertValues(const QString &at, const QString &actor, const QString &collection,
                          const QString &recordId, const QString &action,
                          const QJsonObject &changes)
{
    return QVariantList{
        at,       actor,  collection,
        recordId, action, QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact))};
}

} // namespace

Status append(Database &db, const QString &actor, const QString &collection,
              const QString &recordId, const QString &action, const QJsonObject &changes)
{
    auto q = db.exec(QStringLiteral("store.audit.insert"), InsertSql,
                     insertValues(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                  actor, collection, recordId, action, changes));
    return q ? Status{} : Status{q.error()};
}

BulkAppend::BulkAppend(PreparedStatement insert, QString at)
    : m_insert(std::move(insert))
    , m_at(std::move(at))
{}

Result<BulkAppend> BulkAppend::prepare(Database &db, const QString &at)
{
    auto insert = db.prepare(QStringLiteral("store.audit.insert"), InsertSql);
    if (!insert)
        return insert.error();
    return BulkAppend(std::move(insert).value(), at);
}

Status BulkAppend::append(const QString &actor, const QString &collection, const QString &recordId,
                          const QString &action, const QJsonObject &changes)
{
    return m_insert.run(insertValues(m_at, actor, collection, recordId, action, changes));
}

Result<QList<AuditEntry>> entries(Database &db, const QString &recordId)
{
    QString sql =
        QStringLiteral("SELECT at, actor, collection, record_id, action, changes FROM audit");
    QVariantList binds;
    if (!recordId.isEmpty()) {
        sql += QStringLiteral(" WHERE record_id = ?");
        binds.append(recordId);
    }
    sql += QStringLiteral(" ORDER BY id");
    auto q = db.exec(QStringLiteral("store.audit.read"), sql, binds);
    if (!q)
        return q.error();
    QList<AuditEntry> list;
    QSqlQuery &r = q.value();
    while (r.next())
        list.append(AuditEntry{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                               r.value(3).toString(), r.value(4).toString(),
                               r.value(5).toString()});
    return list;
}

} // namespace jl::models::audit
