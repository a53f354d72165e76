#include "sync/manualreachability.h"

namespace jl::sync {

ManualReachability::ManualReachability(bool online, QObject *parent)
    : Reachability(parent)
    , m_online(online)
{}

void ManualReachability::setOnline(bool online)
{
    if (m_online.exchange(online) != online)
        Q_EMIT onlineChanged(online);
}

} // namespace jl::sync
