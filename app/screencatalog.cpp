#include "app/screencatalog.h"

#include "ui/home/homescreen.h"
#include "ui/instruments/instrumentscreens.h"
#include "ui/sync/syncscreens.h"

namespace jl::app {

void registerScreens(ui::ScreenRegistry &registry, ui::ScreenContext &context)
{
    ui::HomeScreen::registerScreen(registry, context);
    ui::InstrumentScreens::registerScreens(registry, context);
    ui::SyncScreens::registerScreens(registry, context);
}

} // namespace jl::app
