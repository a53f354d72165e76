#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace jl::models {

class Database;

struct DemoOptions {
    int instruments = 120;
    int sites = 0; // 0: one site per 20 instruments, at least 4 (one of each kind)
    quint32 seed = 20261127;
    QDate today; // dates are spread around it; invalid = shanghaiToday()
};

// What generateDemo() made, for the message that tells the user.
struct DemoSummary {
    int sites = 0;
    int instruments = 0;
    int history = 0;
    int suspended = 0;
    int scrapped = 0;
    int incomplete = 0;
    // Warning levels of the active, in-use instruments (domain.md §5.1).
    int alert = 0;
    int warning = 0;
    int notice = 0;
    int none = 0;
};

// Fills an empty store with realistic, deterministic Zhejiang demo data (same seed and same
// `today` → the same records, ids included). The records stand for data already on the
// server: rev ≥ 1 and no outbox entries, so nothing is uploaded. One transaction: all or
// nothing. Later record kinds get their own writer beside demosites / demoinstruments.
class DemoData final {
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    static Result<DemoSummary> generate(Database &db, const DemoOptions &options);
    // "Made 120 instruments at 6 sites: …", translated.
    static QString describe(const DemoSummary &summary);
};

inline Result<DemoSummary> generateDemo(Database &db, const DemoOptions &options = {})
{
    return DemoData::generate(db, options);
}

} // namespace jl::models
