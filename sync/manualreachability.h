#pragma once

#include "sync/reachability.h"

#include <atomic>

namespace jl::sync {

// Set by hand: tests, and a "work offline" switch.
class ManualReachability final : public Reachability {
    Q_OBJECT

public:
    explicit ManualReachability(bool online = true, QObject *parent = nullptr);

    bool isOnline() const override { return m_online.load(); }
    void setOnline(bool online);

private:
    std::atomic<bool> m_online;
};

} // namespace jl::sync
