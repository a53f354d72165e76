// Jiliang (计量): the desktop client for Zhejiang's supervision of measuring instruments
// under mandatory verification.
#include "app/accountstart.h"
#include "app/appsession.h"
#include "app/commandline.h"
#include "app/screenshotrunner.h"
#include "app/singleinstance.h"
#include "app/spreadsheetcommands.h"
#include "app/synccommand.h"
#include "app/translations.h"
#include "models/common/logging.h"
#include "ui/common/qtdialogs.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QDir>

#include <cstdio>

namespace {

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fputs("\n", stream);
}

int runScreenshots(const QString &dir)
{
    const auto written = jl::app::ScreenshotRunner::run(dir);
    if (!written) {
        print(stderr, written.error().message);
        return 1;
    }
    for (const QString &path : written.value())
        print(stdout, QDir::toNativeSeparators(path));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // jiliang import|export …: scripting and support, with no window and no display.
    if (jl::app::SpreadsheetCommands::handles(argc, argv))
        return jl::app::SpreadsheetCommands::run(argc, argv);
    // jiliang sync …: one sync without a window (scripts, the crash harness).
    if (jl::app::SyncCommand::handles(argc, argv))
        return jl::app::SyncCommand::run(argc, argv);

    // An unattended screenshot run needs no display; set before Qt picks its platform.
    if (jl::app::CommandLine::wantsScreenshot(argc, argv) &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Jiliang"));
    QCoreApplication::setApplicationName(QStringLiteral("jiliang"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Jiliang"));

    const jl::app::CommandLineOptions options =
        jl::app::CommandLine::parse(QCoreApplication::arguments());
    if (!options.error.isEmpty()) {
        print(stderr, options.error);
        print(stderr, jl::app::CommandLine::helpText());
        return 2;
    }
    if (options.help || options.version) {
        print(stdout, options.help ? jl::app::CommandLine::helpText()
                                   : QCoreApplication::applicationVersion());
        return 0;
    }

    jl::app::Translations translations;
    translations.install(options.language);
    QGuiApplication::setApplicationDisplayName(QApplication::translate("main", "Jiliang"));

    if (!options.screenshotDir.isEmpty())
        return runScreenshots(options.screenshotDir);

    QString dataDir = options.dataDir.isEmpty() ? jl::app::AppSession::defaultDataDir()
                                                : QDir(options.dataDir).absolutePath();
    if (options.demo)
        dataDir = QDir(dataDir).filePath(QStringLiteral("demo"));

    jl::ui::QtDialogs dialogs;
    jl::app::SingleInstance instance(dataDir);
    if (!instance.acquire()) {
        if (instance.activateRunning())
            return 0;
        dialogs.warning(nullptr, QApplication::translate("main", "Jiliang is already running"),
                        QApplication::translate("main",
                                                "Jiliang is already running for this data "
                                                "folder but did not answer. Close it, or wait "
                                                "a moment and start again."));
        return 1;
    }

    jl::models::installFileLogging(QDir(dataDir).filePath(QStringLiteral("logs")));
    if (options.dataDir.isEmpty() && !options.demo) {
        // The normal start: accounts, the start screen and the browser login. --data-dir and
        // --demo open one folder directly, without an account (tests, demos, screenshots).
        const int code = jl::app::AccountStart(dataDir, dialogs).run(instance);
        jl::models::uninstallFileLogging();
        return code;
    }
    auto session = jl::app::AppSession::open({dataDir, options.demo}, dialogs);
    if (!session) {
        dialogs.critical(nullptr, QApplication::translate("main", "Cannot start Jiliang"),
                         session.error().message);
        jl::models::uninstallFileLogging();
        return 1;
    }
    jl::ui::MainWindow &window = session.value()->window();
    QObject::connect(&instance, &jl::app::SingleInstance::activationRequested, &window, [&window] {
        if (window.isMinimized())
            window.showNormal();
        window.show();
        window.raise();
        window.activateWindow();
    });
    window.show();
    session.value()->tellStartupNotices();

    const int code = QApplication::exec();
    session.value().reset(); // the window and the database close before logging stops
    jl::models::uninstallFileLogging();
    return code;
}
