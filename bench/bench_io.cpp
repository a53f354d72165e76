// Spreadsheets at the scale of a large operator (issue 5): 100,000 instruments exported to
// .xlsx and .csv, and the .xlsx imported end to end (read, validate, store with outbox in one
// transaction) into an empty library; the read alone is timed apart. Peak memory is the
// process's high-water mark over each operation (Linux: reset through
// /proc/self/clear_refs, read from VmHWM). With --peers the same file goes through
// LibreOffice headless (xlsx → csv) and the same rows through python3-xlsxwriter, and the
// ratios are printed. The last row puts the rows the import wrote through SQLite alone, the floor
// under the import's storing side (storefloor.h). Prints Markdown for docs/benchmarks.md.
//
//   bench_io [--rows N] [--runs N] [--peers] [--keep]
#include "io/import/instrumentexport.h"
#include "io/import/instrumentimport.h"
#include "io/sheet/sheetreader.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"

#include "procstats.h"
#include "storefloor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

#include <algorithm>
#include <ctime>
#include <functional>

using namespace jl::io;
using namespace jl::models;
using namespace jl::bench;

namespace {

struct Figure {
    QString operation;
    double median = 0;
    double min = 0;
    double max = 0;
    double peakMb = 0;
    double cpuMs = 0; // the process's CPU time, median: steadier than wall time on a shared machine
    // The calling thread's CPU time, median: with the import's reading on a second thread this
    // is the storing side, so on an idle 2-core machine the wall time is about
    // max(thread, cpu - thread).
    double threadMs = 0;
};

Figure measure(const QString &operation, int runs, const std::function<void()> &prepare,
               const std::function<void()> &work)
{
    QList<double> ms;
    QList<double> cpu;
    QList<double> thread;
    double peak = 0;
    for (int run = 0; run <= runs; ++run) {
        prepare();
        resetPeak();
        QElapsedTimer timer;
        timer.start();
        const std::clock_t started = std::clock();
        const double threadStarted = threadCpuMs();
        work();
        const double threadUsed = threadCpuMs() - threadStarted;
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        const double used = double(std::clock() - started) * 1000.0 / CLOCKS_PER_SEC;
        peak = std::max(peak, peakMegabytes());
        if (run > 0) {
            ms.append(elapsed);
            cpu.append(used);
            thread.append(threadUsed);
        }
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    std::sort(thread.begin(), thread.end());
    return {operation,
            ms.at(ms.size() / 2),
            ms.constFirst(),
            ms.constLast(),
            peak,
            cpu.at(cpu.size() / 2),
            thread.at(thread.size() / 2)};
}

// Deterministic rows: 14 filled columns of the export.
QList<Instrument> makeRows(int n)
{
    const QStringList names{QStringLiteral("燃油加油机"), QStringLiteral("直流充电桩电能表"),
                            QStringLiteral("交流充电桩电能表"), QStringLiteral("电子计价秤")};
    QList<Instrument> rows;
    rows.reserve(n);
    for (int k = 0; k < n; ++k) {
        Instrument i;
        i.serialNo = QStringLiteral("%1").arg(k, 10, 10, QLatin1Char('0'));
        i.name = names.at(k % names.size());
        i.category = i.name;
        i.model = QStringLiteral("JL-%1").arg(k % 97);
        i.measuringRange = QStringLiteral("(5-50)L/min");
        i.accuracyClass = QStringLiteral("0.3级");
        i.manufacturer = QStringLiteral("某某计量设备有限公司");
        i.productionDate = QDate(2018, 1, 1).addDays(k % 1500);
        i.userUnit = QStringLiteral("某某能源有限公司第%1站").arg(k % 5000);
        i.installLocation = QStringLiteral("杭州市西湖区文三路%1号").arg(k % 800);
        i.installDate = i.productionDate.addDays(30);
        i.status = k % 20 ? InstrumentStatus::InUse : InstrumentStatus::Suspended;
        i.verificationPeriodMonths = k % 2 ? 6 : 12;
        i.remarks = k % 3 ? QString() : QStringLiteral("第%1行").arg(k);
        rows.append(i);
    }
    return rows;
}

double runPeer(const QString &program, const QStringList &args, int runs)
{
    QList<double> ms;
    for (int run = 0; run <= runs; ++run) {
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(program, args);
        if (!p.waitForFinished(600000) || p.exitCode() != 0)
            return -1;
        if (run > 0)
            ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption peersOption(QStringLiteral("peers"),
                                         QStringLiteral("Also time LibreOffice and xlsxwriter."));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the files made (prints where)."));
    parser.addOptions({rowsOption, runsOption, peersOption, keepOption});
    parser.process(app);
    const int count = parser.value(rowsOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTextStream out(stdout);
    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet(keepOption));
    if (parser.isSet(keepOption))
        out << "Files in " << dir.path() << "\n";
    const QString xlsx = dir.filePath(QStringLiteral("在用计量器具.xlsx"));
    const QString csv = dir.filePath(QStringLiteral("在用计量器具.csv"));
    const auto fail = [&out](const QString &what, const Error &e) {
        out << what << ": " << e.message << " " << e.detail << Qt::endl;
        std::exit(1);
    };

    QList<Figure> figures;
    const auto noop = [] {
    };
    {
        const QList<Instrument> rows = makeRows(count);
        figures.append(measure(QStringLiteral("Export to .xlsx"), runs, noop, [&] {
            if (Status s = InstrumentExport::write(xlsx, rows); !s)
                fail(QStringLiteral("export"), s.error());
        }));
        figures.append(measure(QStringLiteral("Export to .csv"), runs, noop, [&] {
            if (Status s = InstrumentExport::write(csv, rows); !s)
                fail(QStringLiteral("export"), s.error());
        }));
    }
    figures.append(measure(QStringLiteral("Read the .xlsx (reader only)"), runs, noop, [&] {
        qint64 cells = 0;
        const Status s = SheetReader::read(xlsx, [&cells](const SheetRow &row) -> Status {
            cells += row.cells.size();
            return {};
        });
        if (!s)
            fail(QStringLiteral("read"), s.error());
    }));
    std::unique_ptr<Database> db;
    int run = 0;
    // The import's commit leaves its pages in the WAL for the caller to checkpoint after
    // answering (the window on a pool thread, the command line after printing): timed here
    // on its own, outside the import's figure, and printed beside it.
    QList<double> checkpointMs;
    const auto checkpointLast = [&] {
        if (!db)
            return;
        QElapsedTimer timer;
        timer.start();
        if (Status s = db->checkpoint(); !s)
            fail(QStringLiteral("checkpoint"), s.error());
        checkpointMs.append(double(timer.nsecsElapsed()) / 1e6);
    };
    const auto freshStore = [&] {
        checkpointLast();
        db.reset();
        const QString path = dir.filePath(QStringLiteral("import-%1.db").arg(run++));
        auto opened = Database::open(path);
        if (!opened)
            fail(QStringLiteral("open"), opened.error());
        db = std::move(opened).value();
    };
    figures.append(measure(QStringLiteral("Import the .xlsx end to end"), runs, freshStore, [&] {
        InstrumentStore store(*db, QStringLiteral("bench"));
        auto report = InstrumentImport::run(xlsx, &store);
        if (!report)
            fail(QStringLiteral("import"), report.error());
        if (report->created != count)
            fail(QStringLiteral("import"),
                 Error{QStringLiteral("created %1").arg(report->created), {}});
    }));
    checkpointLast();
    checkpointMs.removeFirst(); // the warm-up's
    std::sort(checkpointMs.begin(), checkpointMs.end());
    const double checkpointMedian = checkpointMs.at(checkpointMs.size() / 2);
    figures.append(measure(QStringLiteral("Check the .xlsx without a library (dry, no store)"),
                           runs, noop, [&] {
                               auto report = InstrumentImport::run(xlsx, nullptr);
                               if (!report)
                                   fail(QStringLiteral("check"), report.error());
                           }));
    db.reset();
    // The floor under the storing side: the rows the last import wrote, inserted again by SQLite
    // alone (storefloor.h). Last, as it holds those rows in memory: its peak is not the import's.
    std::optional<Figure> floorFigure;
    if (const std::optional<StoreFloor> floor =
            StoreFloor::load(dir.filePath(QStringLiteral("import-%1.db").arg(run - 1)))) {
        QString target;
        floorFigure = measure(
            QStringLiteral("SQLite alone: the same rows inserted again (the store's floor)"), runs,
            [&] { target = dir.filePath(QStringLiteral("floor-%1.db").arg(run++)); },
            [&] {
                QString error;
                if (!floor->insertInto(target, &error))
                    fail(QStringLiteral("floor"), Error{error, {}});
            });
        figures.append(*floorFigure);
    }

    out << "| Operation (" << count
        << " rows) | Median ms | Min ms | Max ms | CPU ms (median) | Calling thread CPU ms | Peak "
           "MB |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|\n";
    for (const Figure &f : figures)
        out << "| " << f.operation << " | " << QString::number(f.median, 'f', 0) << " | "
            << QString::number(f.min, 'f', 0) << " | " << QString::number(f.max, 'f', 0) << " | "
            << QString::number(f.cpuMs, 'f', 0) << " | " << QString::number(f.threadMs, 'f', 0)
            << " | " << QString::number(f.peakMb, 'f', 0) << " |\n";
    out << "\nThe import's checkpoint, run after its outcome (not in its figure): median "
        << QString::number(checkpointMedian, 'f', 0) << " ms\n";
    out << "\n.xlsx " << QFileInfo(xlsx).size() / 1024 << " KiB, .csv "
        << QFileInfo(csv).size() / 1024 << " KiB\n";

    if (parser.isSet(peersOption)) {
        const QString profile = QUrl::fromLocalFile(dir.filePath(QStringLiteral("lo"))).toString();
        const double lo = runPeer(QStringLiteral("soffice"),
                                  {QStringLiteral("-env:UserInstallation=") + profile,
                                   QStringLiteral("--headless"), QStringLiteral("--convert-to"),
                                   QStringLiteral("csv"), QStringLiteral("--outdir"),
                                   dir.filePath(QStringLiteral("lo-out")), xlsx},
                                  runs);
        const QString script = dir.filePath(QStringLiteral("peer.py"));
        QFile py(script);
        if (py.open(QIODevice::WriteOnly)) {
            py.write(QStringLiteral(
                         "import sys, datetime, xlsxwriter\n"
                         "shared = len(sys.argv) > 3  # Excel's layout: a shared strings part\n"
                         "wb = xlsxwriter.Workbook(sys.argv[1], {'constant_memory': not shared})\n"
                         "ws = wb.add_worksheet()\n"
                         "d = wb.add_format({'num_format': 'yyyy-mm-dd'})\n"
                         "for r in range(int(sys.argv[2])):\n"
                         "    ws.write_string(r, 0, '%010d' % r)\n"
                         "    for c in range(1, 12): ws.write_string(r, c, '燃油加油机某某')\n"
                         "    ws.write_datetime(r, 12, datetime.datetime(2020, 1, 1), d)\n"
                         "    ws.write_number(r, 13, 12)\n"
                         "wb.close()\n")
                         .toUtf8());
            py.close();
        }
        const double xw = runPeer(
            QStringLiteral("/usr/bin/python3"),
            {script, dir.filePath(QStringLiteral("peer.xlsx")), QString::number(count)}, runs);
        // The exported file (like libxlsxwriter's constant-memory mode) holds its text inline;
        // Excel and WPS save it in the shared strings part: the reader on that layout too.
        const QString shared = dir.filePath(QStringLiteral("shared.xlsx"));
        QProcess writer;
        writer.start(QStringLiteral("/usr/bin/python3"),
                     {script, shared, QString::number(count), QStringLiteral("shared")});
        std::optional<Figure> sharedRead;
        if (writer.waitForFinished(600000) && writer.exitCode() == 0) {
            sharedRead = measure(QStringLiteral("shared"), runs, noop, [&] {
                const Status r =
                    SheetReader::read(shared, [](const SheetRow &) -> Status { return {}; });
                if (!r)
                    fail(QStringLiteral("read shared strings"), r.error());
            });
        }
        const double importMs = figures.at(3).median;
        const double exportMs = figures.at(0).median;
        out << "\nPeers: LibreOffice headless xlsx→csv " << QString::number(lo, 'f', 0)
            << " ms; python3-xlsxwriter (constant memory, 14 columns) "
            << QString::number(xw, 'f', 0) << " ms\n";
        if (lo > 0)
            out << "Import / LibreOffice = " << QString::number(importMs / lo, 'f', 2)
                << " (target ≤ 0.5); with its checkpoint "
                << QString::number((importMs + checkpointMedian) / lo, 'f', 2) << "\n";
        if (lo > 0 && floorFigure)
            out << "SQLite's own inserts of those rows / LibreOffice = "
                << QString::number(floorFigure->median / lo, 'f', 2) << "\n";
        if (sharedRead)
            out << "Reader alone on the same rows with shared strings (Excel's layout, 14 columns, "
                   "written by python3-xlsxwriter): "
                << QString::number(sharedRead->median, 'f', 0) << " ms, "
                << QString::number(sharedRead->cpuMs, 'f', 0) << " ms CPU\n";
        if (xw > 0)
            out << "Export / xlsxwriter = " << QString::number(exportMs / xw, 'f', 2)
                << " (target ≤ 0.25)\n";
    }
    return 0;
}
