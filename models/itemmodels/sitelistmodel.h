#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace jl::models {

class Database;

// The sites (站点) for the site filter combo: one row per site, sorted by name in Chinese
// order. The "all sites" entry belongs to the combo, not to this model.
class SiteListModel final : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, StationCodeRole, DivisionCodeRole };

    explicit SiteListModel(Database &db, QObject *parent = nullptr);

    // Reloads from the database (after a sync or an edit of the sites).
    void refresh();

    QString idAt(int row) const;
    // The row of a site, or -1.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    struct Site {
        QString id;
        QString name;
        QString kind;
        QString stationCode;
        QString divisionCode;
        QString address;
    };

    Database &m_db;
    QList<Site> m_sites;
};

} // namespace jl::models
