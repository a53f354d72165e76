#include "server/http/ratelimiter.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace jl::server {

RateLimiter::RateLimiter(int perSecond, int burst)
    : m_perSecond(perSecond)
    , m_burst(std::max(burst, 1))
{}

bool RateLimiter::take(const QString &key, int *retryAfterSeconds)
{
    if (m_perSecond <= 0)
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    // Full buckets carry no information; dropping them now and then bounds the memory.
    if (now - m_lastSweepMs > 60000) {
        m_lastSweepMs = now;
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            const double refill = (now - it->lastMs) / 1000.0 * m_perSecond;
            it = it->tokens + refill >= m_burst ? m_buckets.erase(it) : std::next(it);
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), now});
    Bucket &b = it.value();
    b.tokens = std::min(double(m_burst), b.tokens + (now - b.lastMs) / 1000.0 * m_perSecond);
    b.lastMs = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return true;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = std::max(1, int(std::ceil((1.0 - b.tokens) / m_perSecond)));
    return false;
}

} // namespace jl::server
