// The instrument library at the scale of a large charging operator (domain.md §1): opening
// the store and showing the first screen, filtering, sorting and counting warnings over
// 100,000 instruments. Prints the medians as a Markdown table for docs/benchmarks.md.
//
//   bench_library [--instruments N] [--runs N] [--db PATH] [--pragma SQL]...
//
// --pragma runs on every connection after Database::open, to measure a setting before
// proposing it (e.g. --pragma "PRAGMA mmap_size=268435456").
// The store is generated once (deterministic demo data) and reused from PATH, by default
// <temp>/jiliang-bench/library-<N>.db.
#include "models/demo/demodata.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/rules/warninglevel.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace jl::models;

namespace {

const QDate Today(2026, 11, 27); // fixed, so every run sees the same warning levels
constexpr int ScreenRows = 40;

struct Figure {
    QString operation;
    double median = 0;
    double min = 0;
    double max = 0;
    QString target;
};

// Touches what a view paints on the first screen: every column of the first rows.
int showFirstScreen(const InstrumentTableModel &model)
{
    int cells = 0;
    const int rows = std::min(ScreenRows, model.rowCount());
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < InstrumentTableModel::ColumnCount; ++column) {
            const QModelIndex index = model.index(row, column);
            cells += model.data(index, Qt::DisplayRole).isValid();
            cells += model.data(index, Qt::BackgroundRole).isValid();
        }
    }
    return cells;
}

// `prepare` runs untimed before each run; one warm-up run is discarded.
Figure measure(const QString &operation, const QString &target, int runs,
               const std::function<void()> &prepare, const std::function<void()> &work)
{
    QList<double> ms;
    for (int run = 0; run <= runs; ++run) {
        prepare();
        QElapsedTimer timer;
        timer.start();
        work();
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        if (run > 0)
            ms.append(elapsed);
    }
    std::sort(ms.begin(), ms.end());
    return {operation, ms.at(ms.size() / 2), ms.constFirst(), ms.constLast(), target};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("instruments"),
                                         QStringLiteral("Instruments in the store."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Store to (re)use."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption pragmaOption(QStringLiteral("pragma"),
                                          QStringLiteral("Run on each connection after opening."),
                                          QStringLiteral("SQL"));
    parser.addOptions({countOption, runsOption, dbOption, pragmaOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString path =
        parser.isSet(dbOption)
            ? parser.value(dbOption)
            : QDir::temp().filePath(QStringLiteral("jiliang-bench/library-%1.db").arg(count));
    const QStringList pragmas = parser.values(pragmaOption);
    QTextStream out(stdout);
    const auto open = [&pragmas](const QString &file) {
        auto db = Database::open(file);
        for (const QString &pragma : pragmas) {
            if (db)
                (void)db.value()->exec(QStringLiteral("bench.pragma"), pragma);
        }
        return db;
    };

    if (!QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        auto db = Database::open(path);
        if (!db) {
            out << "cannot create " << path << ": " << db.error().message << Qt::endl;
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        auto made = generateDemo(*db.value(), {count, 0, 20261127, Today});
        if (!made) {
            out << "cannot generate: " << made.error().message << " " << made.error().detail
                << Qt::endl;
            QFile::remove(path);
            return 1;
        }
        out << "Generated " << made->instruments << " instruments at " << made->sites
            << " sites in " << timer.elapsed() << " ms (" << path << ")\n\n";
    }

    QList<Figure> figures;
    const auto noop = [] {
    };
    figures.append(measure(QStringLiteral("Open the store and show the first screen"),
                           QStringLiteral("≤ 300 ms"), runs, noop, [&] {
                               auto db = open(path);
                               InstrumentTableModel model(*db.value());
                               model.setToday(Today);
                               model.setFilter({});
                               showFirstScreen(model);
                           }));

    figures.append(measure(QStringLiteral("Database::open alone (integrity check, migrations)"),
                           QStringLiteral("–"), runs, noop, [&] { (void)open(path); }));

    auto opened = open(path);
    if (!opened) {
        out << "cannot open " << path << Qt::endl;
        return 1;
    }
    Database &db = *opened.value();
    InstrumentTableModel model(db);
    model.setToday(Today);
    const auto resetModel = [&] {
        model.sort(InstrumentTableModel::SerialNo, Qt::AscendingOrder);
        model.setFilter({});
        showFirstScreen(model);
    };
    const auto filterBy = [&](auto change) {
        return [&model, change] {
            InstrumentFilter f;
            change(f);
            model.setFilter(f);
            showFirstScreen(model);
        };
    };
    const QString target = QStringLiteral("≤ 50 ms");
    figures.append(measure(QStringLiteral("Filter: name contains 直流 (about a third match)"),
                           target, runs, resetModel,
                           filterBy([](InstrumentFilter &f) { f.name = QStringLiteral("直流"); })));
    figures.append(measure(QStringLiteral("Filter: name contains 血压 (a few percent match)"),
                           target, runs, resetModel,
                           filterBy([](InstrumentFilter &f) { f.name = QStringLiteral("血压"); })));
    figures.append(
        measure(QStringLiteral("Filter: serial number starts with 0001"), target, runs, resetModel,
                filterBy([](InstrumentFilter &f) { f.serialNo = QStringLiteral("0001"); })));
    figures.append(
        measure(QStringLiteral("Filter: warning level 警示"), target, runs, resetModel,
                filterBy([](InstrumentFilter &f) { f.warningLevel = WarningLevel::Alert; })));
    figures.append(
        measure(QStringLiteral("Sort by valid-until date"), target, runs, resetModel, [&] {
            model.sort(InstrumentTableModel::ValidUntil, Qt::AscendingOrder);
            showFirstScreen(model);
        }));
    figures.append(measure(QStringLiteral("Sort by warning level"), target, runs, resetModel, [&] {
        model.sort(InstrumentTableModel::Warning, Qt::DescendingOrder);
        showFirstScreen(model);
    }));
    figures.append(
        measure(QStringLiteral("Scroll to the last screen"), target, runs, resetModel, [&] {
            const int last = model.rowCount() - 1;
            for (int column = 0; column < InstrumentTableModel::ColumnCount; ++column)
                model.data(model.index(last, column));
        }));
    InstrumentStore store(db, QStringLiteral("bench"));
    figures.append(measure(QStringLiteral("Count by warning level (countWarnings)"), target, runs,
                           noop, [&] { (void)store.countWarnings(Today); }));

    out << "| Operation (" << model.totalCount()
        << " active instruments) | Median ms | Min ms | Max ms | Target |\n";
    out << "|---|---:|---:|---:|---|\n";
    for (const Figure &f : figures) {
        out << "| " << f.operation << " | " << QString::number(f.median, 'f', 1) << " | "
            << QString::number(f.min, 'f', 1) << " | " << QString::number(f.max, 'f', 1) << " | "
            << f.target << " |\n";
    }
    out << "\nMedian of " << runs << " runs after one warm-up run";
    if (!pragmas.isEmpty())
        out << ", with " << pragmas.join(QStringLiteral("; "));
    out << ".\n";
    return 0;
}
