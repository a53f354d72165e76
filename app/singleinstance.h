#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

namespace jl::app {

// One running program per user and data folder (ui.md "Undo and safety"): the first start
// holds a lock file in the data folder and listens on a local socket; a later start finds
// the lock taken, asks the first to come forward, and ends.
class SingleInstance final : public QObject {
    Q_OBJECT

public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the one to run (it now holds the lock).
    bool acquire();
    // From a later start: asks the running one to show its window. True when it answered.
    bool activateRunning();

    QString serverName() const { return m_serverName; }

Q_SIGNALS:
    void activationRequested();

private:
    void readRequest();

    QString m_lockPath;
    QString m_serverName;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace jl::app
