#pragma once

#include "server/core/server.h"
#include "server/core/services.h"

namespace jl::server {

// GET /api/v1/version: what a client checks before anything else (protocol range, epoch).
class SystemEndpoints final : public Endpoints {
public:
    explicit SystemEndpoints(Services services)
        : m_services(services)
    {}
    void addRoutes(Router &router) override;

private:
    Services m_services;
};

} // namespace jl::server
