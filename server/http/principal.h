#pragma once

#include <QString>

namespace jl::server {

// Who sent a request, as its bearer token says.
struct Principal {
    enum class Kind { Anonymous, Enterprise, Admin };
    Kind kind = Kind::Anonymous;
    QString enterpriseId; // Enterprise: every query is scoped to it
    QString accountId;
    QString tokenHash; // identifies the token for rate limiting, never the token itself

    bool isEnterprise() const { return kind == Kind::Enterprise; }
    bool isAdmin() const { return kind == Kind::Admin; }
};

} // namespace jl::server
