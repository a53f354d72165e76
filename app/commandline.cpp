#include "app/commandline.h"

#include <QCommandLineParser>

#include <cstring>

namespace jl::app {

namespace {

struct Parser {
    QCommandLineParser parser;
    QCommandLineOption lang{QStringLiteral("lang"),
                            CommandLine::tr("Interface language: zh_CN or en (default: the "
                                            "system's)."),
                            QStringLiteral("language")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               CommandLine::tr("Keep the local database and settings in DIR."),
                               QStringLiteral("DIR")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            CommandLine::tr("Open a separate demo database filled with "
                                            "example instruments.")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  CommandLine::tr("Write a 1280×800 PNG of every screen, with "
                                                  "demo data, into DIR, then quit."),
                                  QStringLiteral("DIR")};

    Parser()
    {
        parser.setApplicationDescription(
            CommandLine::tr("Jiliang: the measuring instruments of an enterprise under "
                            "mandatory verification."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({lang, dataDir, demo, screenshot});
    }
};

} // namespace

CommandLineOptions CommandLine::parse(const QStringList &arguments)
{
    Parser p;
    CommandLineOptions options;
    if (!p.parser.parse(arguments)) {
        options.error = p.parser.errorText();
        return options;
    }
    options.help = p.parser.isSet(QStringLiteral("help"));
    options.version = p.parser.isSet(QStringLiteral("version"));
    options.language = p.parser.value(p.lang);
    const QStringList languages{QStringLiteral("zh_CN"), QStringLiteral("en")};
    if (p.parser.isSet(p.lang) && !languages.contains(options.language)) {
        options.error = tr("Unknown language \"%1\": use zh_CN or en.").arg(options.language);
        return options;
    }
    options.dataDir = p.parser.value(p.dataDir);
    options.demo = p.parser.isSet(p.demo);
    options.screenshotDir = p.parser.value(p.screenshot);
    if (!p.parser.positionalArguments().isEmpty()) {
        options.error =
            tr("Unexpected argument \"%1\".").arg(p.parser.positionalArguments().constFirst());
    }
    return options;
}

QString CommandLine::helpText()
{
    Parser p;
    return p.parser.helpText();
}

bool CommandLine::wantsScreenshot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 ||
            std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

} // namespace jl::app
