#pragma once

#include "models/domain/verificationrecord.h"
#include "models/itemmodels/verificationrecordfilter.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVector>

namespace jl::models {

class Database;

// 未匹配检定记录处理 as a table: the verification records no instrument matches, with a
// state that tells "已关联，待同步" (an active instrument now has the record's serial; the
// server re-matches when that change syncs) from plain 未匹配.
//
// Loaded whole, not paged like the library: the unmatched records are the residue of the
// institutions' uploads that the enterprise has not sorted out, hundreds rather than
// 100,000 (10,000 load in a few ms, docs/benchmarks.md). Sorting is in memory.
class UnmatchedRecordModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        CertificateNo,
        SerialNo,
        InstrumentName,
        Model,
        Institution,
        VerifiedAt,
        ValidUntil,
        Result,
        State,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        LinkedPendingRole, // bool: an active instrument has the serial, the server has not said
        SortKeyRole,
    };

    explicit UnmatchedRecordModel(Database &db, QObject *parent = nullptr);

    void setFilter(const VerificationRecordFilter &filter);
    const VerificationRecordFilter &filter() const { return m_filter; }
    // Reads again (after a write or a sync).
    void refresh();

    QString idAt(int row) const;
    QStringList idsAt(const QList<int> &rows) const;
    // The record of a row as listed (without the wire extras; VerificationRecordStore::get
    // has them).
    VerificationRecord recordAt(int row) const;
    bool linkedPendingAt(int row) const;
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString header(int column);

Q_SIGNALS:
    void countChanged(int count);
    void loadFailed(const QString &message);

private:
    struct Row {
        VerificationRecord record;
        bool linkedPending = false;
    };
    QString load();
    void applySort();
    QVariant sortKey(const Row &row, int column) const;

    Database &m_db;
    VerificationRecordFilter m_filter;
    QVector<Row> m_rows;
    int m_sortColumn = VerifiedAt;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace jl::models
