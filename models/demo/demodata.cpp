#include "models/demo/demodata.h"

#include "models/common/logging.h"
#include "models/demo/demoinstruments.h"
#include "models/demo/demorandom.h"
#include "models/demo/demosites.h"
#include "models/rules/warninglevel.h"
#include "models/store/database.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace jl::models {

Result<DemoSummary> DemoData::generate(Database &db, const DemoOptions &options)
{
    if (options.instruments < 0 || options.sites < 0)
        return Error{tr("The demo data needs a count of zero or more."), {}};

    // Demo records stand for server data: mixed into real records they would be taken for
    // them, and their serials could clash.
    auto existing = db.exec(QStringLiteral("demo.check"),
                            QStringLiteral("SELECT (SELECT COUNT(*) FROM instrument) + "
                                           "(SELECT COUNT(*) FROM site)"));
    if (!existing)
        return existing.error();
    if (existing.value().next() && existing.value().value(0).toLongLong() > 0)
        return Error{tr("Demo data can only be added to an empty local store. Start with a new "
                        "data folder to try it."),
                     {}};
    existing = Error{}; // release the statement before the write transaction

    DemoOptions effective = options;
    if (!effective.today.isValid())
        effective.today = shanghaiToday();
    const int siteCount =
        effective.sites > 0 ? effective.sites : std::max(4, effective.instruments / 20);

    QElapsedTimer timer;
    timer.start();
    demo::DemoRandom random(effective.seed);
    DemoSummary summary;
    const QDateTime now(effective.today, QTime(8, 0), QTimeZone(8 * 3600));
    // One record kind after the other, always in the same order, from one random stream:
    // that order is part of what makes a seed reproducible.
    // 100,000 rows touch far more index pages than SQLite's default 2 MB cache holds; with
    // it the transaction spills to the WAL over and over. The cache goes back afterwards.
    QSqlQuery pragma(db.connection());
    const bool cacheRead = pragma.exec(QStringLiteral("PRAGMA cache_size")) && pragma.next();
    const QString oldCache = cacheRead ? pragma.value(0).toString() : QStringLiteral("-2000");
    pragma.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    Status written = db.transaction([&]() -> Status {
        auto sites = demo::writeSites(db, random, siteCount, now);
        if (!sites)
            return sites.error();
        summary.sites = int(sites->size());
        return demo::writeInstruments(db, random, sites.value(), effective, summary);
    });
    pragma.exec(QStringLiteral("PRAGMA cache_size = ") + oldCache);
    if (!written)
        return written.error();
    qCInfo(lcModels) << "demo data:" << summary.instruments << "instruments at" << summary.sites
                     << "sites in" << timer.elapsed() << "ms";
    return summary;
}

QString DemoData::describe(const DemoSummary &s)
{
    return tr("Demo data: %1 instruments at %2 sites. In use: %3 alert, %4 warning, %5 notice, "
              "%6 without warning. %7 incomplete, %8 suspended, %9 scrapped, %10 in the "
              "history library.")
        .arg(s.instruments)
        .arg(s.sites)
        .arg(s.alert)
        .arg(s.warning)
        .arg(s.notice)
        .arg(s.none)
        .arg(s.incomplete)
        .arg(s.suspended)
        .arg(s.scrapped)
        .arg(s.history);
}

} // namespace jl::models
