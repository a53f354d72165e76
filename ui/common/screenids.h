#pragma once

// Stable ids of the registered screens: kept in the settings (tabs restored at start) and
// used by one screen to open another.
namespace jl::ui::ScreenIds {
inline constexpr auto Home = "home";
inline constexpr auto ActiveInstruments = "instruments.active";
inline constexpr auto HistoryInstruments = "instruments.history";
inline constexpr auto SyncStatus = "sync.status";
inline constexpr auto SyncConflicts = "sync.conflicts";
} // namespace jl::ui::ScreenIds
