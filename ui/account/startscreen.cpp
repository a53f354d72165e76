#include "ui/account/startscreen.h"

#include "sync/accountregistry.h"

#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace jl::ui {

namespace {
const QString RegisterKey = QStringLiteral("links/register");
const QString GuideKey = QStringLiteral("links/registrationGuide");
// From the web system's manual (user-manual-zh.md §1.1).
const QString DefaultRegister =
    QStringLiteral("https://uuser.zjzfw.gov.cn/jsp/client/uuuser/uuuserRegistStep1.jsp");
// The manual names the guide but not its address: the registration site until one is set.
const QString DefaultGuide = QStringLiteral("https://uuser.zjzfw.gov.cn/");
} // namespace

StartScreen::StartScreen(QNetworkAccessManager &network, QSettings &settings, const QUrl &server,
                         QWidget *parent)
    : QDialog(parent)
    , m_network(network)
    , m_settings(settings)
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setWindowTitle(tr("Log in to Jiliang"));
    setObjectName(QStringLiteral("startScreen"));

    auto *title = new QLabel(tr("Measuring instruments under mandatory verification"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);

    m_server = new QLineEdit(server.toString(), this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_server->setAccessibleName(tr("Server address"));
    auto *form = new QFormLayout;
    form->addRow(tr("Server address:"), m_server);

    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);

    m_login = new QPushButton(tr("Government service login (legal person)"), this);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setDefault(true);
    m_login->setMinimumHeight(m_login->sizeHint().height() * 3 / 2);
    connect(m_login, &QPushButton::clicked, this, &StartScreen::startLogin);

    m_cancel = new QPushButton(tr("Cancel login"), this);
    m_cancel->setObjectName(QStringLiteral("cancelLogin"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &StartScreen::cancelLogin);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *links = new QLabel(
        QStringLiteral("<a href=\"register\">%1</a> &nbsp;&nbsp; <a href=\"guide\">%2</a>")
            .arg(tr("Register"), tr("Registration guide for legal persons")),
        this);
    links->setObjectName(QStringLiteral("links"));
    links->setAlignment(Qt::AlignCenter);
    links->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(links, &QLabel::linkActivated, this, &StartScreen::openLink);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_notice);
    layout->addWidget(m_login);
    layout->addWidget(m_cancel);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(links);
    resize(fontMetrics().averageCharWidth() * 70, sizeHint().height());
}

StartScreen::~StartScreen()
{
    if (m_flow) {
        m_flow->disconnect(this); // its failed() must not reach a screen being destroyed
        m_flow->cancel();
    }
}

void StartScreen::setBrowserOpener(sync::LoginFlow::BrowserOpener opener)
{
    m_opener = std::move(opener);
}

void StartScreen::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QUrl StartScreen::server() const
{
    return sync::AccountRegistry::normalizedServer(m_server->text());
}

QUrl StartScreen::registerUrl(const QSettings &settings)
{
    return QUrl(settings.value(RegisterKey, DefaultRegister).toString());
}

QUrl StartScreen::guideUrl(const QSettings &settings)
{
    return QUrl(settings.value(GuideKey, DefaultGuide).toString());
}

void StartScreen::openLink(const QString &link)
{
    const QUrl url =
        link == QLatin1String("register") ? registerUrl(m_settings) : guideUrl(m_settings);
    if (!m_opener || !m_opener(url))
        showError(tr("The web browser could not be opened. Open this address in a browser:\n%1")
                      .arg(url.toString()));
}

void StartScreen::startLogin()
{
    if (m_flow)
        return;
    const QUrl address = server();
    if (address.isEmpty()) {
        showError(tr("Enter the server address, such as http://127.0.0.1:8080."));
        m_server->setFocus();
        return;
    }
    m_result.reset();
    m_flow = new sync::LoginFlow(m_network, address, this);
    m_flow->setBrowserOpener(m_opener);
    m_flow->setTimeout(m_timeoutMs);
    connect(m_flow, &sync::LoginFlow::serverChecked, this,
            [this] { m_status->setText(tr("Opening the login page in your web browser…")); });
    connect(m_flow, &sync::LoginFlow::browserOpened, this, [this] {
        m_status->setText(tr("Log in in the web browser with the legal person's account. "
                             "Jiliang continues by itself when you are done."));
    });
    connect(m_flow, &sync::LoginFlow::finished, this, [this](const sync::LoginResult &result) {
        m_result = result;
        m_flow->deleteLater();
        m_flow = nullptr;
        setBusy(false);
        m_status->setText(tr("Logged in as %1.").arg(result.enterpriseName));
        accept();
    });
    connect(m_flow, &sync::LoginFlow::failed, this,
            [this](sync::LoginFlow::Failure, const QString &message) {
                m_flow->deleteLater();
                m_flow = nullptr;
                setBusy(false);
                showError(message);
            });
    setBusy(true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Connecting to the server…"));
    m_flow->start();
}

void StartScreen::cancelLogin()
{
    if (m_flow)
        m_flow->cancel();
}

void StartScreen::setBusy(bool busy)
{
    m_login->setEnabled(!busy);
    m_server->setEnabled(!busy);
    m_cancel->setVisible(busy);
}

void StartScreen::showError(const QString &message)
{
    m_status->setStyleSheet(QStringLiteral("color: #c62828"));
    m_status->setText(message);
}

} // namespace jl::ui
