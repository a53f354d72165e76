#pragma once

#include <QCoreApplication>

namespace jl::ui {

class ScreenContext;
class ScreenRegistry;

// The navigation's 同步 group (domain.md §8): 同步状态 and 冲突, each with a badge counting
// what waits for the user (changes the server refused, conflicts).
class SyncScreens final {
    Q_DECLARE_TR_FUNCTIONS(SyncScreens)

public:
    static void registerScreens(ScreenRegistry &registry, ScreenContext &context);
};

} // namespace jl::ui
