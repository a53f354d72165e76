#include "server/api/systemendpoints.h"

#include "server/core/serverstate.h"
#include "server/http/dispatcher.h"
#include "server/storage/connectionpool.h"

namespace jl::server {

void SystemEndpoints::addRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/version"), Access::Public,
               [this](const Request &request, const Principal &) {
                   auto db = m_services.db.local();
                   if (!db)
                       return Response::problem(db.error(), request.lang());
                   auto state = m_services.state.get(**db);
                   if (!state)
                       return Response::problem(state.error(), request.lang());
                   return Response::json(
                       200, {{QStringLiteral("protocolVersion"), Dispatcher::ProtocolVersion},
                             {QStringLiteral("minProtocolVersion"), Dispatcher::MinProtocolVersion},
                             {QStringLiteral("epoch"), state->epoch},
                             {QStringLiteral("server"), QStringLiteral("jiliang-server")}});
               });
}

} // namespace jl::server
