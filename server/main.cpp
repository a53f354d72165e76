// jiliang-server: the reference central server (issue 3). Wiring only; see core/server.h.
#include "server/admin/admincli.h"
#include "server/core/log.h"
#include "server/core/options.h"
#include "server/core/platform.h"
#include "server/core/server.h"
#include "server/demo/demoseeder.h"

#include <QCoreApplication>

#include <cstdio>

using namespace jl::server;

namespace {

void say(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jiliang-server"));

    Options options;
    int exitCode = 0;
    if (!Options::parse(QCoreApplication::arguments(), &options, &exitCode))
        return exitCode;
    auto config = DatabaseConfig::parse(options.database);
    if (!config) {
        say(stderr, messageDetail(config.error().msg, Lang::En, config.error().args));
        return 2;
    }

    Server server(options, config.value());
    if (options.printRoutes) {
        say(stdout, server.router().table().join(QLatin1Char('\n')));
        return 0;
    }
    if (Done d = server.prepareDatabase(); !d) {
        say(stderr, QStringLiteral("jiliang-server: the database is not usable: ") + d.error().log);
        return 1;
    }
    if (options.isAdmin())
        return AdminCli::run(server, options);
    if (options.demo) {
        auto lines = DemoSeeder(server.db(), options.settings).run(options.demoScale);
        if (!lines) {
            say(stderr, QStringLiteral("jiliang-server: demo data failed: ") +
                            messageDetail(lines.error().msg, Lang::En, lines.error().args) +
                            QLatin1Char(' ') + lines.error().log);
            return 1;
        }
        say(stdout, lines->join(QLatin1Char('\n')));
    }
    auto port = server.listen();
    if (!port) {
        say(stderr, QStringLiteral("jiliang-server: ") + port.error().log);
        return 1;
    }
    // Tests and scripts read the port from this line (--listen …:0 picks a free one).
    QString host = options.address.toString();
    if (options.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    say(stdout, QStringLiteral("jiliang-server listening on http://%1:%2").arg(host).arg(*port));
    quitOnTerminationSignals();
    return QCoreApplication::exec();
}
