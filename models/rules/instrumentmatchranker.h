#pragma once

#include "models/common/result.h"
#include "models/domain/instrument.h"
#include "models/domain/verificationrecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVector>

#include <memory>
#include <optional>

namespace jl::models {

class Database;

// Why an instrument may be the one a verification record describes; shown to the user.
struct MatchReason {
    enum class Kind {
        SameSerial,             // the instrument has the record's serial (linked, not synced)
        SerialCaseOrSeparators, // AB-123 / ab123
        SerialLeadingZeros,     // 000123 / 123
        SerialTransposed,       // two neighbouring characters swapped
        SerialDiffers,          // `count` characters added, removed or replaced
        SerialContains,         // one serial inside the other
        SerialSharesPart,       // `count` consecutive characters in common
        SameName,
        SimilarName,
        SameModel,
        SimilarModel,
        SameLocation,
    };
    Kind kind;
    int count = 0;

    QString text() const; // 出厂编号相差1位, 名称相同 …
    friend bool operator==(const MatchReason &, const MatchReason &) = default;
};

struct MatchCandidate {
    Instrument instrument;
    int confidence = 0; // 0–100
    QList<MatchReason> reasons;

    bool has(MatchReason::Kind kind) const;
    // The reasons joined for a table cell: "出厂编号相差1位，名称相同".
    QString reasonText() const;
};

// For one unmatched verification record, the active instruments it most likely belongs to,
// ranked by a confidence of 0–100 built from the serial (normalised, then Damerau edit
// distance, leading zeros, containment, a long common run), name and model similarity, and
// the install location when the record carries one. A candidate needs some likeness of the
// serial, or the same name together with the same model or location: a name alone is what
// hundreds of instruments share.
//
// Scale: the active serials (rowid and compared form only, read once from the partial index
// on active serials, a few MB at 100,000) are kept until invalidate(); each ranking scans
// them with a capped edit distance, keeps a shortlist, adds the same-name instruments from
// the name index, and reads only those whole (docs/benchmarks.md, bench_matching).
class InstrumentMatchRanker final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentMatchRanker)

public:
    static constexpr int DefaultLimit = 10;
    static constexpr int MinConfidence = 20;

    explicit InstrumentMatchRanker(Database &db);

    // Best first; ties by serial likeness, then serial.
    Result<QList<MatchCandidate>> rank(const VerificationRecord &record,
                                       int limit = DefaultLimit) const;

    // One pair, no database: nullopt when the instrument is no candidate.
    static std::optional<MatchCandidate> score(const VerificationRecord &record,
                                               const Instrument &instrument);

    // Serial as compared: normalised (trimmed, half-width), ASCII upper case, letters and
    // digits only (separators dropped).
    static QString serialKey(const QString &serial);
    // Optimal string alignment distance (Damerau: insert, delete, replace, swap neighbours),
    // or `cap` + 1 as soon as it must exceed `cap`.
    static int editDistance(QStringView a, QStringView b, int cap = 64);
    // Drops the kept serials: call after the library changed (a write, a sync).
    void invalidate() { m_serials.reset(); }

private:
    struct Serials {
        QVector<qint64> rowids;
        QStringList serials; // as stored
        QStringList keys;    // serialKey()
    };
    Result<bool> loadSerials() const;

    Database &m_db;
    mutable std::shared_ptr<const Serials> m_serials;
};

} // namespace jl::models
