// 设置, offscreen: the sync interval, the proxy (system / none / manual with host, port and
// user) and the default server saved to the program's settings; the proxy password only in
// the keychain (a refusing keychain keeps the dialog open and saves nothing); wrong input
// refused with a message; 取消 saves nothing. Through the window (工具 → 设置, Ctrl+,) the
// running SyncController takes the new interval at once.
#include "app/appsession.h"
#include "sync/accountregistry.h"
#include "sync/proxysettings.h"
#include "sync/secretbackend.h"
#include "sync/synccontroller.h"
#include "sync/tokenprovider.h"
#include "ui/common/scripteddialogs.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/settings/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace jl;
using ui::SettingsDialog;

namespace {

class MemorySecrets final : public sync::SecretBackend {
public:
    QHash<QString, QByteArray> entries;
    bool available = true;

    Answer read(const QString &key) override
    {
        if (!available)
            return {Outcome::Unavailable, {}, QStringLiteral("locked")};
        if (!entries.contains(key))
            return {Outcome::NotFound, {}, {}};
        return {Outcome::Ok, entries.value(key), {}};
    }
    Answer write(const QString &key, const QByteArray &value) override
    {
        if (!available)
            return {Outcome::Unavailable, {}, QStringLiteral("locked")};
        entries.insert(key, value);
        return {Outcome::Ok, {}, {}};
    }
    Answer remove(const QString &key) override
    {
        entries.remove(key);
        return {Outcome::Ok, {}, {}};
    }
};

class StaticTokens final : public sync::TokenProvider {
public:
    QString accessToken() const override { return QStringLiteral("test-token"); }
    Refresh refresh() override { return Refresh::Unavailable; }
};

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void chooseMode(SettingsDialog &dialog, sync::ProxySettings::Mode mode)
{
    dialog.proxyModeCombo()->setCurrentIndex(dialog.proxyModeCombo()->findData(int(mode)));
}

} // namespace

class TestSettingsDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void savesEverythingAndThePasswordOnlyInTheKeychain();
    void wrongInputIsRefusedInChinese_data();
    void wrongInputIsRefusedInChinese();
    void refusingKeychainSavesNothing();
    void cancelSavesNothing();
    void windowAppliesTheIntervalLive();

private:
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("jiliang.ini")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    MemorySecrets m_secrets;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    m_secrets.entries.clear();
    m_secrets.available = true;
}

void TestSettingsDialog::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TestSettingsDialog::savesEverythingAndThePasswordOnlyInTheKeychain()
{
    SettingsDialog dialog(*m_settings, {true, &m_secrets});
    dialog.show();
    QCOMPARE(dialog.intervalSpin()->value(), 5);   // the controller's default
    QVERIFY(!dialog.proxyHostEdit()->isEnabled()); // the system's proxy by default
    dialog.intervalSpin()->setValue(17);
    chooseMode(dialog, sync::ProxySettings::Mode::Manual);
    QVERIFY(dialog.proxyHostEdit()->isEnabled());
    dialog.proxyTypeCombo()->setCurrentIndex(
        dialog.proxyTypeCombo()->findData(int(sync::ProxySettings::Type::Socks5)));
    dialog.proxyHostEdit()->setText(QStringLiteral(" proxy.example.com "));
    dialog.proxyPortSpin()->setValue(3128);
    dialog.proxyUserEdit()->setText(QStringLiteral("zhang"));
    dialog.proxyPasswordEdit()->setText(QStringLiteral("s3cret-口令"));
    dialog.serverEdit()->setText(QStringLiteral("https://jl.example.gov.cn/"));
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(m_settings->value(sync::SyncController::intervalSettingsKey()).toInt(), 17);
    const sync::ProxySettings saved = sync::ProxySettings::load(*m_settings);
    QCOMPARE(saved.mode, sync::ProxySettings::Mode::Manual);
    QCOMPARE(saved.type, sync::ProxySettings::Type::Socks5);
    QCOMPARE(saved.host, QStringLiteral("proxy.example.com"));
    QCOMPARE(saved.port, 3128);
    QCOMPARE(saved.user, QStringLiteral("zhang"));
    QVERIFY(saved.password.isEmpty());
    QCOMPARE(QString::fromUtf8(m_secrets.entries.value(sync::ProxySettings::secretKey())),
             QStringLiteral("s3cret-口令"));
    QCOMPARE(sync::AccountRegistry(*m_settings).defaultServer(),
             QUrl(QStringLiteral("https://jl.example.gov.cn")));
    // The password is in no byte of the settings file.
    m_settings->sync();
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("s3cret"));
    QVERIFY(bytes.contains("jl.example.gov.cn"));

    // Back to the system's proxy: the stored password goes too.
    SettingsDialog again(*m_settings, {true, &m_secrets});
    QCOMPARE(again.intervalSpin()->value(), 17);
    QCOMPARE(again.proxyHostEdit()->text(), QStringLiteral("proxy.example.com"));
    chooseMode(again, sync::ProxySettings::Mode::System);
    again.okButton()->click();
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QVERIFY(!m_secrets.entries.contains(sync::ProxySettings::secretKey()));
    QCOMPARE(sync::ProxySettings::load(*m_settings).mode, sync::ProxySettings::Mode::System);
}

void TestSettingsDialog::wrongInputIsRefusedInChinese_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("focused");
    QTest::newRow("no host") << QString() << QString() << QString()
                             << QStringLiteral("http://127.0.0.1:8080")
                             << QStringLiteral("proxyHost");
    QTest::newRow("url as host") << QStringLiteral("http://proxy/") << QString() << QString()
                                 << QStringLiteral("http://127.0.0.1:8080")
                                 << QStringLiteral("proxyHost");
    QTest::newRow("password without user")
        << QStringLiteral("proxy") << QString() << QStringLiteral("pw")
        << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("proxyUser");
    QTest::newRow("bad server") << QStringLiteral("proxy") << QString() << QString()
                                << QStringLiteral("ftp://x") << QStringLiteral("serverAddress");
}

void TestSettingsDialog::wrongInputIsRefusedInChinese()
{
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, server);
    QFETCH(QString, focused);
    SettingsDialog dialog(*m_settings, {true, &m_secrets});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chooseMode(dialog, sync::ProxySettings::Mode::Manual);
    dialog.proxyHostEdit()->setText(host);
    dialog.proxyUserEdit()->setText(user);
    dialog.proxyPasswordEdit()->setText(password);
    dialog.serverEdit()->setText(server);
    dialog.okButton()->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY(!dialog.errorLabel()->text().isEmpty());
    QCOMPARE(dialog.focusWidget() ? dialog.focusWidget()->objectName() : QString(), focused);
    QVERIFY(m_settings->allKeys().isEmpty());
    QVERIFY(m_secrets.entries.isEmpty());
}

void TestSettingsDialog::refusingKeychainSavesNothing()
{
    m_secrets.available = false;
    SettingsDialog dialog(*m_settings, {false, &m_secrets});
    dialog.show();
    QVERIFY(!dialog.serverEdit()); // no server field without the program's own settings
    chooseMode(dialog, sync::ProxySettings::Mode::Manual);
    dialog.proxyHostEdit()->setText(QStringLiteral("proxy"));
    dialog.proxyUserEdit()->setText(QStringLiteral("zhang"));
    dialog.proxyPasswordEdit()->setText(QStringLiteral("pw"));
    dialog.okButton()->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestSettingsDialog::cancelSavesNothing()
{
    SettingsDialog dialog(*m_settings, {true, &m_secrets});
    dialog.show();
    dialog.intervalSpin()->setValue(30);
    chooseMode(dialog, sync::ProxySettings::Mode::None);
    dialog.cancelButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestSettingsDialog::windowAppliesTheIntervalLive()
{
    m_settings->setValue(sync::SyncController::intervalSettingsKey(), 7);
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    StaticTokens tokens;
    ui::ScriptedDialogs dialogs;
    app::SessionOptions options{m_dir->filePath(QStringLiteral("account")), false, m_settings.get(),
                                &m_secrets};
    auto opened = app::AppSession::open(
        options, dialogs,
        app::SyncSetup{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &tokens});
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    std::unique_ptr<app::AppSession> session = std::move(opened.value());
    auto *controller = qobject_cast<sync::SyncController *>(session->syncService());
    QVERIFY(controller);
    QCOMPARE(controller->intervalMinutes(), 7); // read from the program's settings

    QAction *settings = session->window().settingsAction();
    QVERIFY(settings->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            qWarning("no settings dialog");
            return;
        }
        dialog->intervalSpin()->setValue(12);
        chooseMode(*dialog, sync::ProxySettings::Mode::None);
        dialog->okButton()->click();
        answered = true;
    });
    settings->trigger();
    QVERIFY(answered);
    QCOMPARE(m_settings->value(sync::SyncController::intervalSettingsKey()).toInt(), 12);
    QCOMPARE(controller->intervalMinutes(), 12);
    QCOMPARE(sync::ProxySettings::load(*m_settings).mode, sync::ProxySettings::Mode::None);
    session.reset();
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
