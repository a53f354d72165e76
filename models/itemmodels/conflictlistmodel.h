#pragma once

#include "models/store/conflicts.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace jl::models {

class Database;
class LocalCollections;

// The 冲突 screen's list: one row per record in conflict, what kind of conflict, and the
// fields both sides changed, by their labels.
class ConflictListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Record, Collection, Situation, Fields, CreatedAt, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    ConflictListModel(Database &db, const LocalCollections &collections, QObject *parent = nullptr);

    void setTextFilter(const QString &text);
    void refresh();

    const Conflict &conflictAt(int row) const { return m_rows.at(row).conflict; }
    QList<qint64> idsAt(const QList<int> &rows) const;
    int totalCount() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // 双方都修改了 / 服务器已删除 / 本地已删除
    static QString situationText(const Conflict &conflict);

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    struct Row {
        Conflict conflict;
        QString record;
        QString collection;
        QString fields;
    };
    QVariant display(const Row &row, int column) const;

    Database &m_db;
    const LocalCollections &m_collections;
    QString m_text;
    QList<Row> m_rows;
    int m_total = 0;
};

} // namespace jl::models
