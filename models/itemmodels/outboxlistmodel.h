#pragma once

#include "models/store/outbox.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace jl::models {

class Database;
class LocalCollections;

// The outbox as the 同步状态 screen lists it: one row per queued change, the record named
// through its collection, newest problems first by default. Entries are few in normal use
// (sync empties the queue); an import of many rows loads once, not per page.
class OutboxListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Record, Collection, Kind, State, Attempts, CreatedAt, LastError, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, StateRole, SortKeyRole };

    OutboxListModel(Database &db, const LocalCollections &collections, QObject *parent = nullptr);

    // Empty: every state; else pending | rejected | conflict.
    void setStateFilter(const QString &state);
    // Matches the record's description and the last error.
    void setTextFilter(const QString &text);
    void refresh();

    qint64 seqAt(int row) const;
    QList<qint64> seqsAt(const QList<int> &rows) const;
    const OutboxEntry &entryAt(int row) const { return m_rows.at(row).entry; }
    // Rows in the whole outbox, whatever the filter (empty state vs. filtered away).
    int totalCount() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString kindText(const OutboxEntry &entry);
    static QString stateText(const QString &state);
    // An ISO UTC time as yyyy-MM-dd HH:mm:ss in Asia/Shanghai.
    static QString timeText(const QDateTime &utc);

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    struct Row {
        OutboxEntry entry;
        QString record;
        QString collection;
    };
    QVariant display(const Row &row, int column) const;
    void applySort();

    Database &m_db;
    const LocalCollections &m_collections;
    QString m_state;
    QString m_text;
    QList<Row> m_rows;
    int m_total = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace jl::models
