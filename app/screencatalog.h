#pragma once

namespace jl::ui {
class ScreenContext;
class ScreenRegistry;
} // namespace jl::ui

namespace jl::app {

// Every screen of the program, in navigation order. A new screen is one line here.
void registerScreens(ui::ScreenRegistry &registry, ui::ScreenContext &context);

} // namespace jl::app
