#include "sync/collections/tablecollection.h"

#include "models/store/database.h"
#include "sync/collections/tablequeries.h"

#include <QDateTime>
#include <QJsonDocument>

namespace jl::sync {

using models::Database;
using models::Result;
using models::Status;

TableCollection::TableCollection(QString name, QString table, QList<Column> columns,
                                 bool hasDataColumn)
    : m_name(std::move(name))
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_hasData(hasDataColumn)
{
    QStringList names{QStringLiteral("id"), QStringLiteral("rev"), QStringLiteral("updated_at"),
                      QStringLiteral("deleted")};
    for (const Column &c : m_columns)
        names.append(c.column);
    if (m_hasData)
        names.append(QStringLiteral("data"));
    QStringList updates;
    for (const QString &n : names.mid(1))
        updates.append(QStringLiteral("%1 = excluded.%1").arg(n));
    const QString list = names.join(QLatin1String(", "));
    m_upsertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(id) DO UPDATE SET %4")
                      .arg(m_table, list, QStringList(names.size(), QStringLiteral("?")).join(u','),
                           updates.join(QLatin1String(", ")));
    m_selectSql = QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(list, m_table);
    m_removeSql = tablequeries::removeSql(m_table);
}

Result<std::optional<SyncedRecord>> TableCollection::read(Database &db, const QString &id) const
{
    auto q = db.exec(QStringLiteral("sync.local.read"), m_selectSql, QVariantList{id});
    if (!q)
        return q.error();
    QSqlQuery &r = q.value();
    if (!r.next())
        return std::optional<SyncedRecord>();
    SyncedRecord rec;
    rec.id = r.value(0).toString();
    rec.rev = r.value(1).toLongLong();
    rec.updatedAt = r.value(2).toString();
    rec.deleted = r.value(3).toInt() != 0;
    if (m_hasData)
        rec.data = QJsonDocument::fromJson(r.value(4 + int(m_columns.size())).toString().toUtf8())
                       .object();
    rec.data.insert(QStringLiteral("id"), rec.id);
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        const Column &col = m_columns.at(c);
        const QVariant v = r.value(4 + int(c));
        switch (col.type) {
        case Type::Text:
            rec.data.insert(col.field, v.toString());
            break;
        case Type::NullableText:
            rec.data.insert(col.field, v.isNull() ? QString() : v.toString());
            break;
        case Type::Integer:
            rec.data.insert(col.field, v.toLongLong());
            break;
        case Type::Boolean:
            rec.data.insert(col.field, v.toInt() != 0);
            break;
        }
    }
    return std::optional<SyncedRecord>(rec);
}

Result<QHash<QString, qint64>> TableCollection::revisions(Database &db,
                                                          const QStringList &ids) const
{
    return tablequeries::revisions(db, m_table, ids);
}

Result<QHash<QString, qint64>> TableCollection::allRevisions(Database &db) const
{
    return tablequeries::allRevisions(db, m_table);
}

QString TableCollection::storeSql() const
{
    return m_upsertSql;
}

QVariantList TableCollection::storeValues(const SyncedRecord &record) const
{
    QVariantList values{record.id, record.rev,
                        record.updatedAt.isEmpty()
                            ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                            : record.updatedAt,
                        0};
    for (const Column &c : m_columns) {
        const QJsonValue v = record.data.value(c.field);
        switch (c.type) {
        case Type::Text:
            values.append(v.isString() ? v.toString() : v.toVariant().toString());
            break;
        case Type::NullableText:
            values.append(v.toString().isEmpty() ? QVariant() : QVariant(v.toString()));
            break;
        case Type::Integer:
            values.append(v.toVariant().toLongLong());
            break;
        case Type::Boolean:
            values.append(v.toBool() ? 1 : 0);
            break;
        }
    }
    if (m_hasData)
        values.append(QString::fromUtf8(QJsonDocument(record.data).toJson(QJsonDocument::Compact)));
    return values;
}

QString TableCollection::removeSql() const
{
    return m_removeSql;
}

QVariantList TableCollection::removeValues(const QString &id) const
{
    return {id};
}

Result<int> TableCollection::count(Database &db) const
{
    return tablequeries::count(db, m_table);
}

} // namespace jl::sync
