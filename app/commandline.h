#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace jl::app {

struct CommandLineOptions {
    QString language;      // "zh_CN", "en", or empty for the system's
    QString dataDir;       // empty: the per-user application data folder
    bool demo = false;     // a separate database filled with demo data
    QString screenshotDir; // write one PNG per screen there, then quit
    bool help = false;
    bool version = false;
    QString error; // set when the arguments make no sense; the rest is then unset
};

// jiliang [--lang zh_CN|en] [--data-dir DIR] [--demo] [--screenshot DIR]
class CommandLine final {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static CommandLineOptions parse(const QStringList &arguments);
    static QString helpText();
    // Looked for before QApplication exists (the screenshot run picks its platform then).
    static bool wantsScreenshot(int argc, char **argv);
};

} // namespace jl::app
