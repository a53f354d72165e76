#pragma once

#include "fakeremote.h"
#include "forwardingremote.h"

namespace jl::test {

// Hands a SyncController's worker a RemoteApi that forwards to the test's FakeRemote, so that
// the test can change the server between runs (runFinished orders the two threads). A cancel
// stays with the worker's run: the fake server itself is not told.
class ForwardRemote final : public ForwardingRemote {
public:
    explicit ForwardRemote(FakeRemote &to)
        : ForwardingRemote(to)
    {}
    void cancel() override {}
};

} // namespace jl::test
