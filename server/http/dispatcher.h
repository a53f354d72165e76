#pragma once

#include "server/http/request.h"
#include "server/http/response.h"

namespace jl::server {

class Authenticator;
class RateLimiter;
class Router;
class ServerState;
struct Settings;

// What every request goes through before its handler: route match (404/405), protocol
// version (426), body size (413), authentication and access (401/403), rate limit (429);
// and after it: the protocol and epoch headers. Runs on a worker thread.
class Dispatcher final {
public:
    static constexpr int ProtocolVersion = 1;
    static constexpr int MinProtocolVersion = 1;

    Dispatcher(const Router &router, Authenticator &authenticator, RateLimiter &limiter,
               ServerState &state, const Settings &settings);

    Response handle(Request &request);

private:
    Response route(Request &request);

    const Router &m_router;
    Authenticator &m_authenticator;
    RateLimiter &m_limiter;
    ServerState &m_state;
    const Settings &m_settings;
};

} // namespace jl::server
