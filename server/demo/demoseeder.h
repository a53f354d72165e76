#pragma once

#include "server/core/outcome.h"

#include <QStringList>

namespace jl::server {

class ConnectionPool;
struct Settings;

// `jiliang-server --demo`: Zhejiang demo data in an empty database — a fuel-station chain
// (3 stations, 40 dispensers) and a charging operator (50 stations, 2,000 meters) with
// contacts, verification records (some unmatched), and the institutions of the province;
// with --demo-scale N, a third enterprise with N instruments for benchmarks. No default
// passwords: each run gives the demo accounts fresh random ones and prints them, with an
// admin credential.
class DemoSeeder final {
public:
    DemoSeeder(ConnectionPool &pool, const Settings &settings);
    // The lines to print.
    Outcome<QStringList> run(int scale);

private:
    struct Enterprise;
    Outcome<QString> ensure(const Enterprise &e, int instruments, QStringList &lines);
    Done loadInstitutions();

    ConnectionPool &m_pool;
    const Settings &m_settings;
};

} // namespace jl::server
