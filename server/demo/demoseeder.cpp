#include "server/demo/demoseeder.h"

#include "models/demo/democatalogue.h"
#include "models/demo/demorandom.h"
#include "models/rules/warninglevel.h"
#include "server/admin/adminservice.h"
#include "server/admin/referenceadmin.h"
#include "server/admin/uscc.h"
#include "server/demo/demogenerator.h"
#include "server/storage/connectionpool.h"
#include "server/storage/recordstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jl::server {

namespace demo = models::demo;

// Fictitious companies; their codes carry valid check characters.
struct DemoSeeder::Enterprise {
    const char *first17;
    const char *name;
    const char *nature;
    DemoGenerator::Kind kind;
    int sites;
    int unmatched;
    quint32 seed;
};

namespace {

const quint32 Seed = 20261127;

} // namespace

DemoSeeder::DemoSeeder(ConnectionPool &pool, const Settings &settings)
    : m_pool(pool)
    , m_settings(settings)
{}

Outcome<QString> DemoSeeder::ensure(const Enterprise &e, int instruments, QStringList &lines)
{
    AdminService admin(m_pool, m_settings);
    const QString first = QString::fromLatin1(e.first17);
    const QString code = first + uscc::checkCharacter(first);
    const QString name = QString::fromUtf8(e.name);
    QString password;
    QString summary;
    if (auto existing = admin.enterpriseByUscc(code); existing) {
        // Seeded before: the data stays, the password is new (it was only ever printed).
        auto pw = admin.resetPassword(code);
        if (!pw)
            return pw.error();
        password = pw.value();
        summary = QStringLiteral("(already seeded)");
    } else {
        auto created = admin.createEnterprise(code, name, QString::fromUtf8(e.nature));
        if (!created)
            return created.error();
        auto pw = admin.createAccount(code);
        if (!pw)
            return pw.error();
        password = pw.value();
        auto db = m_pool.local();
        if (!db)
            return db.error();
        demo::DemoRandom random(e.seed);
        DemoGenerator generator(random, models::shanghaiToday());
        const DemoGenerator::Profile profile{e.kind, name, e.sites, instruments, e.unmatched};
        auto made = RecordStore::transact<DemoGenerator::Made>(
            **db, created->id, m_settings,
            [&](RecordStore &store) { return generator.populate(store, profile); });
        if (!made)
            return made.error();
        summary = QStringLiteral("%1 sites, %2 instruments, %3 verification records (%4 "
                                 "unmatched)")
                      .arg(made->sites)
                      .arg(made->instruments)
                      .arg(made->verificationRecords)
                      .arg(made->unmatched);
    }
    lines.append(QStringLiteral("  %1\n    统一社会信用代码 %2  密码 %3\n    %4")
                     .arg(name, code, password, summary));
    return code;
}

Done DemoSeeder::loadInstitutions()
{
    QJsonArray scope;
    for (const demo::InstrumentKind &k : demo::instrumentKinds()) {
        const QString c = QString::fromUtf8(k.category);
        if (!scope.contains(c))
            scope.append(c);
    }
    QJsonArray list;
    int n = 0;
    for (const demo::City &c : demo::cities()) {
        const QString prefix = QString::fromLatin1(c.prefix);
        list.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(c.institution)},
                                {QStringLiteral("phone"),
                                 QStringLiteral("05%1-8%2").arg(71 + n).arg(6000000 + n * 1111)},
                                {QStringLiteral("address"),
                                 QString(QString::fromUtf8(c.shortName) + QStringLiteral("市"))},
                                {QStringLiteral("divisionCode"), prefix},
                                {QStringLiteral("scope"), scope}});
        ++n;
    }
    list.append(QJsonObject{{QStringLiteral("name"), demo::provincialInstitution()},
                            {QStringLiteral("phone"), QStringLiteral("0571-85111111")},
                            {QStringLiteral("address"), QStringLiteral("浙江省杭州市")},
                            {QStringLiteral("divisionCode"), QStringLiteral("33")},
                            {QStringLiteral("scope"), scope}});
    auto loaded = ReferenceAdmin(m_pool).loadInstitutions(QJsonDocument(list).toJson());
    if (!loaded)
        return loaded.error();
    return {};
}

Outcome<QStringList> DemoSeeder::run(int scale)
{
    static const Enterprise fuel{"91330100MA2CD0001",
                                 "浙江安运石化销售有限公司",
                                 "股份制",
                                 DemoGenerator::Kind::FuelChain,
                                 3,
                                 4,
                                 Seed};
    static const Enterprise charging{"91330100MA2CD0002",
                                     "浙江畅行新能源科技有限公司",
                                     "私营",
                                     DemoGenerator::Kind::ChargingOperator,
                                     50,
                                     12,
                                     Seed + 1};
    static const Enterprise bench{"91330100MA2CD0003",
                                  "基准测试计量有限公司",
                                  "其他",
                                  DemoGenerator::Kind::Benchmark,
                                  0,
                                  0,
                                  Seed + 2};
    QStringList lines{QStringLiteral("jiliang-server demo accounts (log in at /oauth/authorize "
                                     "through the client):")};
    if (auto c = ensure(fuel, 40, lines); !c)
        return c.error();
    if (auto c = ensure(charging, 2000, lines); !c)
        return c.error();
    if (scale > 0) {
        Enterprise scaled = bench;
        scaled.sites = std::max(1, scale / 50);
        if (auto c = ensure(scaled, scale, lines); !c)
            return c.error();
    }
    if (Done d = loadInstitutions(); !d)
        return d.error();
    // Statistics for what was just loaded (autovacuum would take up to a minute, and runs
    // only once a tenth of a table has changed): the server starts serving at once, and
    // benchmarks with it.
    if (auto db = m_pool.local(); !db) {
        return db.error();
    } else if ((*db)->isPostgres()) {
        if (Done d = (*db)->execRaw(QStringLiteral("ANALYZE")); !d)
            return d.error();
    }
    auto token = AdminService(m_pool, m_settings).issueAdminToken(QStringLiteral("demo"));
    if (!token)
        return token.error();
    lines.append(QStringLiteral("  admin credential (Authorization: Bearer …): ") + token.value());
    return lines;
}

} // namespace jl::server
