#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace jl::sync {
class SecretBackend;
struct ProxySettings;
} // namespace jl::sync

namespace jl::ui {

// 设置 (Ctrl+,): how often the program syncs (sync/intervalMinutes), how it reaches the server
// (the system's proxy, none, or a manual one: network/* through sync::ProxySettings) and, when
// the program keeps one, the server address the start screen offers at the next login. A
// proxy password never goes to the settings: it is written to the OS keychain through the
// secret backend, and the dialog refuses to close when the keychain cannot take it. 确定 checks
// everything first and says what is wrong in Chinese under the fields; 取消 changes nothing.
class SettingsDialog final : public QDialog {
    Q_OBJECT

public:
    struct Options {
        bool showServer = false;                // the program's default server (start screen)
        sync::SecretBackend *secrets = nullptr; // the proxy password; null: no password field
    };

    SettingsDialog(QSettings &settings, Options options, QWidget *parent = nullptr);

    static constexpr int MinIntervalMinutes = 1;
    static constexpr int MaxIntervalMinutes = 1440;

    // What was saved (valid after accept()).
    int intervalMinutes() const;
    sync::ProxySettings proxy() const;

    QSpinBox *intervalSpin() const { return m_interval; }
    QComboBox *proxyModeCombo() const { return m_mode; }
    QComboBox *proxyTypeCombo() const { return m_type; }
    QLineEdit *proxyHostEdit() const { return m_host; }
    QSpinBox *proxyPortSpin() const { return m_port; }
    QLineEdit *proxyUserEdit() const { return m_user; }
    QLineEdit *proxyPasswordEdit() const { return m_password; }
    QLineEdit *serverEdit() const { return m_server; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *okButton() const { return m_ok; }
    QPushButton *cancelButton() const { return m_cancel; }

    void accept() override;

private:
    void modeChanged();
    // Empty when the input can be saved; else the first problem, with the field focused.
    QString validate();
    void showError(const QString &message);

    QSettings &m_settings;
    Options m_options;
    QSpinBox *m_interval = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_server = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace jl::ui
