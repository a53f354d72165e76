#pragma once

#include <QString>

namespace jl::sync {

// Where the API client gets its bearer token, and how it recovers from 401 (sync.md §12, §19).
// Implemented by the login/keychain side; the engine and the HTTP adapter only use this.
// Called on the engine's thread; implementations guard their own state.
class TokenProvider {
public:
    enum class Refresh {
        Refreshed,     // accessToken() now returns a new token: retry the request
        LoginRequired, // the refresh token expired or was revoked: ask the user to log in
        Unavailable,   // network or server trouble: retry later with backoff
    };

    virtual ~TokenProvider() = default;
    virtual QString accessToken() const = 0;
    virtual Refresh refresh() = 0;
};

} // namespace jl::sync
