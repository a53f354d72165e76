#include "ui/settings/settingsdialog.h"

#include "sync/accountregistry.h"
#include "sync/proxysettings.h"
#include "sync/secretbackend.h"
#include "sync/synccontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace jl::ui {

namespace {
constexpr int DefaultIntervalMinutes = 5;
}

SettingsDialog::SettingsDialog(QSettings &settings, Options options, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_options(options)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // Sync.
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("syncInterval"));
    m_interval->setRange(MinIntervalMinutes, MaxIntervalMinutes);
    m_interval->setSuffix(tr(" min"));
    m_interval->setAccessibleName(tr("Sync interval in minutes"));
    m_interval->setValue(qBound(
        MinIntervalMinutes,
        settings.value(sync::SyncController::intervalSettingsKey(), DefaultIntervalMinutes).toInt(),
        MaxIntervalMinutes));
    auto *syncBox = new QGroupBox(tr("Sync"), this);
    auto *syncForm = new QFormLayout(syncBox);
    syncForm->addRow(tr("Sync &every:"), m_interval);
    auto *syncNote = new QLabel(tr("The program also syncs at start, when the network comes "
                                   "back, a few seconds after your changes and on F5."),
                                syncBox);
    syncNote->setWordWrap(true);
    syncForm->addRow(syncNote);

    // Network.
    const sync::ProxySettings proxy = sync::ProxySettings::load(settings);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("proxyMode"));
    m_mode->addItem(tr("The system's proxy settings"), int(sync::ProxySettings::Mode::System));
    m_mode->addItem(tr("No proxy"), int(sync::ProxySettings::Mode::None));
    m_mode->addItem(tr("Manual proxy"), int(sync::ProxySettings::Mode::Manual));
    m_mode->setCurrentIndex(m_mode->findData(int(proxy.mode)));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("proxyType"));
    m_type->addItem(QStringLiteral("HTTP"), int(sync::ProxySettings::Type::Http));
    m_type->addItem(QStringLiteral("SOCKS5"), int(sync::ProxySettings::Type::Socks5));
    m_type->setCurrentIndex(m_type->findData(int(proxy.type)));
    m_host = new QLineEdit(proxy.host, this);
    m_host->setObjectName(QStringLiteral("proxyHost"));
    m_host->setMaxLength(255);
    m_host->setPlaceholderText(QStringLiteral("proxy.example.com"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("proxyPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(proxy.port);
    m_user = new QLineEdit(proxy.user, this);
    m_user->setObjectName(QStringLiteral("proxyUser"));
    m_user->setMaxLength(255);
    auto *networkBox = new QGroupBox(tr("Network"), this);
    auto *networkForm = new QFormLayout(networkBox);
    networkForm->addRow(tr("&Proxy:"), m_mode);
    networkForm->addRow(tr("Proxy &type:"), m_type);
    networkForm->addRow(tr("Proxy &host:"), m_host);
    networkForm->addRow(tr("P&ort:"), m_port);
    networkForm->addRow(tr("&User name:"), m_user);
    if (m_options.secrets) {
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("proxyPassword"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("Leave empty to keep the saved password"));
        networkForm->addRow(tr("Pass&word:"), m_password);
    }
    connect(m_mode, &QComboBox::currentIndexChanged, this, &SettingsDialog::modeChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(syncBox);
    layout->addWidget(networkBox);

    // The server the start screen offers; the signed-in account keeps its own.
    if (m_options.showServer) {
        sync::AccountRegistry registry(settings);
        m_server = new QLineEdit(registry.defaultServer().toString(), this);
        m_server->setObjectName(QStringLiteral("serverAddress"));
        m_server->setPlaceholderText(QStringLiteral("https://jiliang.example.gov.cn"));
        auto *serverBox = new QGroupBox(tr("Server"), this);
        auto *serverForm = new QFormLayout(serverBox);
        serverForm->addRow(tr("Server &address:"), m_server);
        auto *serverNote = new QLabel(tr("Used at the next login. The account signed in now "
                                         "stays on its own server."),
                                      serverBox);
        serverNote->setWordWrap(true);
        serverForm->addRow(serverNote);
        layout->addWidget(serverBox);
    }

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    m_cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
    modeChanged();
}

void SettingsDialog::modeChanged()
{
    const bool manual = m_mode->currentData().toInt() == int(sync::ProxySettings::Mode::Manual);
    for (QWidget *w : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_host),
                       static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_password)}) {
        if (w)
            w->setEnabled(manual);
    }
}

int SettingsDialog::intervalMinutes() const
{
    return m_interval->value();
}

sync::ProxySettings SettingsDialog::proxy() const
{
    sync::ProxySettings p;
    p.mode = sync::ProxySettings::Mode(m_mode->currentData().toInt());
    p.type = sync::ProxySettings::Type(m_type->currentData().toInt());
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.user = m_user->text().trimmed();
    if (m_password)
        p.password = m_password->text();
    return p;
}

QString SettingsDialog::validate()
{
    const sync::ProxySettings p = proxy();
    if (p.mode == sync::ProxySettings::Mode::Manual) {
        if (p.host.isEmpty()) {
            m_host->setFocus();
            return tr("Enter the proxy server's host name or IP address, or choose another "
                      "proxy setting.");
        }
        if (p.host.contains(u' ') || p.host.contains(u'/') || p.host.contains(u'@')) {
            m_host->setFocus();
            return tr("The proxy host is a host name or an IP address only, without spaces, "
                      "\"http://\" or a path (for example proxy.example.com).");
        }
        if (!p.password.isEmpty() && p.user.isEmpty()) {
            m_user->setFocus();
            return tr("A proxy password needs a user name: enter the user name too.");
        }
    }
    if (m_server && sync::AccountRegistry::normalizedServer(m_server->text()).isEmpty()) {
        m_server->setFocus();
        return tr("The server address is not valid. Enter it as http://host:port or "
                  "https://host, as your administrator gave it.");
    }
    return {};
}

void SettingsDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SettingsDialog::accept()
{
    if (const QString problem = validate(); !problem.isEmpty()) {
        showError(problem);
        return;
    }
    const sync::ProxySettings before = sync::ProxySettings::load(m_settings);
    const sync::ProxySettings after = proxy();
    const bool keepsPassword =
        after.mode == sync::ProxySettings::Mode::Manual && !after.user.isEmpty();
    // The password first: when the keychain refuses it, nothing is saved and the user knows.
    if (m_options.secrets) {
        if (keepsPassword && !after.password.isEmpty()) {
            const auto written =
                m_options.secrets->write(sync::ProxySettings::secretKey(), after.password.toUtf8());
            if (written.outcome != sync::SecretBackend::Outcome::Ok) {
                showError(tr("The proxy password could not be saved in the system keychain, and "
                             "it is never written anywhere else. Unlock or set up the keychain, "
                             "or leave the password empty."));
                m_password->setFocus();
                return;
            }
        } else if (!keepsPassword && before.mode == sync::ProxySettings::Mode::Manual &&
                   !before.user.isEmpty()) {
            m_options.secrets->remove(sync::ProxySettings::secretKey());
        }
    }
    m_settings.setValue(sync::SyncController::intervalSettingsKey(), intervalMinutes());
    sync::ProxySettings stored = after;
    stored.password.clear();
    stored.save(m_settings);
    if (m_server) {
        sync::AccountRegistry registry(m_settings);
        registry.setDefaultServer(sync::AccountRegistry::normalizedServer(m_server->text()));
    }
    m_settings.sync();
    showError({});
    QDialog::accept();
}

} // namespace jl::ui
