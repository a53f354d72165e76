#pragma once

#include "server/core/outcome.h"
#include "server/http/principal.h"
#include "server/http/request.h"

namespace jl::server {

class ConnectionPool;

// Turns "Authorization: Bearer …" into a Principal: an enterprise's access token or the
// admin credential. No header gives Anonymous; an unknown, expired or revoked token gives
// 401.
class Authenticator final {
public:
    explicit Authenticator(ConnectionPool &pool);
    Outcome<Principal> authenticate(const Request &request);

private:
    ConnectionPool &m_pool;
};

} // namespace jl::server
