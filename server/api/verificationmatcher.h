#pragma once

#include "server/core/outcome.h"
#include "server/storage/storedrecord.h"

#include <QList>

namespace jl::server {

class RecordStore;

// domain.md §3: verification records are matched to instruments by serial number when they
// arrive and again whenever an instrument's serial number is created or changed. A matched
// record updates the instrument's result, last verification date, validity and institution,
// unless the instrument already holds a newer verification.
class VerificationMatcher final {
public:
    static constexpr auto Instruments = "instruments";
    static constexpr auto Records = "verificationRecords";

    // Does the instrument's serial differ from before (created, changed, restored to active)?
    static bool needsMatching(const StoredRecord &instrument,
                              const std::optional<StoredRecord> &before);
    // Newest verification first: the one whose results an instrument takes.
    static void sortNewestFirst(QList<StoredRecord> &records);
    // Copies a record's results into the instrument's data when not older than what it has.
    static bool applyTo(StoredRecord &instrument, const StoredRecord &verification);
    // Links the records to the instrument and stores them.
    static Done link(RecordStore &store, const QList<StoredRecord> &records,
                     const QString &instrumentId);
    // A newly arrived record (not yet stored): links it to the active instrument with its
    // serial if there is one and updates that instrument. Stores both.
    static Outcome<StoredRecord> arrive(RecordStore &store, StoredRecord record);
};

} // namespace jl::server
