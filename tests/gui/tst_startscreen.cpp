// The start screen, the liaison prompt and the account menu, offscreen and without a server:
// the address checked, an unreachable server said plainly, 去注册 / 法人注册指南 through the
// browser opener (addresses from the settings), the liaison's input refused inline or saved
// with its outbox entry, 取消 saving nothing; the account menu's requests.
#include "models/store/contactstore.h"
#include "models/store/database.h"
#include "models/store/outbox.h"
#include "ui/account/accountmenu.h"
#include "ui/account/liaisondialog.h"
#include "ui/account/startscreen.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace jl;

class TestStartScreen final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyAddressIsRefused();
    void unreachableServerIsSaidPlainly();
    void linksOpenInTheBrowser();
    void liaisonRefusesBadPhone();
    void liaisonCancelSavesNothing();
    void liaisonSaves();
    void accountMenuAsks();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<models::Database> m_db;
    QNetworkAccessManager m_network;
};

void TestStartScreen::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    auto db = models::Database::open(m_dir->filePath(QStringLiteral("local.db")));
    QVERIFY(db.ok());
    m_db = std::move(db.value());
}

void TestStartScreen::cleanup()
{
    m_db.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestStartScreen::emptyAddressIsRefused()
{
    ui::StartScreen screen(m_network, *m_settings, QUrl());
    screen.show();
    screen.serverEdit()->setText(QStringLiteral("   "));
    QTest::mouseClick(screen.loginButton(), Qt::LeftButton);
    QVERIFY(!screen.flow());
    QVERIFY(!screen.statusLabel()->text().isEmpty());
    QVERIFY(screen.loginButton()->isEnabled());
}

void TestStartScreen::unreachableServerIsSaidPlainly()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    ui::StartScreen screen(m_network, *m_settings, QUrl());
    bool browserOpened = false;
    screen.setBrowserOpener([&browserOpened](const QUrl &) { return browserOpened = true; });
    screen.show();
    screen.serverEdit()->setText(QStringLiteral("127.0.0.1:%1").arg(port)); // no scheme typed
    QTest::mouseClick(screen.loginButton(), Qt::LeftButton);
    QVERIFY(screen.flow());
    QVERIFY(!screen.loginButton()->isEnabled()); // busy
    QVERIFY(screen.cancelButton()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!screen.flow(), 30000);
    QVERIFY(screen.statusLabel()->text().startsWith(
        sync::LoginFlow::describe(sync::LoginFlow::Failure::ServerUnreachable)
            .section(u'\n', 0, 0)));
    QVERIFY(!browserOpened);
    QVERIFY(screen.loginButton()->isEnabled());
    QVERIFY(!screen.result());
}

void TestStartScreen::linksOpenInTheBrowser()
{
    m_settings->setValue(QStringLiteral("links/registrationGuide"),
                         QStringLiteral("https://example.org/guide.pdf"));
    ui::StartScreen screen(m_network, *m_settings, QUrl(QStringLiteral("http://127.0.0.1:1")));
    QList<QUrl> opened;
    screen.setBrowserOpener([&opened](const QUrl &url) {
        opened.append(url);
        return true;
    });
    auto *links = screen.findChild<QLabel *>(QStringLiteral("links"));
    QVERIFY(links);
    QVERIFY(links->text().contains(QLatin1String("href=\"register\"")));
    Q_EMIT links->linkActivated(QStringLiteral("register"));
    Q_EMIT links->linkActivated(QStringLiteral("guide"));
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.at(0).host(), QStringLiteral("uuser.zjzfw.gov.cn")); // the web's own page
    QCOMPARE(opened.at(1), QUrl(QStringLiteral("https://example.org/guide.pdf")));
}

void TestStartScreen::liaisonRefusesBadPhone()
{
    models::ContactStore contacts(*m_db, QStringLiteral("t"));
    ui::LiaisonDialog dialog(contacts);
    dialog.show();
    dialog.nameEdit()->setText(QStringLiteral("王五"));
    dialog.phoneEdit()->setText(QStringLiteral("1345555"));
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // stays open
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY(!dialog.errorLabel()->text().isEmpty());
    QVERIFY(!contacts.liaison().value());
    QCOMPARE(models::pendingOutboxCount(*m_db).value(), 0);
}

void TestStartScreen::liaisonCancelSavesNothing()
{
    models::ContactStore contacts(*m_db, QStringLiteral("t"));
    ui::LiaisonDialog dialog(contacts);
    dialog.show();
    dialog.nameEdit()->setText(QStringLiteral("王五"));
    dialog.phoneEdit()->setText(QStringLiteral("13455556666"));
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!contacts.liaison().value());
}

void TestStartScreen::liaisonSaves()
{
    models::ContactStore contacts(*m_db, QStringLiteral("t"));
    {
        ui::LiaisonDialog dialog(contacts);
        dialog.show();
        dialog.nameEdit()->setText(QStringLiteral("王五"));
        dialog.phoneEdit()->setText(QStringLiteral("0571-87654321"));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(contacts.liaison().value()->phone, QStringLiteral("0571-87654321"));
    QCOMPARE(models::pendingOutboxCount(*m_db).value(), 1);
    // 修改联系方式 shows what is there.
    ui::LiaisonDialog again(contacts);
    QCOMPARE(again.nameEdit()->text(), QStringLiteral("王五"));
}

void TestStartScreen::accountMenuAsks()
{
    const sync::AccountInfo a{QStringLiteral("91330100A"), QStringLiteral("甲公司"),
                              QUrl(QStringLiteral("http://s1"))};
    const sync::AccountInfo b{QStringLiteral("91330100B"), QStringLiteral("乙公司"),
                              QUrl(QStringLiteral("http://s1"))};
    ui::AccountMenu menu(a, {a, b});
    QCOMPARE(menu.text(), QStringLiteral("甲公司"));
    QCOMPARE(menu.switchActions().size(), 1); // not the current one
    QSignalSpy switched(&menu, &ui::AccountMenu::switchRequested);
    QSignalSpy edit(&menu, &ui::AccountMenu::editContactRequested);
    QSignalSpy logout(&menu, &ui::AccountMenu::logoutRequested);
    QSignalSpy add(&menu, &ui::AccountMenu::addAccountRequested);
    menu.switchActions().first()->trigger();
    menu.editContactAction()->trigger();
    menu.logoutAction()->trigger();
    menu.addAccountAction()->trigger();
    QCOMPARE(switched.size(), 1);
    QCOMPARE(switched.first().first().value<sync::AccountInfo>().uscc, b.uscc);
    QCOMPARE(edit.size(), 1);
    QCOMPARE(logout.size(), 1);
    QCOMPARE(add.size(), 1);
}

QTEST_MAIN(TestStartScreen)
#include "tst_startscreen.moc"
