#pragma once

#include "server/core/server.h"

namespace jl::server {

// GET /api/v1/reference/{institutions,categories,calendar,thresholds,settings}: reference data
// shared by all enterprises (domain.md §7), with an ETag so that a client's daily check costs
// a 304.
class ReferenceEndpoints final : public Endpoints {
public:
    explicit ReferenceEndpoints(Services services)
        : m_services(services)
    {}
    void addRoutes(Router &router) override;

private:
    Response serve(const Request &request, const QString &name);

    Services m_services;
};

} // namespace jl::server
