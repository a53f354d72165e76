#pragma once

#include "sync/tokenstore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace jl::sync {

// Who logged in: the tokens and the enterprise they belong to (GET /api/v1/enterprise).
struct LoginResult {
    TokenPair tokens;
    QString uscc;
    QString enterpriseName;
    QString enterpriseId;
};

// The legal-person login (sync.md §19, RFC 8252): authorization code + PKCE S256 in the
// system browser, answered on a loopback listener bound to 127.0.0.1 on a random port, with
// `state` checked. One LoginFlow per attempt. The browser is opened through an injectable
// opener so that tests play the browser themselves.
class LoginFlow final : public QObject {
    Q_OBJECT

public:
    enum class Failure {
        ServerUnreachable, // no answer from the server address (before or after the browser)
        NotJiliangServer,  // something answered, but not the API
        ListenerFailed,    // no loopback port to receive the answer on
        BrowserNotOpened,
        Cancelled,     // by the user here, or "access denied" in the browser
        Timeout,       // the browser never came back
        StateMismatch, // the answer was not for this attempt: refused
        Refused,       // the server refused the code or the exchange
        BadReply,
    };
    Q_ENUM(Failure)

    using BrowserOpener = std::function<bool(const QUrl &)>;

    static constexpr int DefaultTimeoutMs = 10 * 60 * 1000;

    LoginFlow(QNetworkAccessManager &network, const QUrl &server, QObject *parent = nullptr);
    ~LoginFlow() override;

    // Default: QDesktopServices::openUrl.
    void setBrowserOpener(BrowserOpener opener);
    void setTimeout(int ms) { m_timeoutMs = ms; }

    // Checks the server, opens the listener and the browser; ends in finished() or failed().
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    // The page the browser was sent to (for "copy this address" when it did not open).
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    // The loopback address the browser comes back to (http://127.0.0.1:PORT/).
    QUrl redirectUrl() const;

    // A sentence for the user, in Chinese through tr().
    static QString describe(Failure failure, const QString &detail = {});

Q_SIGNALS:
    void serverChecked();
    void browserOpened(const QUrl &url);
    void finished(const jl::sync::LoginResult &result);
    void failed(jl::sync::LoginFlow::Failure failure, const QString &message);

private:
    void checkServer();
    void openBrowser();
    void callbackReceived(const QVariantMap &values);
    void granted();
    void fetchEnterprise();
    void fail(Failure failure, const QString &detail = {});
    void stop();

    QNetworkAccessManager &m_network;
    QUrl m_server;
    BrowserOpener m_opener;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_running = false;
    QString m_verifier;
    QString m_state;
    QUrl m_authorizationUrl;
    TokenPair m_tokens;
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    QOAuthHttpServerReplyHandler *m_handler = nullptr;
};

} // namespace jl::sync
