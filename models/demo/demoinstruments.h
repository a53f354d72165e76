#pragma once

#include "models/common/result.h"
#include "models/demo/demodata.h"
#include "models/demo/demosites.h"

#include <QList>

namespace jl::models::demo {

class DemoRandom;

// Writes options.instruments instruments at the given sites and counts them into `summary`.
// The first ten cover every case (each warning level, incomplete, suspended, scrapped,
// history); the rest are drawn with realistic frequencies.
Status writeInstruments(Database &db, DemoRandom &random, QList<DemoSite> &sites,
                        const DemoOptions &options, DemoSummary &summary);

} // namespace jl::models::demo
