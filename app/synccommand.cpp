#include "app/synccommand.h"

#include "app/accountstart.h"
#include "app/appsession.h"
#include "app/translations.h"
#include "models/store/database.h"
#include "sync/accountregistry.h"
#include "sync/authsession.h"
#include "sync/collections/collectionregistry.h"
#include "sync/fixedtokenprovider.h"
#include "sync/httpremote.h"
#include "sync/proxysettings.h"
#include "sync/syncengine.h"
#include "sync/tokenstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>

#include <cstring>

namespace jl::app {

bool SyncCommand::handles(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], "sync") == 0;
}

int SyncCommand::run(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Jiliang"));
    QCoreApplication::setApplicationName(QStringLiteral("jiliang"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    Translations translations;
    translations.install({});
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(QCoreApplication::arguments().mid(2), out, err);
}

int SyncCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           tr("The data folder (default: the user's)."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption serverOption(QStringLiteral("server"), tr("The server address."),
                                          QStringLiteral("URL"));
    const QCommandLineOption accountOption(QStringLiteral("account"),
                                           tr("The account (统一社会信用代码) whose data to sync."),
                                           QStringLiteral("USCC"));
    const QCommandLineOption confirmOption(QStringLiteral("confirm-mass-delete"),
                                           tr("Apply the deletions of a sync that deletes many "
                                              "local records."));
    parser.addOptions({dataDirOption, serverOption, accountOption, confirmOption});
    if (!parser.parse(QStringList{QStringLiteral("jiliang sync")} + arguments)) {
        err << parser.errorText() << Qt::endl;
        return Usage;
    }
    QString dataDir = parser.isSet(dataDirOption) ? QDir(parser.value(dataDirOption)).absolutePath()
                                                  : AppSession::defaultDataDir();
    // The accounts the window signed in, kept beside their folders (AccountStart).
    QSettings settings(AccountStart::settingsPath(dataDir), QSettings::IniFormat);
    sync::AccountRegistry accounts(settings);
    QUrl server;
    if (parser.isSet(accountOption)) {
        const QString uscc = parser.value(accountOption);
        if (auto known = accounts.lastAccount(); known && known->uscc == uscc)
            server = known->server;
        for (const sync::AccountInfo &a : accounts.accounts()) {
            if (server.isEmpty() && a.uscc == uscc)
                server = a.server;
        }
        dataDir = sync::AccountRegistry::dataDir(dataDir, uscc);
    }
    if (parser.isSet(serverOption)) {
        server = sync::AccountRegistry::normalizedServer(parser.value(serverOption));
        if (server.isEmpty()) {
            err << tr("%1 is not a server address (http://host:port).")
                       .arg(parser.value(serverOption))
                << Qt::endl;
            return Usage;
        }
    }
    if (server.isEmpty())
        server = accounts.defaultServer();
    // A token given from outside (scripts, the crash harness) wins; otherwise the account's
    // tokens come from the OS keychain, as in the window, and are refreshed there.
    const QString token = qEnvironmentVariable("JILIANG_ACCESS_TOKEN");
    std::unique_ptr<sync::TokenStore> keychain;
    std::unique_ptr<sync::AuthSession> session;
    std::unique_ptr<sync::FixedTokenProvider> fixed;
    sync::TokenProvider *tokens = nullptr;
    if (!token.isEmpty()) {
        fixed = std::make_unique<sync::FixedTokenProvider>(token);
        tokens = fixed.get();
    } else if (parser.isSet(accountOption)) {
        keychain = std::make_unique<sync::TokenStore>();
        session =
            std::make_unique<sync::AuthSession>(*keychain, parser.value(accountOption), server);
        if (!session->load()) {
            err << tr("Account %1 is not signed in on this computer: sign in from the window "
                      "first.")
                       .arg(parser.value(accountOption))
                << Qt::endl;
            return NeedsLogin;
        }
        tokens = session.get();
    } else {
        err << tr("No account: give --account (signed in from the window) or set "
                  "JILIANG_ACCESS_TOKEN.")
            << Qt::endl;
        return NeedsLogin;
    }
    if (!QDir().mkpath(dataDir)) {
        err << tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(dataDir))
            << Qt::endl;
        return Failed;
    }
    auto db = models::Database::open(AppSession::databasePath(dataDir));
    if (!db) {
        err << db.error().message << Qt::endl;
        return Failed;
    }
    QNetworkAccessManager nam;
    sync::ProxySettings::load(settings).applyTo(nam);
    sync::HttpRemote remote(nam, server, *tokens);
    auto collections = sync::CollectionRegistry::builtIn();
    sync::SyncEngine engine(*db.value(), remote, *collections);
    if (parser.isSet(confirmOption))
        engine.approveMassDelete();
    const sync::SyncEngine::Outcome outcome = engine.run();
    const sync::SyncStatus status = engine.status();
    out << tr("pending %1, failed %2, conflicts %3")
               .arg(status.pending)
               .arg(status.failed)
               .arg(status.conflicts)
        << Qt::endl;
    using R = sync::SyncEngine::Result;
    switch (outcome.result) {
    case R::Done:
        return Ok;
    case R::NeedsLogin:
        err << outcome.message << Qt::endl;
        return NeedsLogin;
    case R::UpgradeRequired:
        err << outcome.message << Qt::endl;
        return Upgrade;
    case R::WaitingForUser:
        err << outcome.message << Qt::endl;
        return MassDelete;
    case R::Incomplete:
    case R::Cancelled:
    case R::Failed:
        break;
    }
    err << (outcome.message.isEmpty() ? tr("The sync did not finish.") : outcome.message)
        << Qt::endl;
    return Failed;
}

} // namespace jl::app
