#include "io/import/instrumentimport.h"

#include "io/import/cellconversion.h"
#include "io/import/chunkqueue.h"
#include "io/import/instrumentcolumns.h"
#include "io/import/rowparser.h"
#include "io/sheet/sheetreader.h"
#include "models/domain/instrumentvalidator.h"

#include <QSet>

#include <thread>

namespace jl::io {

namespace F = models::InstrumentField;
using models::Error;
using models::Result;
using models::Status;

namespace {

constexpr int HeaderSearchRows = 10;
constexpr int PreviewRows = 20;
constexpr qsizetype ChunkSize = 1024;
const QString StopReading = QStringLiteral("jl.io.stop");
const QString DryRunRollback = QStringLiteral("jl.io.dry-run");
// Chunks waiting between the reading thread and the storing one: enough to ride out a slow
// statement, few enough that memory stays flat.
constexpr std::size_t QueuedChunks = 2;

// Rows read and checked, on their way to the store.
struct Chunk {
    QList<models::IncomingInstrument> records;
    QList<AcceptedRow> rows;
};

QStringList titlesOf(const SheetRow &row)
{
    QStringList titles;
    for (const Cell &c : row.cells) {
        auto t = CellConversion::text(c);
        titles.append(t ? models::InstrumentValidator::trimmed(*t) : QString());
    }
    return titles;
}

} // namespace

int ImportReport::rejectedRows() const
{
    QSet<int> rows;
    for (const RowIssue &i : issues)
        rows.insert(i.row);
    return int(rows.size());
}

QStringList InstrumentImport::fieldsFor(const QStringList &titles)
{
    QStringList fields;
    for (const QString &t : titles) {
        QString f = instrumentcolumns::fieldForHeader(t);
        if (!f.isEmpty() && fields.contains(f))
            f.clear(); // a second column of the same name is ignored: the first one counts
        fields.append(f);
    }
    return fields;
}

int InstrumentImport::detectHeaderRow(const QList<SheetRow> &rows)
{
    for (const SheetRow &row : rows) {
        if (row.number > HeaderSearchRows)
            break;
        int known = 0;
        for (const QString &f : fieldsFor(titlesOf(row)))
            known += f.isEmpty() ? 0 : 1;
        if (known >= 2)
            return row.number;
    }
    return 0;
}

Status InstrumentImport::checkRequired(const QStringList &fields)
{
    for (const char *required : {F::SerialNo, F::Name}) {
        if (!fields.contains(QLatin1String(required)))
            return Error{tr("The file has no column %1, which is required. Name a column %1 "
                            "(in the first 10 rows, above the data) or choose it in the column "
                            "mapping.")
                             .arg(instrumentcolumns::headerOf(QLatin1String(required))),
                         {}};
    }
    return {};
}

Result<HeaderInfo> InstrumentImport::inspect(const QString &path, int headerRow,
                                             const ReadOptions &read)
{
    HeaderInfo info;
    const Status s = SheetReader::read(
        path,
        [&](const SheetRow &row) -> Status {
            if (info.row == 0 && row.number > HeaderSearchRows) {
                info.row = headerRow > 0 ? headerRow : detectHeaderRow(info.rows);
                if (info.row == 0)
                    return Error{{}, StopReading};
            }
            if (info.row > 0 && row.number > info.row + PreviewRows)
                return Error{{}, StopReading};
            info.rows.append(row);
            return {};
        },
        read);
    if (!s && s.error().detail != StopReading)
        return s.error();
    if (info.row == 0)
        info.row = headerRow > 0 ? headerRow : detectHeaderRow(info.rows);
    if (info.row == 0)
        return Error{tr("No header row found: none of the first 10 rows names at least two "
                        "columns such as 出厂编号 and 计量器具名称. Add the header row or use "
                        "the import template."),
                     {}};
    for (const SheetRow &row : std::as_const(info.rows)) {
        if (row.number == info.row)
            info.titles = titlesOf(row);
    }
    info.fields = fieldsFor(info.titles);
    return info;
}

Result<ImportReport> InstrumentImport::run(const QString &path, models::InstrumentStore *store,
                                           const ImportOptions &options)
{
    ImportReport report;
    ReadOptions read;
    read.progress = options.progress;
    read.cancel = options.cancel;

    // What the reading side owns: with a store it runs on its own thread (reading and checking
    // on one core, storing on the other), and only the queue is shared until it has ended.
    std::optional<RowParser> parser;
    QList<SheetRow> pending; // rows before the header is known
    QSet<QString> serials;
    QSet<QString> ids;
    Chunk chunk;
    std::function<Status(Chunk &&)> deliver;

    // What the storing side owns.
    QList<RowIssue> storeIssues;

    const auto apply = [&](Chunk &&c) -> Status {
        if (c.records.isEmpty())
            return {};
        QList<models::IncomingOutcome> outcomes;
        if (store) {
            auto applied = store->importRecords(c.records, options.onExisting);
            if (!applied)
                return applied.error();
            outcomes = std::move(applied).value();
        }
        for (qsizetype n = 0; n < c.rows.size(); ++n) {
            AcceptedRow &a = c.rows[n];
            if (!store) {
                ++report.unchecked;
            } else {
                const models::IncomingOutcome &o = outcomes.at(n);
                a.outcome = o.kind;
                switch (o.kind) {
                case models::IncomingOutcome::Created:
                    ++report.created;
                    break;
                case models::IncomingOutcome::Updated:
                    ++report.updated;
                    break;
                case models::IncomingOutcome::Skipped:
                    ++report.skipped;
                    break;
                case models::IncomingOutcome::Rejected:
                    storeIssues.append({a.row, parser->titleOf(o.field), o.message});
                    continue;
                }
            }
            if (report.accepted.size() < options.keepAccepted)
                report.accepted.append(std::move(a));
        }
        if (options.cancel && options.cancel->load())
            return SheetReader::cancelledError();
        return {};
    };

    const auto flush = [&]() -> Status {
        if (chunk.records.isEmpty())
            return {};
        Chunk full = std::move(chunk);
        chunk = Chunk{};
        chunk.records.reserve(ChunkSize);
        chunk.rows.reserve(ChunkSize);
        return deliver(std::move(full));
    };

    const auto dataRow = [&](const SheetRow &row) -> Status {
        if (row.number <= report.header.row)
            return {};
        RowParser::Parsed p = parser->parse(row);
        if (p.empty) {
            ++report.emptyRows;
            return {};
        }
        ++report.dataRows;
        if (p.issues.isEmpty()) {
            // One look-up of the serial: inserted now, taken out again if the row is refused.
            const qsizetype before = serials.size();
            serials.insert(p.instrument.serialNo);
            const bool earlierSerial = serials.size() == before;
            if (earlierSerial)
                p.issues.append(
                    {row.number, parser->titleOf(QLatin1String(F::SerialNo)),
                     tr("Serial number %1 appears in an earlier row of the file; only the "
                        "first one is imported.")
                         .arg(p.instrument.serialNo)});
            else if (!p.instrument.id.isEmpty() && ids.contains(p.instrument.id))
                p.issues.append({row.number,
                                 parser->titleOf(QLatin1String(instrumentcolumns::IdField)),
                                 tr("The record id appears in an earlier row of the file; only "
                                    "the first one is imported.")});
            if (!earlierSerial && !p.issues.isEmpty())
                serials.remove(p.instrument.serialNo);
        }
        if (!p.issues.isEmpty()) {
            report.issues.append(p.issues);
            return {};
        }
        if (!p.instrument.id.isEmpty())
            ids.insert(p.instrument.id);
        models::IncomingInstrument incoming{p.instrument, p.fields};
        if (store && p.instrument.id.isEmpty()) // most likely new: made ready on this thread
            incoming.prepared =
                std::make_shared<const models::InstrumentImportWriter::PreparedCreate>(
                    models::InstrumentImportWriter::prepareCreate(p.instrument));
        chunk.records.append(std::move(incoming));
        chunk.rows.append({row.number, std::move(p.instrument), std::move(p.fields),
                           models::IncomingOutcome::Created});
        if (chunk.records.size() >= ChunkSize)
            return flush();
        return {};
    };

    const auto decideHeader = [&]() -> Status {
        HeaderInfo &h = report.header;
        h.row = options.headerRow > 0 ? options.headerRow : detectHeaderRow(pending);
        if (h.row == 0)
            return Error{tr("No header row found: none of the first 10 rows names at least two "
                            "columns such as 出厂编号 and 计量器具名称. Add the header row or "
                            "use the import template."),
                         {}};
        for (const SheetRow &r : std::as_const(pending)) {
            if (r.number == h.row)
                h.titles = titlesOf(r);
        }
        h.fields = options.fields.isEmpty() ? fieldsFor(h.titles) : options.fields;
        h.rows = pending;
        if (Status s = checkRequired(h.fields); !s)
            return s;
        parser.emplace(h.fields, h.titles);
        for (const SheetRow &r : std::as_const(pending)) {
            if (Status s = dataRow(r); !s)
                return s;
        }
        pending.clear();
        return {};
    };

    // Reads and checks the whole file, handing full chunks to `deliver`.
    const auto readAll = [&]() -> Status {
        Status s = SheetReader::read(
            path,
            [&](const SheetRow &row) -> Status {
                if (parser)
                    return dataRow(row);
                const int lastHeaderRow = std::max(HeaderSearchRows, options.headerRow);
                if (row.number > lastHeaderRow) {
                    if (Status d = decideHeader(); !d)
                        return d;
                    return dataRow(row);
                }
                pending.append(row);
                return {};
            },
            read);
        if (!s)
            return s;
        if (!parser) {
            if (Status d = decideHeader(); !d)
                return d;
        }
        return flush();
    };

    // With a store: the file is read and checked on a second thread while this one stores
    // the chunks (the store's connection stays on the caller's thread). The transaction is
    // still one: a failure on either side stops the other and rolls everything back.
    const auto pipeline = [&]() -> Status {
        ChunkQueue<Chunk> queue(QueuedChunks);
        Status readStatus;
        deliver = [&queue](Chunk &&c) -> Status {
            if (!queue.push(std::move(c)))
                return Error{{}, StopReading};
            return {};
        };
        std::thread reader([&] {
            readStatus = readAll();
            if (readStatus)
                queue.close(); // the store takes what is left
            else
                queue.abort(); // nothing of it will be kept: stop storing now
        });
        Status stored;
        while (auto c = queue.pop()) {
            stored = apply(std::move(*c));
            if (!stored)
                break;
            queue.giveBack(std::move(*c)); // freed on the reading thread, which made it
        }
        if (!stored)
            queue.abort();
        reader.join();
        if (!stored)
            return stored;
        if (!readStatus)
            return readStatus;
        if (options.dryRun)
            return Error{{}, DryRunRollback};
        return {};
    };

    Status done;
    if (store) {
        done = store->importTransaction(pipeline);
    } else {
        deliver = apply;
        done = readAll();
    }
    if (!done && done.error().detail != DryRunRollback)
        return done.error();
    report.committed = store && !options.dryRun;
    report.issues.append(storeIssues);
    std::stable_sort(report.issues.begin(), report.issues.end(),
                     [](const RowIssue &a, const RowIssue &b) { return a.row < b.row; });
    return report;
}

} // namespace jl::io
