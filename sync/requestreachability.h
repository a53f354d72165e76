#pragma once

#include "sync/reachability.h"

#include <atomic>

namespace jl::sync {

// Reachability learned from the API client's own requests, for systems where
// QNetworkInformation has no backend: offline after a request that could not reach the
// server (no connection, timeout), online after any answer, even an error status. Fed by
// HttpRemote::setReachabilityObserver(); report() may be called from any thread (the signal
// then reaches receivers on their own threads through queued connections).
class RequestReachability final : public Reachability {
    Q_OBJECT

public:
    // Unknown until the first request; online is the hopeful guess that lets a sync start.
    explicit RequestReachability(QObject *parent = nullptr);

    bool isOnline() const override { return m_online.load(); }
    void report(bool answered);

private:
    std::atomic<bool> m_online{true};
};

} // namespace jl::sync
