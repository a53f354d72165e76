#include "models/store/failpoints.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace jl::models::failpoints {

namespace {

struct Registry {
    QMutex mutex;
    QHash<QString, int> remaining; // name -> hits left before it fails
    std::atomic<bool> any{false};
    std::atomic<bool> loaded{false};
};

// At namespace scope rather than a function-local static: GCC 12 then stops reporting a
// false -Wstringop-overflow on its atomics in optimised builds.
Registry g_registry;

Registry &registry()
{
    return g_registry;
}

void parseLocked(Registry &r)
{
    r.remaining.clear();
    const QString spec = qEnvironmentVariable("JILIANG_FAILPOINTS");
    const auto parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString name = part.section(QLatin1Char('='), 0, 0).trimmed();
        bool ok = false;
        const int n = part.section(QLatin1Char('='), 1, 1).toInt(&ok);
        if (!name.isEmpty())
            r.remaining.insert(name, ok && n > 0 ? n : 1);
    }
    r.any = !r.remaining.isEmpty();
    r.loaded = true;
}

} // namespace

bool hit(const QString &name)
{
    Registry &r = registry();
    if (!r.loaded) {
        QMutexLocker lock(&r.mutex);
        if (!r.loaded)
            parseLocked(r);
    }
    if (!r.any.load(std::memory_order_relaxed))
        return false;
    QMutexLocker lock(&r.mutex);
    auto it = r.remaining.find(name);
    if (it == r.remaining.end())
        return false;
    if (--it.value() > 0)
        return false;
    // Fires once, like a crash would: the retry after it must succeed.
    r.remaining.erase(it);
    r.any = !r.remaining.isEmpty();
    return true;
}

void arm(const QString &name, int onHit)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.loaded = true;
    r.remaining.insert(name, qMax(1, onHit));
    r.any = true;
}

void disarmAll()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.loaded = true;
    r.remaining.clear();
    r.any = false;
}

void loadFromEnvironment()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    parseLocked(r);
}

} // namespace jl::models::failpoints
