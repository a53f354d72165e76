#include "app/appsession.h"

#include "app/screencatalog.h"
#include "models/common/logging.h"
#include "models/demo/demodata.h"
#include "models/rules/warninglevel.h"
#include "models/store/database.h"
#include "models/store/instrumentstore.h"
#include "ui/common/dialogs.h"
#include "ui/common/screencontext.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/screenregistry.h"

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
AppSession::open(const SessionOptions &options, ui::Dialogs &dialogs, sync::SyncService *sync)
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
    session->m_context = std::make_unique<ui::ScreenContext>(
        *session->m_database, *session->m_store, dialogs, *session->m_settings);
    session->m_context->setSyncService(sync);
    session->m_registry = std::make_unique<ui::ScreenRegistry>();
    registerScreens(*session->m_registry, *session->m_context);
    session->m_window = std::make_unique<ui::MainWindow>(*session->m_registry, *session->m_context,
                                                         session->m_context->syncService());
    session->m_window->restoreSession();
    return session;
}

AppSession::~AppSession()
{
    if (m_window)
        m_window->saveSession();
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
