#pragma once

// Passes every RemoteApi call to another one (prefetch hints included, so the engine's real
// paths run); a test's or benchmark's wrapper overrides only what it adds (latency, counting).
#include "sync/remoteapi.h"

namespace jl::test {

class ForwardingRemote : public sync::RemoteApi {
public:
    explicit ForwardingRemote(sync::RemoteApi &to)
        : m_to(to)
    {}
    sync::RemoteResult<QString> epoch() override { return m_to.epoch(); }
    sync::RemoteResult<sync::ChangesPage> changes(const QString &c, int l) override
    {
        return m_to.changes(c, l);
    }
    void prefetchChanges(const QString &c, int l) override { m_to.prefetchChanges(c, l); }
    sync::RemoteResult<sync::PushReply> push(const QList<sync::PushEntry> &e) override
    {
        return m_to.push(e);
    }
    int maxBatch() const override { return m_to.maxBatch(); }
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
    void cancel() override { m_to.cancel(); }

protected:
    sync::RemoteApi &m_to;
};

} // namespace jl::test
