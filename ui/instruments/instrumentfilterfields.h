#pragma once

#include "models/itemmodels/instrumentfilter.h"

#include <QCoreApplication>

namespace jl::ui {

class FilterBar;
class ScreenContext;

// The filters of the two instrument libraries (domain.md §8) on a FilterBar, and the
// InstrumentFilter they mean. The keys double as the arguments other screens open the
// libraries with (warningLevel=alert …).
class InstrumentFilterFields final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentFilterFields)

public:
    static constexpr auto Name = "name";
    static constexpr auto SerialNo = "serialNo";
    static constexpr auto Status = "status";
    static constexpr auto VerificationResult = "verificationResult";
    static constexpr auto InAppointment = "inAppointment";
    static constexpr auto Site = "site";
    static constexpr auto WarningLevel = "warningLevel";
    static constexpr auto Complete = "complete";

    // name, serialNo, status, verificationResult, inAppointment, site; behind 展开 the
    // warning level and completeness.
    static void addActive(FilterBar &bar, ScreenContext &context);
    // Re-reads the sites offered by the site filter (after a write or a sync).
    static void refreshSites(FilterBar &bar, ScreenContext &context);
    // name, serialNo.
    static void addHistory(FilterBar &bar);

    static models::InstrumentFilter read(const FilterBar &bar, models::Lifecycle lifecycle);
};

} // namespace jl::ui
