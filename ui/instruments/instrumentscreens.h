#pragma once

#include <QCoreApplication>

namespace jl::ui {

class ScreenContext;
class ScreenRegistry;

// The 计量器具管理 group of the navigation: 在用计量器具库 and 曾用计量器具库.
class InstrumentScreens final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentScreens)

public:
    static void registerScreens(ScreenRegistry &registry, ScreenContext &context);
};

} // namespace jl::ui
