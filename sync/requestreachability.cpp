#include "sync/requestreachability.h"

namespace jl::sync {

RequestReachability::RequestReachability(QObject *parent)
    : Reachability(parent)
{}

void RequestReachability::report(bool answered)
{
    if (m_online.exchange(answered) != answered)
        Q_EMIT onlineChanged(answered);
}

} // namespace jl::sync
