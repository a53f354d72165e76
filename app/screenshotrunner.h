#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QSize>
#include <QStringList>

namespace jl::app {

// --screenshot DIR: opens every registered screen over fresh demo data in a throwaway data
// folder and writes <screen id>.png of the main window at 1280×800 for each. Used for the
// documentation and to check layouts (Chinese text, clipping) without a display.
class ScreenshotRunner final {
    Q_DECLARE_TR_FUNCTIONS(ScreenshotRunner)

public:
    static constexpr QSize Size{1280, 800};

    // Returns the files written.
    static models::Result<QStringList> run(const QString &outputDir);
};

} // namespace jl::app
