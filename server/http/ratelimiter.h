#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QString>

namespace jl::server {

// A token bucket per key (an access token's hash), in this instance's memory: behind a load
// balancer each instance limits on its own, which bounds a client to N times the rate —
// enough to keep one runaway sync loop from starving everyone else.
class RateLimiter final {
public:
    RateLimiter(int perSecond, int burst);

    // Takes one request from the key's bucket. False when empty; `retryAfterSeconds` then
    // says when the next one will be there.
    bool take(const QString &key, int *retryAfterSeconds);

private:
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };

    int m_perSecond;
    int m_burst;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastSweepMs = 0;
};

} // namespace jl::server
