#pragma once

#include <QObject>

namespace jl::sync {

// Whether the server is likely reachable (sync.md "Network"): the status bar shows it and the
// engine syncs again when it comes back. Injectable, so that tests can switch the network
// off and on: SystemReachability (QNetworkInformation, where a backend loads),
// RequestReachability (the outcomes of the API client's requests), ManualReachability.
// isOnline() may be read from any thread; the signal is emitted only on a change.
class Reachability : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Reachability() override = default;

    virtual bool isOnline() const = 0;

Q_SIGNALS:
    void onlineChanged(bool online);
};

} // namespace jl::sync
