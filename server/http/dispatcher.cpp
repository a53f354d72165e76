#include "server/http/dispatcher.h"

#include "server/auth/authenticator.h"
#include "server/core/log.h"
#include "server/core/serverstate.h"
#include "server/core/settings.h"
#include "server/http/ratelimiter.h"
#include "server/http/router.h"

#include <QElapsedTimer>

#include <exception>

namespace jl::server {

Dispatcher::Dispatcher(const Router &router, Authenticator &authenticator, RateLimiter &limiter,
                       ServerState &state, const Settings &settings)
    : m_router(router)
    , m_authenticator(authenticator)
    , m_limiter(limiter)
    , m_state(state)
    , m_settings(settings)
{}

Response Dispatcher::handle(Request &request)
{
    QElapsedTimer timer;
    timer.start();
    Response response;
    try {
        response = route(request);
    } catch (const std::exception &e) {
        response =
            Response::problem(ApiError::internal(QString::fromUtf8(e.what())), request.lang());
    }
    if (request.path.startsWith(QLatin1String("/api/"))) {
        response.withHeader("Jiliang-Protocol-Version", QByteArray::number(ProtocolVersion));
        const QString epoch = m_state.cachedEpoch();
        if (!epoch.isEmpty())
            response.withHeader("Jiliang-Epoch", epoch.toLatin1());
        if (response.header("Cache-Control").isEmpty())
            response.withHeader("Cache-Control", "no-store");
    }
    qCDebug(lcHttp).noquote() << request.method << request.path << response.status
                              << timer.elapsed() << "ms";
    return response;
}

Response Dispatcher::route(Request &request)
{
    const Lang lang = request.lang();
    if (request.body.size() > m_settings.maxBodyBytes)
        return Response::problem(
            ApiError::make(413, Msg::PayloadTooLarge, {QString::number(m_settings.maxBodyBytes)}),
            lang);
    const Router::Match match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (match.allowed.isEmpty())
            return Response::problem(ApiError::make(404, Msg::NotFound), lang);
        Response r = Response::problem(
            ApiError::make(405, Msg::MethodNotAllowed, {QString::fromLatin1(request.method)}),
            lang);
        return r.withHeader("Allow", match.allowed.join(", "));
    }
    request.args = match.args;

    if (request.path.startsWith(QLatin1String("/api/")) &&
        request.hasHeader("jiliang-protocol-version")) {
        bool ok = false;
        const int version = request.header("jiliang-protocol-version").trimmed().toInt(&ok);
        if (!ok || version < MinProtocolVersion) {
            ApiError e = ApiError::make(426, Msg::UnsupportedProtocol,
                                        {QString::number(MinProtocolVersion)});
            e.with(QStringLiteral("minVersion"), MinProtocolVersion)
                .with(QStringLiteral("maxVersion"), ProtocolVersion);
            return Response::problem(e, lang);
        }
    }

    Principal principal;
    if (match.route->access != Access::Public) {
        auto who = m_authenticator.authenticate(request);
        if (!who) {
            Response r = Response::problem(who.error(), lang);
            if (who.error().status == 401)
                r.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return r;
        }
        principal = who.value();
        if (principal.kind == Principal::Kind::Anonymous)
            return Response::problem(ApiError::make(401, Msg::Unauthorized), lang)
                .withHeader("WWW-Authenticate", "Bearer");
        if (match.route->access == Access::Admin && !principal.isAdmin())
            return Response::problem(ApiError::make(403, Msg::AdminOnly), lang);
        if (match.route->access == Access::Enterprise && !principal.isEnterprise())
            return Response::problem(ApiError::make(403, Msg::EnterpriseOnly), lang);
        int retryAfter = 1;
        if (!m_limiter.take(principal.tokenHash, &retryAfter))
            return Response::problem(
                       ApiError::make(429, Msg::RateLimited, {QString::number(retryAfter)}), lang)
                .withHeader("Retry-After", QByteArray::number(retryAfter));
    }
    return match.route->handler(request, principal);
}

} // namespace jl::server
