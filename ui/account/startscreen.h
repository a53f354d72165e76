#pragma once

#include "sync/loginflow.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSettings;

namespace jl::ui {

// The client's own page before the browser login (domain.md §8, last paragraph; the web's
// login page): the server address, 政务服务网登录（法人）, 去注册 and 法人注册指南. Runs one
// LoginFlow per click and shows its progress and, plainly, why it failed. Accepted with the
// login's result.
class StartScreen final : public QDialog {
    Q_OBJECT

public:
    // The settings hold the two link addresses (links/register, links/registrationGuide) so
    // that an installation can point them elsewhere.
    StartScreen(QNetworkAccessManager &network, QSettings &settings, const QUrl &server,
                QWidget *parent = nullptr);
    ~StartScreen() override;

    // Opens the login page and the two links; QDesktopServices::openUrl unless replaced.
    void setBrowserOpener(sync::LoginFlow::BrowserOpener opener);
    void setLoginTimeout(int ms) { m_timeoutMs = ms; }
    // Shown above the button (a keychain notice, "log in again" after an expired login).
    void setNotice(const QString &text);

    QUrl server() const;
    std::optional<sync::LoginResult> result() const { return m_result; }

    static QUrl registerUrl(const QSettings &settings);
    static QUrl guideUrl(const QSettings &settings);

    // For tests: the widgets a person uses.
    QLineEdit *serverEdit() const { return m_server; }
    QPushButton *loginButton() const { return m_login; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }
    sync::LoginFlow *flow() const { return m_flow; }

public Q_SLOTS:
    void startLogin();
    void cancelLogin();

private:
    void setBusy(bool busy);
    void showError(const QString &message);
    void openLink(const QString &link);

    QNetworkAccessManager &m_network;
    QSettings &m_settings;
    sync::LoginFlow::BrowserOpener m_opener;
    int m_timeoutMs = sync::LoginFlow::DefaultTimeoutMs;
    QLineEdit *m_server = nullptr;
    QPushButton *m_login = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_status = nullptr;
    QPointer<sync::LoginFlow> m_flow;
    std::optional<sync::LoginResult> m_result;
};

} // namespace jl::ui
