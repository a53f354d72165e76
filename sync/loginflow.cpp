#include "sync/loginflow.h"

#include "models/common/logging.h"
#include "sync/oauthclient.h"

#include <QCryptographicHash>
#include <QDesktopServices>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>

namespace jl::sync {

namespace {

constexpr int RequestTimeoutMs = 30000;

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// RFC 7636: 32 random bytes give a 43-character verifier.
QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return base64Url(raw);
}

} // namespace

LoginFlow::LoginFlow(QNetworkAccessManager &network, const QUrl &server, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_server(server)
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { fail(Failure::Timeout); });
}

LoginFlow::~LoginFlow()
{
    if (m_reply)
        m_reply->abort();
}

void LoginFlow::setBrowserOpener(BrowserOpener opener)
{
    m_opener = std::move(opener);
}

QUrl LoginFlow::redirectUrl() const
{
    return m_handler ? QUrl(m_handler->callback()) : QUrl();
}

void LoginFlow::start()
{
    if (m_running)
        return;
    m_running = true;
    m_timer.start(m_timeoutMs);
    checkServer();
}

void LoginFlow::cancel()
{
    if (m_running)
        fail(Failure::Cancelled);
}

void LoginFlow::checkServer()
{
    // A wrong address is the commonest mistake: say so before the browser opens.
    QNetworkRequest request(oauth::endpoint(m_server, QStringLiteral("/api/v1/version")));
    request.setTransferTimeout(RequestTimeoutMs);
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] {
        reply->deleteLater();
        if (!m_running)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return fail(Failure::ServerUnreachable, reply->errorString());
        const QJsonObject version = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200 || version.isEmpty())
            return fail(Failure::NotJiliangServer, QString::number(status));
        Q_EMIT serverChecked();
        openBrowser();
    });
}

void LoginFlow::openBrowser()
{
    // RFC 8252 §7.3: the loopback IP literal, never "localhost"; port 0 picks a free one.
    // Bound to 127.0.0.1 only, so no firewall prompt and nothing reachable from outside.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
    if (!m_handler->isListening())
        return fail(Failure::ListenerFailed);
    m_handler->setCallbackText(tr("Jiliang received the login. You can close this page and "
                                  "return to Jiliang."));
    m_flow = new QOAuth2AuthorizationCodeFlow(&m_network, this);
    m_flow->setReplyHandler(m_handler);
    m_flow->setAuthorizationUrl(oauth::endpoint(m_server, QStringLiteral("/oauth/authorize")));
    m_flow->setAccessTokenUrl(oauth::endpoint(m_server, QStringLiteral("/oauth/token")));
    m_flow->setClientIdentifier(QString::fromLatin1(oauth::ClientId));
    m_state = randomToken(24);
    m_flow->setState(m_state);
    m_verifier = randomToken(32);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_flow->setPkceMethod(QOAuth2AuthorizationCodeFlow::PkceMethod::S256);
#else
    // Qt 6.4 has no PKCE: the challenge goes into the authorization request and the verifier
    // into the token request by hand. 6.4 also percent-encodes the code twice; decoding it
    // once here gives the server the code it issued (TOOLCHAIN.md).
    const QString challenge =
        base64Url(QCryptographicHash::hash(m_verifier.toLatin1(), QCryptographicHash::Sha256));
    m_flow->setModifyParametersFunction([verifier = m_verifier,
                                         challenge](QAbstractOAuth::Stage stage,
                                                    QMultiMap<QString, QVariant> *parameters) {
        if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
            parameters->replace(QStringLiteral("code_challenge"), challenge);
            parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
            const QByteArray code = parameters->value(QStringLiteral("code")).toByteArray();
            parameters->replace(QStringLiteral("code"), QUrl::fromPercentEncoding(code));
            parameters->replace(QStringLiteral("code_verifier"), verifier);
        }
    });
#endif
    // Our own look at every answer first: Qt 6.4 drops an answer with the wrong state without
    // a signal, and the user must hear that it was refused.
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &LoginFlow::callbackReceived, Qt::DirectConnection);
    connect(m_flow, &QAbstractOAuth::granted, this, &LoginFlow::granted);
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &) {
                fail(error == QLatin1String("access_denied") ? Failure::Cancelled
                                                             : Failure::Refused,
                     description.isEmpty() ? error : description);
            });
    connect(m_flow, &QAbstractOAuth::requestFailed, this, [this](QAbstractOAuth::Error error) {
        fail(error == QAbstractOAuth::Error::NetworkError ? Failure::ServerUnreachable
                                                          : Failure::Refused);
    });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        if (!m_opener || !m_opener(url))
            return fail(Failure::BrowserNotOpened, url.toString());
        Q_EMIT browserOpened(url);
    });
    m_flow->grant();
}

void LoginFlow::callbackReceived(const QVariantMap &values)
{
    if (!m_running)
        return;
    const QString error = values.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        return fail(error == QLatin1String("access_denied") ? Failure::Cancelled : Failure::Refused,
                    values.value(QStringLiteral("error_description")).toString());
    }
    if (values.value(QStringLiteral("state")).toString() != m_state) {
        qCWarning(models::lcSync) << "login answer refused: state does not match this attempt";
        return fail(Failure::StateMismatch);
    }
}

void LoginFlow::granted()
{
    if (!m_running)
        return;
    m_tokens = TokenPair{m_flow->token(), m_flow->refreshToken()};
    if (m_tokens.accessToken.isEmpty() || m_tokens.refreshToken.isEmpty())
        return fail(Failure::BadReply, QStringLiteral("no refresh token"));
    fetchEnterprise();
}

void LoginFlow::fetchEnterprise()
{
    QNetworkRequest request(oauth::endpoint(m_server, QStringLiteral("/api/v1/enterprise")));
    request.setTransferTimeout(RequestTimeoutMs);
    request.setRawHeader("Authorization",
                         QByteArrayLiteral("Bearer ") + m_tokens.accessToken.toLatin1());
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] {
        reply->deleteLater();
        if (!m_running)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return fail(Failure::ServerUnreachable, reply->errorString());
        const QJsonObject record = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonObject data = record.value(u"data").toObject();
        LoginResult result;
        result.tokens = m_tokens;
        result.enterpriseId = record.value(u"id").toString();
        result.uscc = data.value(u"uscc").toString();
        result.enterpriseName = data.value(u"name").toString();
        if (status != 200 || result.uscc.isEmpty())
            return fail(Failure::BadReply, QString::number(status));
        stop();
        qCInfo(models::lcSync) << "logged in as" << result.uscc;
        Q_EMIT finished(result);
    });
}

void LoginFlow::fail(Failure failure, const QString &detail)
{
    if (!m_running)
        return;
    stop();
    qCWarning(models::lcSync) << "login failed:" << failure;
    Q_EMIT failed(failure, describe(failure, detail));
}

void LoginFlow::stop()
{
    m_running = false;
    m_timer.stop();
    m_tokens = {};
    if (m_reply)
        m_reply->abort();
    // The listener closes now: nothing answers on the port after this attempt.
    if (m_handler)
        m_handler->close();
}

QString LoginFlow::describe(Failure failure, const QString &detail)
{
    switch (failure) {
    case Failure::ServerUnreachable:
        return tr("The server could not be reached. Check the server address and the network "
                  "connection, then try again.") +
               (detail.isEmpty() ? QString() : QStringLiteral("\n(") + detail + u')');
    case Failure::NotJiliangServer:
        return tr("The server address answered, but it is not a Jiliang server. Check the "
                  "address.");
    case Failure::ListenerFailed:
        return tr("Jiliang could not prepare to receive the login answer on this computer "
                  "(no local port). Try again; if it keeps failing, restart the computer.");
    case Failure::BrowserNotOpened:
        return tr("The web browser could not be opened. Open this address in a browser to log "
                  "in:\n%1")
            .arg(detail);
    case Failure::Cancelled:
        return tr("The login was cancelled.");
    case Failure::Timeout:
        return tr("The login took too long and was stopped. Try again, and finish the login "
                  "in the browser.");
    case Failure::StateMismatch:
        return tr("The login answer did not belong to this login attempt and was refused. "
                  "Start the login again from Jiliang.");
    case Failure::Refused:
        return tr("The server refused the login.") +
               (detail.isEmpty() ? QString() : QStringLiteral(" ") + detail);
    case Failure::BadReply:
        break;
    }
    return tr("The server gave an answer Jiliang does not understand. Try again later.");
}

} // namespace jl::sync
