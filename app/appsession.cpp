#include "app/appsession.h"

#include "app/screencatalog.h"
#include "models/common/logging.h"
#include "models/demo/demodata.h"
#include "models/rules/warninglevel.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"
#include "sync/httpremote.h"
#include "sync/keychainbackend.h"
#include "sync/proxysettings.h"
#include "sync/requestreachability.h"
#include "sync/synccontroller.h"
#include "sync/systemreachability.h"
#include "ui/common/dialogs.h"
#include "ui/common/screencontext.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/screenregistry.h"
#include "ui/settings/settingsdialog.h"

#include <QDate>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace jl::app {

namespace {
const QString DemoMetaKey = QStringLiteral("demo.generated");
constexpr int DemoNoticeMs = 20000;

// Who is named in the local audit trail until the account is known.
QString localActor()
{
    const QString user = qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER"));
    return user.isEmpty() ? QStringLiteral("local") : QStringLiteral("local:") + user;
}
} // namespace

AppSession::AppSession(ui::Dialogs &dialogs)
    : m_dialogs(dialogs)
{}

QString AppSession::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString AppSession::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("jiliang.sqlite"));
}

models::Result<std::unique_ptr<AppSession>>
AppSession::open(const SessionOptions &options, ui::Dialogs &dialogs, const SyncSetup &setup)
{
    // The session's own controller is made once the database exists (its folder, its
    // migrations), then handed to the screens like any SyncService.
    return open(options, dialogs, nullptr, &setup);
}

models::Result<std::unique_ptr<AppSession>>
AppSession::open(const SessionOptions &options, ui::Dialogs &dialogs, sync::SyncService *sync)
{
    return open(options, dialogs, sync, nullptr);
}

sync::SyncService *AppSession::syncService() const
{
    return m_context ? m_context->syncService() : nullptr;
}

void AppSession::startSync(const SyncSetup &setup)
{
    sync::RequestReachability *learned = nullptr;
    m_reachability = sync::SystemReachability::create();
    if (!m_reachability) {
        auto fromRequests = std::make_unique<sync::RequestReachability>();
        learned = fromRequests.get();
        m_reachability = std::move(fromRequests);
    }
    sync::SyncController::Options options;
    options.databasePath = m_database->path();
    const QUrl server = setup.server;
    sync::TokenProvider *tokens = setup.tokens;
    // The system proxy (PAC included where Qt reads it) unless the user set one by hand.
    const sync::ProxySettings proxy =
        proxyWithPassword(sync::ProxySettings::load(programSettings()));
    options.intervalMinutes =
        programSettings().value(sync::SyncController::intervalSettingsKey(), 5).toInt();
    // Runs on the engine's thread: the adapter belongs there, with its network manager.
    options.remote = [server, tokens, learned, proxy](QNetworkAccessManager &nam) {
        proxy.applyTo(nam);
        auto remote = std::make_unique<sync::HttpRemote>(nam, server, *tokens);
        if (learned)
            remote->setReachabilityObserver(
                [learned](bool answered) { learned->report(answered); });
        return std::unique_ptr<sync::RemoteApi>(std::move(remote));
    };
    m_syncController = std::make_unique<sync::SyncController>(std::move(options));
    m_syncController->setReachability(m_reachability.get());
}

sync::SecretBackend &AppSession::secrets()
{
    if (m_secrets)
        return *m_secrets;
    if (!m_ownSecrets)
        m_ownSecrets = std::make_unique<sync::KeychainBackend>(QStringLiteral("Jiliang"));
    return *m_ownSecrets;
}

sync::ProxySettings AppSession::proxyWithPassword(sync::ProxySettings proxy)
{
    if (proxy.mode != sync::ProxySettings::Mode::Manual || proxy.user.isEmpty() ||
        !proxy.password.isEmpty())
        return proxy;
    const auto answer = secrets().read(sync::ProxySettings::secretKey());
    if (answer.outcome == sync::SecretBackend::Outcome::Ok)
        proxy.password = QString::fromUtf8(answer.value);
    else if (answer.outcome == sync::SecretBackend::Outcome::Unavailable)
        qCWarning(models::lcApp) << "proxy password not readable:" << answer.error;
    return proxy;
}

void AppSession::showSettings()
{
    ui::SettingsDialog dialog(programSettings(),
                              ui::SettingsDialog::Options{m_programSettings != nullptr, &secrets()},
                              m_window.get());
    if (dialog.exec() != QDialog::Accepted || !m_syncController)
        return;
    m_syncController->setIntervalMinutes(dialog.intervalMinutes());
    const sync::ProxySettings proxy = proxyWithPassword(dialog.proxy());
    m_syncController->setNetworkSetup([proxy](QNetworkAccessManager &nam) { proxy.applyTo(nam); });
}

models::Result<std::unique_ptr<AppSession>> AppSession::open(const SessionOptions &options,
                                                             ui::Dialogs &dialogs,
                                                             sync::SyncService *sync,
                                                             const SyncSetup *setup)
{
    std::unique_ptr<AppSession> session(new AppSession(dialogs));
    session->m_dataDir = options.dataDir;
    if (!QDir().mkpath(options.dataDir)) {
        return models::Error{tr("Could not create the data folder %1. Check that you may "
                                "write there.")
                                 .arg(QDir::toNativeSeparators(options.dataDir)),
                             {}};
    }

    models::OpenReport report;
    auto database = models::Database::open(databasePath(options.dataDir), &report);
    if (!database)
        return database.error();
    session->m_database = std::move(database.value());
    session->m_movedAside = report.movedAsidePath;
    if (report.migratedFrom >= 0)
        qCInfo(models::lcApp) << "database migrated from version" << report.migratedFrom;

    session->m_store =
        std::make_unique<models::InstrumentStore>(*session->m_database, localActor());
    if (options.demo) {
        if (models::Status filled = session->fillDemo(); !filled)
            return filled.error();
    }
    session->m_settings = std::make_unique<QSettings>(
        QDir(options.dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    session->m_programSettings = options.programSettings;
    session->m_secrets = options.secrets;
    session->m_context = std::make_unique<ui::ScreenContext>(
        *session->m_database, *session->m_store, dialogs, *session->m_settings);
    if (setup && setup->tokens) {
        session->startSync(*setup);
        sync = session->m_syncController.get();
    }
    session->m_context->setSyncService(sync);
    session->m_registry = std::make_unique<ui::ScreenRegistry>();
    registerScreens(*session->m_registry, *session->m_context);
    session->m_window = std::make_unique<ui::MainWindow>(*session->m_registry, *session->m_context,
                                                         session->m_context->syncService());
    session->m_window->restoreSession();
    QObject::connect(session->m_window.get(), &ui::MainWindow::settingsRequested,
                     session->m_window.get(), [self = session.get()] { self->showSettings(); });
    if (sync::SyncController *controller = session->m_syncController.get()) {
        AppSession *self = session.get();
        // Synced changes refresh every list and count, but are no local edit to send back.
        QObject::connect(controller, &sync::SyncService::dataChanged, session->m_context.get(),
                         [self] {
                             self->m_applyingSync = true;
                             self->m_context->notifyDataChanged();
                             self->m_applyingSync = false;
                         });
        QObject::connect(session->m_context.get(), &ui::ScreenContext::dataChanged, controller,
                         [self] {
                             if (!self->m_applyingSync)
                                 self->m_syncController->localDataChanged();
                         });
        controller->start();
    }
    return session;
}

AppSession::~AppSession()
{
    if (m_window)
        m_window->saveSession();
    // An import's checkpoint may still hold the files open (on Windows they could then not be
    // deleted when the account is forgotten) or run after the database has closed.
    models::Database::waitForBackgroundCheckpoints();
}

models::Status AppSession::fillDemo()
{
    // Once per database: the user's own changes to the demo stay.
    if (!m_database->meta(DemoMetaKey).isEmpty())
        return {};
    const auto counts = m_store->countWarnings(models::shanghaiToday());
    if (!counts)
        return counts.error();
    if (counts->active + counts->history > 0)
        return {};
    const auto summary = models::generateDemo(*m_database);
    if (!summary)
        return summary.error();
    m_demoSummary = models::DemoData::describe(summary.value());
    return m_database->setMeta(DemoMetaKey, models::shanghaiToday().toString(Qt::ISODate));
}

void AppSession::tellStartupNotices()
{
    if (!m_movedAside.isEmpty()) {
        m_dialogs.warning(
            m_window.get(), tr("Local database repaired"),
            tr("The local database was damaged. It was moved aside to %1 and a new, empty one "
               "was created. Changes not yet synced may be in the moved file: keep it and "
               "contact support.")
                .arg(QDir::toNativeSeparators(m_movedAside)));
        m_movedAside.clear();
    }
    if (!m_demoSummary.isEmpty()) {
        m_window->statusBar()->showMessage(m_demoSummary, DemoNoticeMs);
        m_demoSummary.clear();
    }
}

} // namespace jl::app
