#pragma once

#include "server/core/outcome.h"

#include <QDate>
#include <QString>

namespace jl::models::demo {
class DemoRandom;
}

namespace jl::server {

class RecordStore;

// Realistic Zhejiang demo records for one enterprise, drawn from the client's demo catalogue
// (models/demo/democatalogue: real streets, roads, instrument models, charging platforms,
// institutions) with a seeded random source, so the same seed gives the same data.
class DemoGenerator final {
public:
    enum class Kind { FuelChain, ChargingOperator, Benchmark };
    struct Profile {
        Kind kind = Kind::FuelChain;
        QString enterpriseName;
        int sites = 3;
        int instruments = 40;
        int unmatchedRecords = 0; // verification records whose serial matches nothing
    };
    struct Made {
        int sites = 0;
        int contacts = 0;
        int instruments = 0;
        int verificationRecords = 0;
        int unmatched = 0;
    };

    DemoGenerator(models::demo::DemoRandom &random, QDate today);
    Outcome<Made> populate(RecordStore &store, const Profile &profile);

private:
    struct Site {
        QString id;
        QString address;
        QString divisionCode;
        QString institution;
        int positions = 0;
    };
    Outcome<Site> writeSite(RecordStore &store, const Profile &profile, int index);
    Done writeContacts(RecordStore &store, Made &made);
    Done writeInstrument(RecordStore &store, const Profile &profile, Site &site, int index,
                         Made &made);
    QString serialFor(int kindIndex, int index);
    QString uuid();

    models::demo::DemoRandom &m_random;
    QDate m_today;
};

} // namespace jl::server
