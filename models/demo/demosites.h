#pragma once

#include "models/common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace jl::models {
class Database;
}

namespace jl::models::demo {

class DemoRandom;

// A generated site, with what its instruments take from it.
struct DemoSite {
    QString id;
    QString kind; // fuel | charging | shop | other
    QString name;
    QString address;
    QString divisionCode; // street level, 9 digits
    QString userUnit;     // the company that runs the site
    QString institution;  // the city's verification institution
    int nextPosition = 1; // numbers the instruments installed there (1号加油机 …)
};

// Writes `count` sites (fuel stations, charging stations, markets, clinics) and returns them.
// The first four are one of each kind, so every kind exists however few are asked for.
Result<QList<DemoSite>> writeSites(Database &db, DemoRandom &random, int count,
                                   const QDateTime &now);

} // namespace jl::models::demo
