#include "server/auth/oauthendpoints.h"

#include "server/admin/uscc.h"
#include "server/auth/loginpage.h"

#include <QDateTime>
#include <QUrl>
#include <QUrlQuery>

namespace jl::server {

namespace {

constexpr int MaxFailures = 10;
constexpr qint64 FailureWindowMs = 15 * 60 * 1000;

QUrlQuery formOf(const Request &request)
{
    // application/x-www-form-urlencoded: '+' is a space there, not in QUrlQuery.
    QByteArray body = request.body;
    body.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(body));
}

// RFC 6749 §5.2 error bodies, with our message beside them for people.
Response oauthError(const ApiError &e, Lang lang)
{
    const QString code = messageCode(e.msg);
    const bool standard = code == QLatin1String("invalid_grant") ||
                          code == QLatin1String("invalid_client") ||
                          code == QLatin1String("unsupported_grant_type");
    QJsonObject o{{QStringLiteral("error"), standard ? code : QStringLiteral("invalid_request")},
                  {QStringLiteral("error_description"), messageDetail(e.msg, lang, e.args)},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("title"), messageTitle(e.msg, lang)},
                  {QStringLiteral("detail"), messageDetail(e.msg, lang, e.args)},
                  {QStringLiteral("status"), e.status}};
    if (e.status >= 500)
        return Response::problem(e, lang);
    return Response::json(e.status, o).withHeader("Cache-Control", "no-store");
}

} // namespace

OAuthEndpoints::OAuthEndpoints(Services services)
    : m_services(services)
    , m_tokens(services.db, services.settings)
{}

void OAuthEndpoints::addRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/oauth/authorize"), Access::Public,
               [this](const Request &r, const Principal &) { return showForm(r); });
    router.add("POST", QStringLiteral("/oauth/authorize"), Access::Public,
               [this](const Request &r, const Principal &) { return submitForm(r); });
    router.add("POST", QStringLiteral("/oauth/token"), Access::Public,
               [this](const Request &r, const Principal &) { return token(r); });
    router.add("POST", QStringLiteral("/oauth/revoke"), Access::Public,
               [this](const Request &r, const Principal &) { return revoke(r); });
}

Response OAuthEndpoints::showForm(const Request &request)
{
    const Lang lang = request.lang();
    auto parsed = AuthorizationRequest::parse(request.query);
    if (!parsed)
        return Response::html(400, LoginPage::refusal(lang, messageDetail(parsed.error().msg, lang,
                                                                          parsed.error().args)));
    return Response::html(200, LoginPage::form(parsed.value(), lang));
}

Response OAuthEndpoints::submitForm(const Request &request)
{
    const Lang lang = request.lang();
    const QUrlQuery form = formOf(request);
    auto parsed = AuthorizationRequest::parse(form);
    if (!parsed)
        return Response::html(400, LoginPage::refusal(lang, messageDetail(parsed.error().msg, lang,
                                                                          parsed.error().args)));
    const QString code = uscc::normalized(form.queryItemValue(QStringLiteral("uscc")));
    const QString password = form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
    if (const int wait = lockedFor(code); wait > 0)
        return Response::html(429, LoginPage::form(parsed.value(), lang, code,
                                                   messageDetail(Msg::LoginTooManyAttempts, lang,
                                                                 {QString::number(wait)})));
    auto account = m_tokens.checkPassword(code, password);
    if (!account) {
        if (account.error().status != 401)
            return Response::html(
                account.error().status,
                LoginPage::refusal(lang, messageDetail(account.error().msg, lang)));
        recordFailure(code);
        return Response::html(401, LoginPage::form(parsed.value(), lang, code,
                                                   messageDetail(Msg::LoginFailed, lang)));
    }
    auto issued = m_tokens.issueCode(account.value(), parsed.value());
    if (!issued)
        return Response::html(500,
                              LoginPage::refusal(lang, messageDetail(Msg::InternalError, lang)));
    QUrl target(parsed->redirectUri);
    QUrlQuery q(target);
    q.addQueryItem(QStringLiteral("code"), issued.value());
    if (!parsed->state.isEmpty())
        q.addQueryItem(QStringLiteral("state"),
                       QString::fromLatin1(QUrl::toPercentEncoding(parsed->state)));
    target.setQuery(q);
    return Response::redirect(target.toEncoded());
}

Response OAuthEndpoints::token(const Request &request)
{
    const Lang lang = request.lang();
    const QUrlQuery form = formOf(request);
    auto item = [&form](const char *name) {
        return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const QString grant = item("grant_type");
    Outcome<QJsonObject> result = ApiError::make(400, Msg::UnsupportedGrant, {grant});
    if (grant == QLatin1String("authorization_code")) {
        if (item("client_id") != QLatin1String(AuthorizationRequest::ClientId))
            return oauthError(ApiError::make(401, Msg::InvalidClient), lang);
        result = m_tokens.exchangeCode(item("code"), item("client_id"), item("redirect_uri"),
                                       item("code_verifier"));
    } else if (grant == QLatin1String("refresh_token")) {
        result = m_tokens.refresh(item("refresh_token"), item("client_id"));
    }
    if (!result)
        return oauthError(result.error(), lang);
    return Response::json(200, result.value()).withHeader("Cache-Control", "no-store");
}

Response OAuthEndpoints::revoke(const Request &request)
{
    const QString token =
        formOf(request).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (Done d = m_tokens.revoke(token); !d)
        return oauthError(d.error(), request.lang());
    return Response::json(200, QJsonObject());
}

int OAuthEndpoints::lockedFor(const QString &uscc)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_failures.constFind(uscc);
    if (it == m_failures.constEnd() || it->count < MaxFailures)
        return 0;
    const qint64 left = it->windowStartMs + FailureWindowMs - QDateTime::currentMSecsSinceEpoch();
    return left > 0 ? int(left / 1000) + 1 : 0;
}

void OAuthEndpoints::recordFailure(const QString &uscc)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    if (m_failures.size() > 100000)
        m_failures.clear(); // a flood of made-up codes must not grow without bound
    Failures &f = m_failures[uscc];
    if (now - f.windowStartMs > FailureWindowMs)
        f = Failures{0, now};
    ++f.count;
}

} // namespace jl::server
