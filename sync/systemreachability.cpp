#include "sync/systemreachability.h"

#include <QNetworkInformation>

namespace jl::sync {

namespace {

bool onlineIn(QNetworkInformation::Reachability r)
{
    return r != QNetworkInformation::Reachability::Disconnected;
}

} // namespace

std::unique_ptr<SystemReachability> SystemReachability::create(QObject *parent)
{
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return nullptr;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return nullptr;
    std::unique_ptr<SystemReachability> r(new SystemReachability(parent));
    QObject::connect(info, &QNetworkInformation::reachabilityChanged, r.get(),
                     [self = r.get()](QNetworkInformation::Reachability now) {
                         const bool online = onlineIn(now);
                         if (self->m_online.exchange(online) != online)
                             Q_EMIT self->onlineChanged(online);
                     });
    return r;
}

SystemReachability::SystemReachability(QObject *parent)
    : Reachability(parent)
    , m_online(onlineIn(QNetworkInformation::instance()->reachability()))
{}

} // namespace jl::sync
