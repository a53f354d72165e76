#include "models/itemmodels/sitelistmodel.h"

#include "models/common/logging.h"
#include "models/store/database.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>

namespace jl::models {

SiteListModel::SiteListModel(Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db)
{
    refresh();
}

void SiteListModel::refresh()
{
    QList<Site> sites;
    auto q = m_db.exec(QStringLiteral("model.site.list"),
                       QStringLiteral("SELECT id, name, kind, station_code, division_code, address "
                                      "FROM site WHERE deleted = 0"));
    if (!q) {
        qCWarning(lcModels) << "site list:" << q.error().detail;
        Q_EMIT loadFailed(q.error().message);
        return; // keep what the combo shows rather than emptying it
    }
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        sites.append(Site{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                          r.value(3).toString(), r.value(4).toString(), r.value(5).toString()});
    }
    // Site names are Chinese data whatever the UI language: pinyin order is what an operator
    // scanning a list of 5,000 stations expects.
    QCollator collator{QLocale(QLocale::Chinese, QLocale::China)};
    collator.setNumericMode(true);
    std::stable_sort(sites.begin(), sites.end(), [&collator](const Site &a, const Site &b) {
        const int c = collator.compare(a.name, b.name);
        return c != 0 ? c < 0 : a.id < b.id;
    });

    beginResetModel();
    m_sites = std::move(sites);
    endResetModel();
}

QString SiteListModel::idAt(int row) const
{
    return row >= 0 && row < m_sites.size() ? m_sites.at(row).id : QString();
}

int SiteListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_sites.size(); ++row) {
        if (m_sites.at(row).id == id)
            return row;
    }
    return -1;
}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sites.size());
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Site &s = m_sites.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return s.name;
    case Qt::ToolTipRole:
        return s.address.isEmpty() ? s.name : s.name + QLatin1Char('\n') + s.address;
    case IdRole:
        return s.id;
    case KindRole:
        return s.kind;
    case StationCodeRole:
        return s.stationCode;
    case DivisionCodeRole:
        return s.divisionCode;
    default:
        return {};
    }
}

} // namespace jl::models
