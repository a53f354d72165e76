#pragma once

#include "sync/reachability.h"

#include <atomic>
#include <memory>

namespace jl::sync {

// The operating system's view (QNetworkInformation: NetworkManager on Linux, Network List
// Manager on Windows). Only "disconnected" counts as offline: a captive portal or a local
// network may still reach a server on the intranet, and the requests will tell.
class SystemReachability final : public Reachability {
    Q_OBJECT

public:
    // Null when no QNetworkInformation backend loads (a container, a minimal Linux): use a
    // RequestReachability then.
    static std::unique_ptr<SystemReachability> create(QObject *parent = nullptr);

    bool isOnline() const override { return m_online.load(); }

private:
    explicit SystemReachability(QObject *parent);

    std::atomic<bool> m_online;
};

} // namespace jl::sync
