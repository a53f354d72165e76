// 未匹配检定记录处理 at the scale of a large charging operator: ranking the likely
// instruments of one unmatched verification record among 100,000 instruments, and loading
// the unmatched list. The records are made from real instruments of the store with the
// mistakes seen on certificates (a character replaced, neighbours swapped, one dropped or
// added, leading zeros, separators, a wholly wrong serial); the bench also reports how often
// the instrument the record was made from ranks first, and in the first five.
//
//   bench_matching [--instruments N] [--records N] [--extra N] [--db PATH]
//
// The store is generated once (deterministic demo data) and reused from PATH, by default
// <temp>/jiliang-bench/matching-<N>.db (never the library bench's file: records are added).
#include "models/demo/demodata.h"
#include "models/domain/verificationrecord.h"
#include "models/itemmodels/unmatchedrecordmodel.h"
#include "models/rules/instrumentmatchranker.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <random>

using namespace jl::models;

namespace {

const QDate Today(2026, 11, 27);

enum class Mistake { Replaced, Swapped, Dropped, Added, LeadingZeros, Separators, WhollyWrong };
constexpr int MistakeCount = 7;

QString mistaken(const QString &serial, Mistake mistake, std::mt19937 &random)
{
    QString s = serial;
    const auto at = [&](qsizetype size) {
        return qsizetype(std::uniform_int_distribution<int>(0, int(size) - 1)(random));
    };
    switch (mistake) {
    case Mistake::Replaced: {
        const qsizetype i = at(s.size());
        s[i] = s[i] == QLatin1Char('7') ? QLatin1Char('1') : QLatin1Char('7');
        break;
    }
    case Mistake::Swapped: {
        // Neighbours that differ, or the swap would change nothing.
        for (int tries = 0; tries < 20; ++tries) {
            const qsizetype i = at(s.size() - 1);
            if (s[i] != s[i + 1]) {
                std::swap(s[i], s[i + 1]);
                break;
            }
        }
        break;
    }
    case Mistake::Dropped:
        s.remove(at(s.size()), 1);
        break;
    case Mistake::Added:
        s.insert(at(s.size()), QLatin1Char('8'));
        break;
    case Mistake::LeadingZeros:
        s.prepend(QStringLiteral("00"));
        break;
    case Mistake::Separators:
        s.insert(s.size() / 2, QLatin1Char('-'));
        break;
    case Mistake::WhollyWrong:
        s = QStringLiteral("X%1").arg(std::uniform_int_distribution<int>(0, 99999999)(random));
        break;
    }
    return s;
}

double percentile(QList<double> ms, double p)
{
    std::sort(ms.begin(), ms.end());
    return ms.isEmpty() ? 0 : ms.at(std::min(ms.size() - 1, qsizetype(p * double(ms.size()))));
}

struct Made {
    VerificationRecord record;
    QString instrumentId;
    Mistake mistake;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("instruments"),
                                         QStringLiteral("Instruments in the store."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption recordsOption(QStringLiteral("records"),
                                           QStringLiteral("Mistaken records ranked."),
                                           QStringLiteral("N"), QStringLiteral("700"));
    const QCommandLineOption extraOption(QStringLiteral("extra"),
                                         QStringLiteral("Unmatched records in the list."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Store to (re)use."),
                                      QStringLiteral("PATH"));
    parser.addOptions({countOption, recordsOption, extraOption, dbOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int records = std::max(MistakeCount, parser.value(recordsOption).toInt());
    const int extra = parser.value(extraOption).toInt();
    const QString path =
        parser.isSet(dbOption)
            ? parser.value(dbOption)
            : QDir::temp().filePath(QStringLiteral("jiliang-bench/matching-%1.db").arg(count));
    QTextStream out(stdout);

    if (!QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        auto db = Database::open(path);
        if (!db) {
            out << "cannot create " << path << ": " << db.error().message << Qt::endl;
            return 1;
        }
        auto made = generateDemo(*db.value(), {count, 0, 20261127, Today});
        if (!made) {
            out << "cannot generate: " << made.error().message << Qt::endl;
            QFile::remove(path);
            return 1;
        }
    }
    auto opened = Database::open(path);
    if (!opened) {
        out << "cannot open " << path << Qt::endl;
        return 1;
    }
    Database &db = *opened.value();

    // Instruments to make records from: spread over the library, deterministic.
    auto q = db.exec(QStringLiteral("bench.instruments"),
                     QStringLiteral("SELECT ") + instrumentrow::columns() +
                         QStringLiteral(" FROM instrument WHERE lifecycle = 'active' AND "
                                        "deleted = 0 ORDER BY rowid"));
    QList<Instrument> active;
    while (q && q.value().next())
        active.append(instrumentrow::fromQuery(q.value()));
    std::mt19937 random(20261127);
    QList<Made> made;
    for (int n = 0; n < records && !active.isEmpty(); ++n) {
        const Instrument &i = active.at(qsizetype(random() % quint32(active.size())));
        const auto mistake = Mistake(n % MistakeCount);
        VerificationRecord r;
        r.certificateNo = QStringLiteral("BENCH-%1").arg(n);
        r.serialNo = mistaken(i.serialNo, mistake, random);
        r.instrumentName = i.name;
        r.model = i.model;
        made.append({r, i.id, mistake});
    }

    // Ranking: every record once after one warm-up.
    const InstrumentMatchRanker ranker(db);
    (void)ranker.rank(made.constFirst().record);
    QList<double> all;
    QList<double> byMistake[MistakeCount];
    int first[MistakeCount] = {};
    int topFive[MistakeCount] = {};
    int total[MistakeCount] = {};
    for (const Made &m : std::as_const(made)) {
        QElapsedTimer timer;
        timer.start();
        const auto ranked = ranker.rank(m.record);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        all.append(ms);
        const int k = int(m.mistake);
        byMistake[k].append(ms);
        ++total[k];
        if (!ranked)
            continue;
        for (qsizetype n = 0; n < ranked->size(); ++n) {
            if (ranked->at(n).instrument.id != m.instrumentId)
                continue;
            first[k] += n == 0 ? 1 : 0;
            topFive[k] += n < 5 ? 1 : 0;
        }
    }

    // The unmatched list: `extra` records besides, loaded whole.
    const bool fill = db.meta(QStringLiteral("bench.unmatched")).toInt() != extra;
    if (fill) {
        (void)db.transaction([&]() -> jl::models::Status {
            (void)db.exec(QStringLiteral("bench.clear"),
                          QStringLiteral("DELETE FROM verification_record"));
            for (int n = 0; n < extra; ++n) {
                auto w = db.exec(
                    QStringLiteral("bench.record"),
                    QStringLiteral("INSERT INTO verification_record (id, updated_at, "
                                   "certificate_no, serial_no, instrument_name, institution, "
                                   "verified_at, valid_until, result) VALUES (?, '', ?, ?, ?, "
                                   "?, ?, ?, 'pass')"),
                    QVariantList{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("C%1").arg(n), QStringLiteral("U%1").arg(n * 7919),
                                 QStringLiteral("电子计价秤"), QStringLiteral("杭州市计量院"),
                                 Today.addDays(-(n % 365)).toString(Qt::ISODate),
                                 Today.addDays(365 - (n % 365)).toString(Qt::ISODate)});
                if (!w)
                    return w.error();
            }
            return db.setMeta(QStringLiteral("bench.unmatched"), QString::number(extra));
        });
    }
    QList<double> loads;
    for (int run = 0; run <= 10; ++run) {
        QElapsedTimer timer;
        timer.start();
        UnmatchedRecordModel model(db);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (run > 0 && model.rowCount() >= 0)
            loads.append(ms);
    }

    static const char *names[MistakeCount] = {"one character replaced", "neighbours swapped",
                                              "one character dropped",  "one character added",
                                              "leading zeros added",    "separator added",
                                              "wholly wrong serial"};
    out << "| Ranking the likely instruments (" << active.size()
        << " active instruments) | Records | Median ms | p95 ms | Max ms | Right one first | "
           "In the first five |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|\n";
    for (int k = 0; k < MistakeCount; ++k) {
        out << "| " << names[k] << " | " << total[k] << " | "
            << QString::number(percentile(byMistake[k], 0.5), 'f', 1) << " | "
            << QString::number(percentile(byMistake[k], 0.95), 'f', 1) << " | "
            << QString::number(percentile(byMistake[k], 1.0), 'f', 1) << " | " << first[k] << " | "
            << topFive[k] << " |\n";
    }
    out << "| all | " << all.size() << " | " << QString::number(percentile(all, 0.5), 'f', 1)
        << " | " << QString::number(percentile(all, 0.95), 'f', 1) << " | "
        << QString::number(percentile(all, 1.0), 'f', 1) << " | | |\n\n";
    out << "Unmatched list of " << extra << " records loaded whole: median "
        << QString::number(percentile(loads, 0.5), 'f', 1) << " ms, max "
        << QString::number(percentile(loads, 1.0), 'f', 1) << " ms (10 runs).\n";
    return 0;
}
