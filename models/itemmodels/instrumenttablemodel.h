#pragma once

#include "models/itemmodels/instrumentfilter.h"
#include "models/itemmodels/instrumentquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QVector>

namespace jl::models {

class Database;

// The instrument library as a table, backed by SQL with bound parameters. It counts the
// matching rows, then loads pages of rows on demand (LIMIT/OFFSET, a few pages cached), so
// 100,000 instruments scroll, sort and filter without being loaded into memory. A filter or
// a computed order keeps only the matching rowids instead of re-running the filter for
// every page (InstrumentQuery explains both modes).
class InstrumentTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        SerialNo,
        Name,
        Category,
        Model,
        MeasuringRange,
        AccuracyClass,
        Manufacturer,
        ProductionDate,
        UserUnit,
        InstallLocation,
        InstallDate,
        Status,
        VerificationPeriod,
        VerificationResult,
        LastVerificationDate,
        ValidUntil,
        LastInstitution,
        Warning,
        Completeness,
        RemovedAt,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        WarningLevelRole, // int(WarningLevel)
        PendingSyncRole,  // bool: the record has unsynced local changes
        SortKeyRole,
    };

    InstrumentTableModel(Database &db, QObject *parent = nullptr);

    void setFilter(const InstrumentFilter &filter);
    const InstrumentFilter &filter() const { return m_filter; }
    void setToday(QDate today); // tests pin the date; default shanghaiToday()
    void setThresholds(WarningThresholds thresholds);
    // Re-counts and drops cached pages (after a write or a sync).
    void refresh();
    // The number of rows matching the filter (共 N 条); the same as rowCount().
    int totalCount() const { return m_count; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QString idAt(int row) const;
    // Ids in the order of `rows`; a large selection is read in one query, not page by page.
    QStringList idsAt(const QList<int> &rows) const;
    // Every id matching the filter, in display order (select all, export).
    QStringList allIds() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void countChanged(int count);
    void loadFailed(const QString &message);

private:
    struct Row {
        Instrument instrument;
        WarningLevel level = WarningLevel::None;
        bool complete = false;
    };
    static constexpr int PageSize = 200;
    static constexpr int MaxPages = 8; // bounded memory: at most 1,600 rows held

    const Row *rowAt(int row) const;
    bool loadPage(int page) const;
    InstrumentQuery query() const;
    QString load(); // counts, or takes the snapshot; returns the failure, if any
    void dropPages();
    void reportFailure(const QString &message, bool queued) const;

    Database &m_db;
    InstrumentFilter m_filter;
    QDate m_today;
    bool m_todayPinned = false;
    WarningThresholds m_thresholds;
    int m_sortColumn = SerialNo;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_count = 0;
    // By a snapshot (see InstrumentQuery): the matching rowids in display order, 8 bytes a
    // row; empty along an index.
    bool m_snapshot = false;
    QVector<qint64> m_rowids;
    QSet<QString> m_pending;
    mutable bool m_failed = false; // a page failed: no retry (and no repeated report) until refresh
    mutable QHash<int, QVector<Row>> m_pages;
    mutable QList<int> m_pageAge; // least recently used first
};

} // namespace jl::models
