#pragma once

// Hands a SyncController's worker a RemoteApi that forwards to the test's FakeRemote, so that
// the test can change the server between runs (runFinished orders the two threads).
#include "fakeremote.h"

namespace jl::test {

class ForwardRemote final : public sync::RemoteApi {
public:
    explicit ForwardRemote(FakeRemote &to)
        : m_to(to)
    {}
    sync::RemoteResult<QString> epoch() override { return m_to.epoch(); }
    sync::RemoteResult<sync::ChangesPage> changes(const QString &c, int l) override
    {
        return m_to.changes(c, l);
    }
    sync::RemoteResult<sync::PushReply> push(const QList<sync::PushEntry> &e) override
    {
        return m_to.push(e);
    }
    sync::RemoteResult<qint64> uploadedBytes(const QString &s) override
    {
        return m_to.uploadedBytes(s);
    }
    sync::RemoteResult<qint64> uploadChunk(const QString &s, qint64 o, qint64 t,
                                           const QByteArray &c) override
    {
        return m_to.uploadChunk(s, o, t, c);
    }
    sync::RemoteResult<bool> download(const QString &s, const QString &p,
                                      const std::function<void(qint64, qint64)> &f) override
    {
        return m_to.download(s, p, f);
    }
    void cancel() override {}

private:
    FakeRemote &m_to;
};

} // namespace jl::test
