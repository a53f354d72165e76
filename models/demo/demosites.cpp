#include "models/demo/demosites.h"

#include "models/demo/democatalogue.h"
#include "models/demo/demodata.h"
#include "models/demo/demorandom.h"
#include "models/store/database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace jl::models::demo {

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

// Several stations on one road get numbered names, as chains name them.
QString uniqueName(QHash<QString, int> &seen, const QString &stem, const QString &suffix)
{
    const int n = ++seen[stem + suffix];
    if (n == 1)
        return stem + suffix;
    return stem + QString::number(n) + QString::fromUtf8("号") + suffix;
}

QString kindFor(DemoRandom &random, int index)
{
    static const char *const Kinds[] = {"fuel", "charging", "shop", "other"};
    if (index < 4)
        return QLatin1String(Kinds[index]);
    const int r = random.below(100);
    return QLatin1String(r < 35 ? Kinds[0] : r < 80 ? Kinds[1] : r < 94 ? Kinds[2] : Kinds[3]);
}

} // namespace

Result<QList<DemoSite>> writeSites(Database &db, DemoRandom &random, int count,
                                   const QDateTime &now)
{
    QSqlQuery insert(db.connection());
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO site (id, rev, updated_at, deleted, kind, station_code, name, "
            "division_code, address, platform, operator, operating_status, pile_count, "
            "gun_count) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return Database::sqlError(
            DemoData::tr("Could not write the demo data; nothing was changed."),
            insert.lastError().text());

    QList<DemoSite> sites;
    sites.reserve(count);
    QHash<QString, int> seen;
    for (int index = 0; index < count; ++index) {
        const Street &street = random.pick(streets());
        const City &city = cityOf(street);
        const QString cityName = u8(city.shortName);
        const QString road = u8(street.roads[random.below(2)]);

        DemoSite site;
        site.id = random.uuid();
        site.kind = kindFor(random, index);
        site.divisionCode = QLatin1String(street.code);
        site.address = u8("浙江省") + u8(street.city) + u8(street.district) + road +
                       QString::number(random.between(1, 999)) + u8("号");
        site.institution = random.percent(85) ? u8(city.institution) : provincialInstitution();

        QString stationCode;
        QString platform;
        QString operatorName;
        QString operatingStatus;
        int piles = 0;
        int guns = 0;
        if (site.kind == QLatin1String("fuel")) {
            site.name = uniqueName(seen, u8("中国石化") + cityName + road, u8("加油站"));
            site.userUnit = u8("中国石化销售股份有限公司浙江") + cityName + u8("石油分公司");
            stationCode = QStringLiteral("ZSH%1%2")
                              .arg(QLatin1String(city.prefix))
                              .arg(index, 6, 10, QLatin1Char('0'));
        } else if (site.kind == QLatin1String("charging")) {
            const ChargingOperator &op = random.pick(chargingOperators());
            platform = u8(op.platform);
            operatorName = u8(op.company);
            site.name = uniqueName(seen, platform + cityName + road, u8("充电站"));
            site.userUnit = operatorName;
            stationCode = site.divisionCode.left(6) +
                          QStringLiteral("%1").arg(index, 8, 10, QLatin1Char('0'));
            operatingStatus = random.percent(94) ? u8("营业中") : u8("暂停营业");
            piles = random.between(4, 40);
            guns = piles * random.between(1, 2);
        } else if (site.kind == QLatin1String("shop")) {
            site.name = uniqueName(seen, cityName + road, u8("农贸市场"));
            site.userUnit = cityName + road + u8("农贸市场经营管理有限公司");
        } else {
            site.name =
                uniqueName(seen, u8(street.district) + u8(street.street), u8("社区卫生服务中心"));
            site.userUnit = site.name;
        }

        const QDateTime updated = now.addSecs(-qint64(random.below(365 * 24 * 3600)));
        for (const QVariant &v :
             {QVariant(site.id), QVariant(random.between(1, 12)),
              QVariant(updated.toUTC().toString(Qt::ISODateWithMs)), QVariant(site.kind),
              QVariant(stationCode), QVariant(site.name), QVariant(site.divisionCode),
              QVariant(site.address), QVariant(platform), QVariant(operatorName),
              QVariant(operatingStatus), QVariant(piles), QVariant(guns)})
            insert.addBindValue(v.toString().isNull() ? QVariant(QStringLiteral("")) : v);
        if (!insert.exec())
            return Database::sqlError(
                DemoData::tr("Could not write the demo data; nothing was changed."),
                insert.lastError().text());
        sites.append(std::move(site));
    }
    return sites;
}

} // namespace jl::models::demo
