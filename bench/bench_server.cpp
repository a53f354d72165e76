// jiliang-server under load, on loopback: the changes feed streaming 100,000 instruments
// (records/s), a batch push of 100,000 upserts (upserts/s), and small-GET latency at 1 and 64
// connections (p50, p99). Drives a real jiliang-server process with curl and wrk (bounded in
// count and time) and prints a Markdown table for docs/benchmarks.md.
//
//   bench_server [--server PATH] [--database URL] [--instruments N] [--seconds S]
//                [--database-pid PID] [--clients N [--enterprises]] [--push-only]
//
// The push is one client (one curl process, one kept-alive connection, one batch at a time,
// as the desktop client pushes) unless --clients N: then N such clients push the same 200
// batches between them at the same time, as the same enterprise (their batches wait for each
// other on the enterprise's change-order lock) or with --enterprises as different ones (the
// demo's three, in turn; several server instances share one database in production).
//
// The server defaults to ../server/jiliang-server beside this program; the database to a
// fresh SQLite file (pass a postgresql:// URL of an empty database to measure PostgreSQL).
#include "procstats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <cstdio>

namespace {

QTextStream out(stdout);

struct Run {
    int exitCode = -1;
    QByteArray stdOut;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 600000)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput()};
}

QString base64Url(const QByteArray &b)
{
    return QString::fromLatin1(
        b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The login as the desktop client does it, with curl: the form, the code, the tokens.
QString login(const QString &base, const QString &uscc, const QString &password)
{
    const QString verifier =
        base64Url(QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122());
    const QString challenge =
        base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
    const QString redirect = QStringLiteral("http://127.0.0.1:50000/cb");
    const Run form = run(QStringLiteral("curl"), {QStringLiteral("-s"),
                                                  QStringLiteral("-o"),
                                                  QStringLiteral("/dev/null"),
                                                  QStringLiteral("-w"),
                                                  QStringLiteral("%{redirect_url}"),
                                                  base + QStringLiteral("/oauth/authorize"),
                                                  QStringLiteral("--data-urlencode"),
                                                  QStringLiteral("response_type=code"),
                                                  QStringLiteral("--data-urlencode"),
                                                  QStringLiteral("client_id=jiliang-desktop"),
                                                  QStringLiteral("--data-urlencode"),
                                                  QStringLiteral("redirect_uri=") + redirect,
                                                  QStringLiteral("--data-urlencode"),
                                                  QStringLiteral("code_challenge=") + challenge,
                                                  QStringLiteral("--data-urlencode"),
                                                  QStringLiteral("code_challenge_method=S256"),
                                                  QStringLiteral("--data-urlencode"),
                                                  QStringLiteral("uscc=") + uscc,
                                                  QStringLiteral("--data-urlencode"),
                                                  QStringLiteral("password=") + password});
    const QString code = QUrlQuery(QUrl(QString::fromUtf8(form.stdOut)))
                             .queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const Run token =
        run(QStringLiteral("curl"),
            {QStringLiteral("-s"), base + QStringLiteral("/oauth/token"),
             QStringLiteral("--data-urlencode"), QStringLiteral("grant_type=authorization_code"),
             QStringLiteral("--data-urlencode"), QStringLiteral("client_id=jiliang-desktop"),
             QStringLiteral("--data-urlencode"), QStringLiteral("code=") + code,
             QStringLiteral("--data-urlencode"), QStringLiteral("redirect_uri=") + redirect,
             QStringLiteral("--data-urlencode"), QStringLiteral("code_verifier=") + verifier});
    return QJsonDocument::fromJson(token.stdOut).object().value(u"access_token").toString();
}

// wrk's Lua: follow the feed's cursor page after page, start over at the end, count records.
const char *const FeedScript = R"lua(
local cursor = ""
records = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  return wrk.format("GET", "/api/v1/changes?limit=1000&cursor=" .. cursor)
end
function response(status, headers, body)
  local n = 0
  for _ in string.gmatch(body, '"collection":') do n = n + 1 end
  records = records + n
  local c = string.match(body, '"cursor":"([^"]+)"')
  if c then cursor = c end
  if string.find(body, '"hasMore":false', 1, true) then cursor = "" end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("records") end
  io.write(string.format("RECORDS %d SECONDS %f\n", total, summary.duration / 1e6))
end
)lua";

struct Latency {
    QString p50;
    QString p99;
    QString rps;
    QString errors; // wrk's socket errors and non-2xx answers, when there were any
};

Latency parseWrk(const QByteArray &text)
{
    auto grab = [&text](const char *pattern) {
        const auto m =
            QRegularExpression(QString::fromLatin1(pattern)).match(QString::fromUtf8(text));
        return m.hasMatch() ? m.captured(1) : QStringLiteral("?");
    };
    QString errors;
    for (const QString &line : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("Socket errors")) ||
            line.contains(QLatin1String("Non-2xx")))
            errors += QStringLiteral("; ") + line.trimmed();
    }
    return {grab("\\s50%\\s+(\\S+)"), grab("\\s99%\\s+(\\S+)"), grab("Requests/sec:\\s+(\\S+)"),
            errors};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions(
        {{QStringLiteral("server"), QStringLiteral("jiliang-server binary"),
          QStringLiteral("path")},
         {QStringLiteral("database"), QStringLiteral("Database URL (empty)"),
          QStringLiteral("url")},
         {QStringLiteral("instruments"), QStringLiteral("Feed size"), QStringLiteral("n"),
          QStringLiteral("100000")},
         {QStringLiteral("seconds"), QStringLiteral("wrk run length"), QStringLiteral("s"),
          QStringLiteral("10")},
         {QStringLiteral("database-pid"),
          QStringLiteral("PostgreSQL's postmaster, to count its CPU (Linux)"),
          QStringLiteral("pid")},
         {QStringLiteral("clients"), QStringLiteral("Concurrent pushing clients"),
          QStringLiteral("n"), QStringLiteral("1")},
         {QStringLiteral("enterprises"),
          QStringLiteral("Each pushing client as another enterprise")},
         {QStringLiteral("push-only"), QStringLiteral("Only the batch push (no feed, no GETs)")}});
    p.process(app);
    const QString server =
        p.isSet(QStringLiteral("server"))
            ? p.value(QStringLiteral("server"))
            : QCoreApplication::applicationDirPath() + QStringLiteral("/../server/jiliang-server");
    const int instruments = p.value(QStringLiteral("instruments")).toInt();
    const int clients = std::max(1, p.value(QStringLiteral("clients")).toInt());
    const bool spread = p.isSet(QStringLiteral("enterprises"));
    const bool pushOnly = p.isSet(QStringLiteral("push-only"));
    const QString seconds = p.value(QStringLiteral("seconds")) + QLatin1Char('s');
    QTemporaryDir dir;
    const QString database =
        p.isSet(QStringLiteral("database"))
            ? p.value(QStringLiteral("database"))
            : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.db"));

    // 1. A server with the demo data and an enterprise of `instruments` instruments.
    QElapsedTimer seedTimer;
    seedTimer.start();
    QProcess srv;
    srv.start(server, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--database"), database, QStringLiteral("--demo"),
                       QStringLiteral("--demo-scale"), QString::number(instruments),
                       QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QString printed;
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    while (!listening.match(printed).hasMatch() && srv.waitForReadyRead(600000))
        printed += QString::fromUtf8(srv.readAllStandardOutput());
    const QString base = listening.match(printed).captured(1);
    if (base.isEmpty()) {
        std::fprintf(stderr, "jiliang-server did not start: %s\n", qPrintable(printed));
        return 1;
    }
    const double seedSeconds = seedTimer.elapsed() / 1000.0;
    static const QRegularExpression account(QStringLiteral("统一社会信用代码 (\\S+)  密码 (\\S+)"));
    auto accounts = account.globalMatch(printed);
    QList<QRegularExpressionMatch> found;
    while (accounts.hasNext())
        found.prepend(accounts.next()); // the large enterprise (printed last) first
    // Client c pushes as enterprise pushers[c]: the large one unless --enterprises.
    QStringList pushers;
    for (int c = 0; c < clients && !found.isEmpty(); ++c) {
        const QRegularExpressionMatch &m = found.at(spread ? c % found.size() : 0);
        const QString t = c < found.size() && (spread || c == 0)
                              ? login(base, m.captured(1), m.captured(2))
                              : pushers.at(spread ? c % found.size() : 0);
        if (t.isEmpty()) {
            std::fprintf(stderr, "login failed\n");
            return 1;
        }
        pushers.append(t);
    }
    if (pushers.isEmpty()) {
        std::fprintf(stderr, "no account printed\n");
        return 1;
    }
    const QString auth = QStringLiteral("Authorization: Bearer ") + pushers.first();

    // 2. The changes feed, one connection following the cursor.
    QFile script(dir.filePath(QStringLiteral("feed.lua")));
    script.open(QIODevice::WriteOnly);
    script.write(FeedScript);
    script.close();
    double feedRate = 0;
    if (!pushOnly) {
        const Run feed =
            run(QStringLiteral("wrk"),
                {QStringLiteral("-t1"), QStringLiteral("-c1"), QStringLiteral("-d") + seconds,
                 QStringLiteral("-H"), auth, QStringLiteral("-s"), script.fileName(), base});
        const auto fm = QRegularExpression(QStringLiteral("RECORDS (\\d+) SECONDS (\\S+)"))
                            .match(QString::fromUtf8(feed.stdOut));
        const double feedSeconds = fm.captured(2).toDouble();
        if (!fm.hasMatch() || feedSeconds <= 0) {
            // The script prints one line at its end; without it there is no figure, not 0/0.
            std::fprintf(stderr, "wrk printed no RECORDS line: %s\n", feed.stdOut.constData());
            return 1;
        }
        feedRate = fm.captured(1).toDouble() / feedSeconds;
    }

    // 3. 100,000 upserts in batches of 500, one curl process per client, each over one
    // kept-alive connection, the batches dealt to the clients in turn.
    const int batches = 200;
    QList<QStringList> curlArgs(clients);
    for (int b = 0; b < batches; ++b) {
        QByteArray body = "{\"entries\":[";
        for (int e = 0; e < 500; ++e) {
            const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
            const QByteArray serial =
                "PUSH-" + QByteArray::number(b * 500 + e).rightJustified(6, '0');
            body += (e ? "," : "") + QByteArray("{\"key\":\"") + id +
                    "\",\"collection\":\"instruments\","
                    "\"id\":\"" +
                    id + "\",\"kind\":\"upsert\",\"payload\":{\"serialNo\":\"" + serial +
                    "\",\"name\":\"直流充电桩电能表\",\"category\":\"充电桩电能表（直流）\","
                    "\"model\":\"DJSF1952-D\",\"manufacturer\":\"杭州炬华科技股份有限公司\","
                    "\"divisionCode\":\"330106005\",\"installDate\":\"2024-05-01\","
                    "\"verificationPeriodMonths\":12}}";
        }
        body += "]}";
        QFile f(dir.filePath(QStringLiteral("batch%1.json").arg(b)));
        f.open(QIODevice::WriteOnly);
        f.write(body);
        QStringList &args = curlArgs[b % clients];
        if (!args.isEmpty())
            args << QStringLiteral("--next");
        args << QStringLiteral("-s") << QStringLiteral("-H")
             << QStringLiteral("Authorization: Bearer ") + pushers.at(b % clients)
             << QStringLiteral("-H") << QStringLiteral("Expect:") << QStringLiteral("-H")
             << QStringLiteral("Content-Type: application/json") << QStringLiteral("--data-binary")
             << QLatin1Char('@') + f.fileName() << base + QStringLiteral("/api/v1/batch");
    }
    const qint64 databasePid = p.value(QStringLiteral("database-pid")).toLongLong();
    const double serverCpuBefore = jl::bench::cpuSecondsOf(srv.processId());
    const double databaseCpuBefore = jl::bench::cpuSecondsOf(databasePid, true);
    QElapsedTimer pushTimer;
    pushTimer.start();
    QList<QProcess *> pushing;
    for (const QStringList &args : std::as_const(curlArgs)) {
        auto *curl = new QProcess(&app);
        curl->start(QStringLiteral("curl"), args);
        pushing.append(curl);
    }
    int stored = 0;
    for (QProcess *curl : std::as_const(pushing)) {
        curl->waitForFinished(600000);
        stored += int(curl->readAllStandardOutput().count("\"status\":201"));
    }
    const double pushSeconds = pushTimer.elapsed() / 1000.0;
    const double serverCpu = jl::bench::cpuSecondsOf(srv.processId()) - serverCpuBefore;
    const double databaseCpu = jl::bench::cpuSecondsOf(databasePid, true) - databaseCpuBefore;

    // 4. Small GETs: one instrument, at 1 and at 64 connections.
    Latency one, many;
    if (!pushOnly) {
        const Run first =
            run(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-H"), auth,
                                         base + QStringLiteral("/api/v1/instruments?limit=1")});
        const QString id = QJsonDocument::fromJson(first.stdOut)
                               .object()
                               .value(u"items")
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(u"id")
                               .toString();
        const QString url = base + QStringLiteral("/api/v1/instruments/") + id;
        one = parseWrk(
            run(QStringLiteral("wrk"),
                {QStringLiteral("-t1"), QStringLiteral("-c1"), QStringLiteral("-d") + seconds,
                 QStringLiteral("--latency"), QStringLiteral("-H"), auth, url})
                .stdOut);
        many = parseWrk(
            run(QStringLiteral("wrk"),
                {QStringLiteral("-t2"), QStringLiteral("-c64"), QStringLiteral("-d") + seconds,
                 QStringLiteral("--latency"), QStringLiteral("-H"), auth, url})
                .stdOut);
    }
    srv.terminate();
    srv.waitForFinished(60000);

    out << "| measure (" << (database.startsWith(QLatin1String("sqlite")) ? "SQLite" : "PostgreSQL")
        << ", loopback) | result | target |\n|---|---|---|\n";
    out << "| seed " << instruments << " instruments + demo data, start | "
        << QString::number(seedSeconds, 'f', 1) << " s | – |\n";
    if (!pushOnly)
        out << "| changes feed, 1 connection, pages of 1,000 | "
            << QString::number(feedRate, 'f', 0) << " records/s | ≥ 20,000 |\n";
    const QString who = clients == 1 ? QStringLiteral("1 connection")
                        : spread     ? QStringLiteral("%1 clients, %2 enterprises")
                                       .arg(clients)
                                       .arg(std::min<qsizetype>(clients, found.size()))
                                 : QStringLiteral("%1 clients, one enterprise").arg(clients);
    out << "| batch push, 200 × 500 upserts, " << who << " | "
        << QString::number(stored / pushSeconds, 'f', 0) << " upserts/s (" << stored
        << " stored in " << QString::number(pushSeconds, 'f', 1) << " s) | ≥ 5,000 |\n";
    // PostgreSQL's share only with --database-pid (the postmaster: its backends are counted).
    const bool sqlite = database.startsWith(QLatin1String("sqlite"));
    if (sqlite || databasePid > 0) {
        out << "| batch push, CPU used | server " << QString::number(serverCpu, 'f', 1) << " s"
            << (sqlite ? QStringLiteral(" (SQLite inside)")
                       : QStringLiteral(" + PostgreSQL ") + QString::number(databaseCpu, 'f', 1) +
                             QStringLiteral(" s"))
            << ": " << QString::number(stored / std::max(0.001, serverCpu + databaseCpu), 'f', 0)
            << " upserts per CPU-second | – |\n";
        const int n = std::max(1, stored);
        out << "| batch push, CPU per upsert | server "
            << QString::number(serverCpu * 1e6 / n, 'f', 0) << " µs"
            << (sqlite ? QString()
                       : QStringLiteral(" + PostgreSQL ") +
                             QString::number(databaseCpu * 1e6 / n, 'f', 0) + QStringLiteral(" µs"))
            << " | – |\n";
    }
    if (pushOnly) {
        out.flush();
        return stored == 100000 ? 0 : 1;
    }
    out << "| GET one instrument, 1 connection | p50 " << one.p50 << ", p99 " << one.p99 << " ("
        << one.rps << " req/s" << one.errors << ") | – |\n";
    out << "| GET one instrument, 64 connections | p50 " << many.p50 << ", p99 " << many.p99 << " ("
        << many.rps << " req/s) | p99 ≤ 50 ms |\n";
    out.flush();
    return 0;
}
