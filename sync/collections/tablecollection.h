#pragma once

#include "sync/collections/synccollection.h"

#include <QList>

namespace jl::sync {

// A collection whose table maps each field to a column of the same meaning (site, contact,
// enterprise, verification record). A table with a `data` column also keeps the whole record
// there, so fields without a column of their own survive a round trip.
class TableCollection final : public SyncCollection {
public:
    enum class Type { Text, Integer, Boolean, NullableText };
    struct Column {
        QString column;
        QString field; // the JSON key
        Type type = Type::Text;
    };

    TableCollection(QString name, QString table, QList<Column> columns, bool hasDataColumn);

    QString name() const override { return m_name; }
    models::Result<std::optional<SyncedRecord>> read(models::Database &db,
                                                     const QString &id) const override;
    models::Result<QHash<QString, qint64>> revisions(models::Database &db,
                                                     const QStringList &ids) const override;
    models::Result<QHash<QString, qint64>> allRevisions(models::Database &db) const override;
    QString storeSql() const override;
    QVariantList storeValues(const SyncedRecord &record) const override;
    QString removeSql() const override;
    QVariantList removeValues(const QString &id) const override;
    models::Result<int> count(models::Database &db) const override;

private:
    QString m_name;
    QString m_table;
    QList<Column> m_columns;
    bool m_hasData = false;
    QString m_upsertSql;
    QString m_selectSql;
    QString m_removeSql;
};

} // namespace jl::sync
