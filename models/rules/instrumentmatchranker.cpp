#include "models/rules/instrumentmatchranker.h"

#include "models/common/logging.h"
#include "models/domain/instrumentvalidator.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <vector>

namespace jl::models {

namespace {

// Points out of 100 for each kind of likeness. An exact serial is 100 on its own; the rest
// add up to at most 99, so that only the instrument that has the serial shows 100.
constexpr int CaseOrSeparatorsPoints = 70;
constexpr int LeadingZerosPoints = 68;
constexpr int TransposedPoints = 66;
constexpr int OneOffPoints = 62;
constexpr int TwoOffPoints = 48;
constexpr int ContainsPoints = 44;
constexpr int ThreeOffPoints = 34;
constexpr int SharesPartPoints = 30;
constexpr int SameNamePoints = 15;
constexpr int SimilarNamePoints = 8;
constexpr int SameModelPoints = 10;
constexpr int SimilarModelPoints = 5;
constexpr int SameLocationPoints = 5;

// How many of the closest serials are read whole before the final scoring.
constexpr int SerialShortlistFactor = 3;

struct SerialLikeness {
    int points = 0;
    std::optional<MatchReason> reason;
};

bool swappedNeighbours(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    qsizetype first = -1;
    int differences = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) {
            if (++differences > 2)
                return false;
            if (first < 0)
                first = i;
        }
    }
    return differences == 2 && first + 1 < a.size() && a[first] == b[first + 1] &&
           a[first + 1] == b[first] && a[first] != a[first + 1];
}

QStringView withoutLeadingZeros(QStringView s)
{
    qsizetype n = 0;
    while (n < s.size() && s[n] == QLatin1Char('0'))
        ++n;
    return s.mid(n);
}

// Rows of a dynamic-programming table: on the stack for serial-sized strings, swapped by
// pointer (swapping the arrays themselves would copy them, once per row).
class Rows {
public:
    Rows(qsizetype width, int count)
        : m_width(width + 1)
    {
        if (m_width * count > qsizetype(m_stack.size())) {
            m_heap.resize(size_t(m_width * count));
            m_data = m_heap.data();
        }
    }
    int *row(int n) { return m_data + n * m_width; }

private:
    qsizetype m_width;
    std::array<int, 3 * 72> m_stack; // written before it is read: no zeroing per call
    std::vector<int> m_heap;
    int *m_data = m_stack.data();
};

int longestCommonRun(QStringView a, QStringView b)
{
    Rows rows(b.size(), 2);
    int *prev = rows.row(0);
    int *cur = rows.row(1);
    std::fill(prev, prev + b.size() + 1, 0);
    cur[0] = 0;
    int best = 0;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        const QChar c = a[i - 1];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            cur[j] = c == b[j - 1] ? prev[j - 1] + 1 : 0;
            best = std::max(best, cur[j]);
        }
        std::swap(prev, cur);
    }
    return best;
}

// The serial part of the score, on keys (serialKey()).
SerialLikeness serialLikeness(QStringView a, QStringView b)
{
    using K = MatchReason::Kind;
    if (a.isEmpty() || b.isEmpty())
        return {};
    if (a == b)
        return {CaseOrSeparatorsPoints, MatchReason{K::SerialCaseOrSeparators}};
    const QStringView za = withoutLeadingZeros(a);
    if (!za.isEmpty() && za == withoutLeadingZeros(b))
        return {LeadingZerosPoints, MatchReason{K::SerialLeadingZeros}};
    const qsizetype shorter = std::min(a.size(), b.size());
    const qsizetype longer = std::max(a.size(), b.size());
    const int d = InstrumentMatchRanker::editDistance(a, b, 3);
    // One character is a typo on any serial; more only on serials long enough that the rest
    // still says something.
    if (d == 1)
        return swappedNeighbours(a, b)
                   ? SerialLikeness{TransposedPoints, MatchReason{K::SerialTransposed}}
                   : SerialLikeness{OneOffPoints, MatchReason{K::SerialDiffers, 1}};
    if (d == 2 && shorter >= 6)
        return {TwoOffPoints, MatchReason{K::SerialDiffers, 2}};
    if (shorter >= 4 && (a.contains(b) || b.contains(a)))
        return {ContainsPoints, MatchReason{K::SerialContains}};
    if (d == 3 && shorter >= 9)
        return {ThreeOffPoints, MatchReason{K::SerialDiffers, 3}};
    // A long run in common (a prefix typed twice, a block of digits moved): at least 4
    // characters and three fifths of the longer serial, so that a shared year is not enough.
    if (shorter * 5 < longer * 3)
        return {};
    // A run of `needed` characters covers at least one whole aligned piece of a of
    // (needed + 1) / 2 characters: when no such piece is in b, there is no such run, and the
    // table of longestCommonRun() is spared (most serials of a library end here).
    const qsizetype needed = std::max<qsizetype>(4, (longer * 3 + 4) / 5);
    const qsizetype piece = (needed + 1) / 2;
    bool pieceShared = false;
    for (qsizetype at = 0; at + piece <= a.size() && !pieceShared; at += piece)
        pieceShared = b.contains(a.mid(at, piece));
    if (!pieceShared)
        return {};
    const int run = longestCommonRun(a, b);
    if (run >= needed)
        return {SharesPartPoints, MatchReason{K::SerialSharesPart, run}};
    return {};
}

// Names and locations: trimmed text, equal or one inside the other.
enum class Likeness { None, Similar, Same };
Likeness textLikeness(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return Likeness::None;
    if (a == b)
        return Likeness::Same;
    if (std::min(a.size(), b.size()) >= 2 && (a.contains(b) || b.contains(a)))
        return Likeness::Similar;
    return Likeness::None;
}

// Models compare like serials: DTZY-1234 and dtzy1234 are the same model.
QString modelKey(const QString &model)
{
    return InstrumentMatchRanker::serialKey(model);
}

bool better(const MatchCandidate &a, int distanceA, const MatchCandidate &b, int distanceB)
{
    if (a.confidence != b.confidence)
        return a.confidence > b.confidence;
    if (distanceA != distanceB)
        return distanceA < distanceB;
    return a.instrument.serialNo < b.instrument.serialNo;
}

} // namespace

QString MatchReason::text() const
{
    using K = Kind;
    switch (kind) {
    case K::SameSerial:
        return InstrumentMatchRanker::tr("Same serial number (waiting for sync)");
    case K::SerialCaseOrSeparators:
        return InstrumentMatchRanker::tr("Serial number differs only in case or separators");
    case K::SerialLeadingZeros:
        return InstrumentMatchRanker::tr("Serial number differs only in leading zeros");
    case K::SerialTransposed:
        return InstrumentMatchRanker::tr("Two neighbouring characters of the serial number "
                                         "swapped");
    case K::SerialDiffers:
        return InstrumentMatchRanker::tr("Serial number differs in %n character(s)", nullptr,
                                         count);
    case K::SerialContains:
        return InstrumentMatchRanker::tr("One serial number contains the other");
    case K::SerialSharesPart:
        return InstrumentMatchRanker::tr("Serial numbers share %n consecutive character(s)",
                                         nullptr, count);
    case K::SameName:
        return InstrumentMatchRanker::tr("Same name");
    case K::SimilarName:
        return InstrumentMatchRanker::tr("Similar name");
    case K::SameModel:
        return InstrumentMatchRanker::tr("Same model");
    case K::SimilarModel:
        return InstrumentMatchRanker::tr("Similar model");
    case K::SameLocation:
        return InstrumentMatchRanker::tr("Same install location");
    }
    return {};
}

bool MatchCandidate::has(MatchReason::Kind kind) const
{
    return std::any_of(reasons.cbegin(), reasons.cend(),
                       [kind](const MatchReason &r) { return r.kind == kind; });
}

QString MatchCandidate::reasonText() const
{
    QStringList texts;
    for (const MatchReason &r : reasons)
        texts.append(r.text());
    return texts.join(InstrumentMatchRanker::tr(", "));
}

InstrumentMatchRanker::InstrumentMatchRanker(Database &db)
    : m_db(db)
{}

QString InstrumentMatchRanker::serialKey(const QString &serial)
{
    const QString normalized = InstrumentValidator::normalizedSerial(serial);
    QString key;
    key.reserve(normalized.size());
    for (const QChar c : normalized) {
        if (c.isLetterOrNumber())
            key += c.toUpper();
    }
    return key;
}

int InstrumentMatchRanker::editDistance(QStringView a, QStringView b, int cap)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > cap)
        return cap + 1;
    if (n == 0 || m == 0)
        return int(std::max(n, m));
    // Three rows of the optimal-string-alignment table: the row before the previous one
    // holds what a swap of neighbours builds on.
    Rows rows(m, 3);
    int *older = rows.row(0);
    int *prev = rows.row(1);
    int *cur = rows.row(2);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, older[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        // No cell of a later row is smaller than the smallest of this one.
        if (rowMin > cap)
            return cap + 1;
        int *recycled = older;
        older = prev;
        prev = cur;
        cur = recycled;
    }
    return std::min(prev[m], cap + 1);
}

std::optional<MatchCandidate> InstrumentMatchRanker::score(const VerificationRecord &record,
                                                           const Instrument &instrument)
{
    using K = MatchReason::Kind;
    MatchCandidate c;
    c.instrument = instrument;
    int points = 0;
    bool serialLike = false;

    const QString serial = InstrumentValidator::normalizedSerial(record.serialNo);
    const bool sameSerial = !serial.isEmpty() && serial == instrument.serialNo;
    if (sameSerial) {
        c.reasons.append({K::SameSerial});
        serialLike = true;
    } else {
        const SerialLikeness s =
            serialLikeness(serialKey(record.serialNo), serialKey(instrument.serialNo));
        if (s.reason) {
            c.reasons.append(*s.reason);
            points += s.points;
            serialLike = true;
        }
    }

    const Likeness name = textLikeness(InstrumentValidator::trimmed(record.instrumentName),
                                       InstrumentValidator::trimmed(instrument.name));
    if (name == Likeness::Same) {
        c.reasons.append({K::SameName});
        points += SameNamePoints;
    } else if (name == Likeness::Similar) {
        c.reasons.append({K::SimilarName});
        points += SimilarNamePoints;
    }
    const Likeness model = textLikeness(modelKey(record.model), modelKey(instrument.model));
    if (model == Likeness::Same) {
        c.reasons.append({K::SameModel});
        points += SameModelPoints;
    } else if (model == Likeness::Similar) {
        c.reasons.append({K::SimilarModel});
        points += SimilarModelPoints;
    }
    const Likeness place = textLikeness(InstrumentValidator::trimmed(record.location),
                                        InstrumentValidator::trimmed(instrument.installLocation));
    if (place != Likeness::None) {
        c.reasons.append({K::SameLocation});
        points += SameLocationPoints;
    }

    if (sameSerial) {
        c.confidence = 100;
        return c;
    }
    const bool qualifies = serialLike || (name == Likeness::Same &&
                                          (model == Likeness::Same || place != Likeness::None));
    c.confidence = std::min(points, 99);
    if (!qualifies || c.confidence < MinConfidence)
        return std::nullopt;
    return c;
}

Result<bool> InstrumentMatchRanker::loadSerials() const
{
    if (m_serials)
        return true;
    // The partial index holds both: no table row is read.
    auto q = m_db.exec(QStringLiteral("model.match.serials"),
                       QStringLiteral("SELECT rowid, serial_no FROM instrument INDEXED BY "
                                      "instrument_active_serial WHERE lifecycle = 'active' AND "
                                      "deleted = 0"));
    if (!q)
        return q.error();
    auto serials = std::make_shared<Serials>();
    while (q.value().next()) {
        const QString serial = q.value().value(1).toString();
        serials->rowids.append(q.value().value(0).toLongLong());
        serials->keys.append(serialKey(serial));
        serials->serials.append(serial);
    }
    m_serials = std::move(serials);
    return true;
}

Result<QList<MatchCandidate>> InstrumentMatchRanker::rank(const VerificationRecord &record,
                                                          int limit) const
{
    QElapsedTimer timer;
    timer.start();
    const QString key = serialKey(record.serialNo);
    const QString exact = InstrumentValidator::normalizedSerial(record.serialNo);
    const int shortlist = std::max(1, limit) * SerialShortlistFactor;

    // 1. Serials: the kept active serials scanned; the closest make a shortlist.
    struct Near {
        qint64 rowid;
        int points;
        int distance;
    };
    QList<Near> near;
    if (!key.isEmpty()) {
        if (auto loaded = loadSerials(); !loaded)
            return loaded.error();
        const Serials &all = *m_serials;
        for (qsizetype n = 0; n < all.keys.size(); ++n) {
            const QString &other = all.keys.at(n);
            const int points = all.serials.at(n) == exact ? 100 : serialLikeness(key, other).points;
            if (points > 0)
                near.append({all.rowids.at(n), points, editDistance(key, other, 8)});
        }
        std::sort(near.begin(), near.end(), [](const Near &a, const Near &b) {
            return a.points != b.points ? a.points > b.points : a.distance < b.distance;
        });
        if (near.size() > shortlist)
            near.resize(shortlist);
    }

    QSet<qint64> rowids;
    for (const Near &n : near)
        rowids.insert(n.rowid);

    // 2. The same name (the name index), those of the same model first: candidates when the
    //    serial was typed wholly wrong.
    const QString name = InstrumentValidator::trimmed(record.instrumentName);
    if (!name.isEmpty()) {
        auto q = m_db.exec(
            QStringLiteral("model.match.names"),
            QStringLiteral("SELECT rowid FROM instrument INDEXED BY instrument_lifecycle_name "
                           "WHERE lifecycle = 'active' AND deleted = 0 AND name = ? "
                           "ORDER BY (model = ?) DESC, rowid LIMIT ?"),
            QVariantList{name, InstrumentValidator::trimmed(record.model), shortlist});
        if (!q)
            return q.error();
        while (q.value().next())
            rowids.insert(q.value().value(0).toLongLong());
    }

    // 3. The shortlist read whole and scored.
    QList<MatchCandidate> ranked;
    QHash<QString, int> distances;
    if (!rowids.isEmpty()) {
        QString marks;
        QVariantList binds;
        for (const qint64 rowid : std::as_const(rowids)) {
            marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(",?");
            binds.append(rowid);
        }
        auto q = m_db.exec(QStringLiteral("model.match.rows"),
                           QStringLiteral("SELECT ") + instrumentrow::columns() +
                               QStringLiteral(" FROM instrument WHERE rowid IN (") + marks +
                               QLatin1Char(')'),
                           binds);
        if (!q)
            return q.error();
        while (q.value().next()) {
            const Instrument instrument = instrumentrow::fromQuery(q.value());
            if (auto c = score(record, instrument)) {
                distances.insert(instrument.id,
                                 editDistance(key, serialKey(instrument.serialNo), 8));
                ranked.append(std::move(*c));
            }
        }
    }
    std::sort(ranked.begin(), ranked.end(), [&](const MatchCandidate &a, const MatchCandidate &b) {
        return better(a, distances.value(a.instrument.id), b, distances.value(b.instrument.id));
    });
    if (ranked.size() > limit)
        ranked.resize(std::max(0, limit));
    qCDebug(lcModels) << "match candidates for" << record.serialNo << ":" << ranked.size() << "of"
                      << near.size() << "near serials in" << timer.elapsed() << "ms";
    return ranked;
}

} // namespace jl::models
