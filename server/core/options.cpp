#include "server/core/options.h"

#include <QCommandLineParser>
#include <QDir>

#include <algorithm>
#include <cstdio>

namespace jl::server {

namespace {

void say(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

bool intOption(const QCommandLineParser &p, const QString &name, int min, int *out)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < min) {
        say(stderr, QStringLiteral("--%1 takes a whole number of at least %2").arg(name).arg(min));
        return false;
    }
    *out = v;
    return true;
}

} // namespace

bool Options::parse(const QStringList &arguments, Options *out, int *exitCode)
{
    *exitCode = 0;
    // Everything after "admin" belongs to the admin command; the options before it (the
    // database) are shared.
    QStringList serverArgs = arguments;
    const qsizetype adminAt = arguments.indexOf(QStringLiteral("admin"));
    if (adminAt > 0) {
        serverArgs = arguments.mid(0, adminAt);
        out->adminArgs = arguments.mid(adminAt + 1);
        if (out->adminArgs.isEmpty())
            out->adminArgs = {QStringLiteral("help")};
    }

    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Reference central server of Jiliang (计量).\n"
                       "  jiliang-server [options]              serve the API\n"
                       "  jiliang-server [options] admin help   list the administration commands"));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("listen"),
         QStringLiteral("Address and port to listen on (port 0: any free "
                        "port, printed on start)."),
         QStringLiteral("addr:port"), QStringLiteral("127.0.0.1:8080")},
        {QStringLiteral("database"),
         QStringLiteral("sqlite:PATH or postgresql://user@host:port/db."), QStringLiteral("url")},
        {QStringLiteral("demo"),
         QStringLiteral("Seed Zhejiang demo data into an empty database and "
                        "print the accounts.")},
        {QStringLiteral("demo-scale"),
         QStringLiteral("With --demo: also an enterprise with N instruments (benchmarks)."),
         QStringLiteral("n")},
        {QStringLiteral("threads"),
         QStringLiteral("Worker threads (each has a database connection)."), QStringLiteral("n")},
        {QStringLiteral("rate-limit"),
         QStringLiteral("Requests per second per access token (0: off)."), QStringLiteral("n")},
        {QStringLiteral("max-body-bytes"), QStringLiteral("Largest request body accepted."),
         QStringLiteral("n")},
        {QStringLiteral("access-token-seconds"), QStringLiteral("Lifetime of access tokens."),
         QStringLiteral("n")},
    });
    // Hidden: for the test suite and benchmarks only.
    QCommandLineOption printRoutes(QStringLiteral("print-routes"));
    QCommandLineOption iterations(QStringLiteral("test-password-iterations"), {},
                                  QStringLiteral("n"));
    QCommandLineOption commitDelay(QStringLiteral("test-commit-delay-ms"), {}, QStringLiteral("n"));
    QCommandLineOption plainSequence(QStringLiteral("test-plain-sequence"));
    QCommandLineOption failSerial(QStringLiteral("test-fail-serial"), {}, QStringLiteral("serial"));
    QCommandLineOption lease(QStringLiteral("test-in-flight-lease-seconds"), {},
                             QStringLiteral("n"));
    for (QCommandLineOption *o :
         {&printRoutes, &iterations, &commitDelay, &plainSequence, &failSerial, &lease}) {
        o->setFlags(QCommandLineOption::HiddenFromHelp);
        p.addOption(*o);
    }

    if (!p.parse(serverArgs)) {
        say(stderr, p.errorText());
        *exitCode = 2;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        say(stdout, p.helpText());
        return false;
    }
    if (!p.positionalArguments().isEmpty()) {
        say(stderr, QStringLiteral("unexpected argument: ") + p.positionalArguments().constFirst());
        *exitCode = 2;
        return false;
    }

    const QString listen = p.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (colon < 1 || !portOk || port > 65535 || out->address.setAddress(host) == false) {
        say(stderr, QStringLiteral("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080"));
        *exitCode = 2;
        return false;
    }
    out->port = quint16(port);
    out->database = p.value(QStringLiteral("database"));
    if (out->database.isEmpty())
        out->database = QStringLiteral("sqlite:") +
                        QDir::current().absoluteFilePath(QStringLiteral("jiliang-server.db"));
    out->demo = p.isSet(QStringLiteral("demo"));
    out->printRoutes = p.isSet(printRoutes);
    Settings &s = out->settings;
    int maxBody = int(s.maxBodyBytes);
    const bool ok =
        intOption(p, QStringLiteral("demo-scale"), 0, &out->demoScale) &&
        intOption(p, QStringLiteral("threads"), 1, &s.workerThreads) &&
        intOption(p, QStringLiteral("rate-limit"), 0, &s.rateLimitPerSecond) &&
        intOption(p, QStringLiteral("max-body-bytes"), 1024, &maxBody) &&
        intOption(p, QStringLiteral("access-token-seconds"), 1, &s.accessTokenSeconds) &&
        intOption(p, QStringLiteral("test-password-iterations"), 1, &s.passwordIterations) &&
        intOption(p, QStringLiteral("test-commit-delay-ms"), 0, &s.testCommitDelayMs) &&
        intOption(p, QStringLiteral("test-in-flight-lease-seconds"), 1, &s.inFlightLeaseSeconds);
    if (!ok) {
        *exitCode = 2;
        return false;
    }
    s.maxBodyBytes = maxBody;
    // Ten seconds' worth in a burst: a sync after a long offline spell may fire a few pages
    // and batches at once.
    s.rateLimitBurst = std::max(1, s.rateLimitPerSecond * 10);
    s.testPlainSequence = p.isSet(plainSequence);
    s.testFailSerial = p.value(failSerial);
    if (out->demoScale > 0)
        out->demo = true;
    return true;
}

} // namespace jl::server
