#pragma once

#include "server/core/outcome.h"

#include <QString>
#include <QUrlQuery>

namespace jl::server {

// The parameters of /oauth/authorize, checked: the one registered client (the desktop
// program, a public client), a loopback redirect on any port (RFC 8252 §7.3), response_type
// code, and PKCE with S256 only (RFC 7636; "plain" is refused).
struct AuthorizationRequest {
    static constexpr auto ClientId = "jiliang-desktop";

    QString clientId;
    QString redirectUri;
    QString state;
    QString codeChallenge;

    // A failure here must not redirect (the redirect target itself may be the problem): the
    // page shows the reason instead.
    static Outcome<AuthorizationRequest> parse(const QUrlQuery &query);
    static bool isLoopbackRedirect(const QString &uri);
    // code_verifier: 43–128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1).
    static bool isValidVerifier(const QString &verifier);
    static QString challengeFor(const QString &verifier); // BASE64URL(SHA256(verifier))
};

} // namespace jl::server
