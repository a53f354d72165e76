#include "server/auth/authorizationrequest.h"

#include "server/auth/secrets.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace jl::server {

namespace {

ApiError refused(const QString &why)
{
    return ApiError::make(400, Msg::LoginBadRequest, {why});
}

} // namespace

bool AuthorizationRequest::isLoopbackRedirect(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.hasFragment() ||
        !url.userInfo().isEmpty() || url.port() < 1)
        return false;
    // An IP literal, not "localhost", which a hosts file or DNS could point elsewhere.
    const QHostAddress host(url.host());
    return host == QHostAddress(QHostAddress::LocalHost) ||
           host == QHostAddress(QHostAddress::LocalHostIPv6);
}

bool AuthorizationRequest::isValidVerifier(const QString &verifier)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    return re.match(verifier).hasMatch();
}

QString AuthorizationRequest::challengeFor(const QString &verifier)
{
    return secrets::base64Url(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
}

Outcome<AuthorizationRequest> AuthorizationRequest::parse(const QUrlQuery &q)
{
    auto item = [&q](const char *name) {
        return q.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    AuthorizationRequest r;
    r.clientId = item("client_id");
    r.redirectUri = item("redirect_uri");
    r.state = item("state");
    r.codeChallenge = item("code_challenge");
    if (r.clientId != QLatin1String(ClientId))
        return ApiError::make(400, Msg::InvalidClient);
    if (!isLoopbackRedirect(r.redirectUri))
        return refused(QStringLiteral("redirect_uri must be http://127.0.0.1:PORT/… or "
                                      "http://[::1]:PORT/…"));
    if (item("response_type") != QLatin1String("code"))
        return refused(QStringLiteral("response_type must be code"));
    if (item("code_challenge_method") != QLatin1String("S256"))
        return refused(QStringLiteral("code_challenge_method must be S256"));
    static const QRegularExpression challenge(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    if (!challenge.match(r.codeChallenge).hasMatch())
        return refused(QStringLiteral("code_challenge must be BASE64URL(SHA-256(verifier))"));
    if (r.state.size() > 500)
        return refused(QStringLiteral("state is too long"));
    return r;
}

} // namespace jl::server
