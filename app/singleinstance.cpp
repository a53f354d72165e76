#include "app/singleinstance.h"

#include "models/common/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>

namespace jl::app {

namespace {
const QByteArray ActivateMessage = QByteArrayLiteral("activate\n");
constexpr int TimeoutMs = 2000;
} // namespace

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
{
    const QString folder = QDir(dataDir).absolutePath();
    m_lockPath = QDir(folder).filePath(QStringLiteral("jiliang.lock"));
    // Local socket names are global on the machine: the user and the folder make it ours.
    const QString user = qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER"));
    const QByteArray hash = QCryptographicHash::hash((user + QLatin1Char('|') + folder).toUtf8(),
                                                     QCryptographicHash::Sha256);
    m_serverName = QStringLiteral("jiliang-") + QString::fromLatin1(hash.toHex().left(24));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::acquire()
{
    QDir().mkpath(QFileInfo(m_lockPath).absolutePath());
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    // 0: stale only when its process is gone, however long the program has been running.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // A socket left by a crashed run would make listen() fail; we hold the lock, so it is
    // not anyone's.
    QLocalServer::removeServer(m_serverName);
    if (!m_server->listen(m_serverName))
        qCWarning(models::lcApp) << "single instance: cannot listen:" << m_server->errorString();
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::readRequest);
    return true;
}

void SingleInstance::readRequest()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto handle = [this, socket] {
            if (socket->readAll().contains(ActivateMessage.trimmed()))
                Q_EMIT activationRequested();
        };
        connect(socket, &QLocalSocket::readyRead, this, handle);
        // The request may have arrived before the connection above was made.
        if (socket->bytesAvailable() > 0)
            handle();
    }
}

bool SingleInstance::activateRunning()
{
    // Blocking waits are fine here: this process has no window and ends right after.
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(TimeoutMs))
        return false;
    socket.write(ActivateMessage);
    const bool sent = socket.waitForBytesWritten(TimeoutMs);
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState)
        socket.waitForDisconnected(TimeoutMs);
    return sent;
}

} // namespace jl::app
