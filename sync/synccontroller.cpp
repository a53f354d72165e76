#include "sync/synccontroller.h"

#include "sync/reachability.h"

#include <QSettings>

#include <utility>

namespace jl::sync {

QString SyncController::intervalSettingsKey()
{
    return QStringLiteral("sync/intervalMinutes");
}

SyncController::SyncController(Options options, QObject *parent)
    : SyncService(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<jl::sync::SyncStatus>();
    m_worker = new SyncWorker(m_options.databasePath, m_options.remote, m_options.engine);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SyncController::runRequested, m_worker, &SyncWorker::run);
    connect(this, &SyncController::rebuildRequested, m_worker, &SyncWorker::rebuild);
    connect(m_worker, &SyncWorker::progress, this, &SyncController::onProgress);
    connect(m_worker, &SyncWorker::finished, this, &SyncController::onFinished);
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();

    int minutes = m_options.intervalMinutes;
    if (minutes < 0)
        minutes = QSettings().value(intervalSettingsKey(), 5).toInt();
    setIntervalMinutes(minutes);
    connect(&m_interval, &QTimer::timeout, this, &SyncController::requestSync);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(m_options.debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncController::requestSync);
}

SyncController::~SyncController()
{
    // A run in progress stops at its next boundary; its work so far is committed.
    m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

void SyncController::setReachability(Reachability *reachability)
{
    if (m_reachability)
        disconnect(m_reachability, nullptr, this, nullptr);
    m_reachability = reachability;
    if (!reachability)
        return;
    connect(reachability, &Reachability::onlineChanged, this, &SyncController::onlineChanged);
    m_status.connectivity = reachability->isOnline() ? SyncStatus::Connectivity::Online
                                                     : SyncStatus::Connectivity::Offline;
    publish();
}

void SyncController::setIntervalMinutes(int minutes)
{
    const int ms = qMax(1, minutes) * 60 * 1000;
    if (ms == m_interval.interval())
        return;
    m_interval.setInterval(ms); // an active timer restarts with the new period
}

void SyncController::setNetworkSetup(std::function<void(QNetworkAccessManager &)> setup)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, setup = std::move(setup)] { worker->setNetworkSetup(setup); },
        Qt::QueuedConnection);
}

void SyncController::start()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::refreshStatus, Qt::QueuedConnection);
    requestSync();
    m_interval.start();
}

void SyncController::requestSync()
{
    m_debounce.stop();
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    const bool approve = std::exchange(m_approveNext, false);
    m_rebuildRunning = std::exchange(m_rebuildNext, false);
    Q_EMIT runStarted();
    if (m_rebuildRunning)
        Q_EMIT rebuildRequested(approve);
    else
        Q_EMIT runRequested(approve);
}

void SyncController::requestRebuild()
{
    m_rebuildNext = true;
    requestSync();
}

void SyncController::cancel()
{
    m_again = false;
    m_rebuildNext = false;
    m_worker->cancel();
}

void SyncController::confirmMassDelete(bool apply)
{
    if (m_status.phase == SyncStatus::Phase::WaitingForUser) {
        m_status.phase = SyncStatus::Phase::Idle;
        publish();
    }
    if (!apply) {
        m_rebuildNext = false; // a rebuild held by the guard is given up with it
        return;                // the local records stay; the next run asks again
    }
    m_approveNext = true;
    requestSync();
}

void SyncController::localDataChanged()
{
    m_debounce.start();
}

void SyncController::onlineChanged(bool online)
{
    m_status.connectivity =
        online ? SyncStatus::Connectivity::Online : SyncStatus::Connectivity::Offline;
    publish();
    if (online)
        requestSync();
}

void SyncController::onProgress(const SyncStatus &status)
{
    const SyncStatus::Connectivity connectivity = m_status.connectivity;
    const QString lastError = m_status.lastError;
    const bool keepPhase = !m_running && (m_status.phase == SyncStatus::Phase::NeedsLogin ||
                                          m_status.phase == SyncStatus::Phase::UpgradeRequired ||
                                          m_status.phase == SyncStatus::Phase::WaitingForUser);
    const SyncStatus::Phase phase = m_status.phase;
    m_status = status;
    m_status.connectivity = connectivity;
    m_status.lastError = lastError;
    if (keepPhase)
        m_status.phase = phase;
    publish();
}

void SyncController::onFinished(int result, const QString &message, const QString &collection,
                                int count, int total, bool changed, const SyncStatus &status)
{
    m_running = false;
    // A rebuild that stopped before its download (offline, login) is asked for again.
    if (m_rebuildRunning && (SyncEngine::Result(result) == SyncEngine::Result::NeedsLogin ||
                             SyncEngine::Result(result) == SyncEngine::Result::UpgradeRequired))
        m_rebuildNext = true;
    const SyncStatus::Connectivity connectivity = m_status.connectivity;
    m_status = status;
    m_status.connectivity = connectivity;
    m_status.phase = SyncStatus::Phase::Idle;
    m_status.lastError = message;
    switch (SyncEngine::Result(result)) {
    case SyncEngine::Result::Done:
        m_status.connectivity = SyncStatus::Connectivity::Online;
        break;
    case SyncEngine::Result::Incomplete:
        if (!m_reachability)
            m_status.connectivity = SyncStatus::Connectivity::Offline;
        break;
    case SyncEngine::Result::NeedsLogin:
        m_status.phase = SyncStatus::Phase::NeedsLogin;
        m_again = false;
        break;
    case SyncEngine::Result::UpgradeRequired:
        m_status.phase = SyncStatus::Phase::UpgradeRequired;
        m_again = false;
        break;
    case SyncEngine::Result::WaitingForUser:
        m_status.phase = SyncStatus::Phase::WaitingForUser;
        m_again = false;
        // The approval's run is the rebuild again, not a plain pull.
        m_rebuildNext = m_rebuildNext || m_rebuildRunning;
        break;
    case SyncEngine::Result::Cancelled:
    case SyncEngine::Result::Failed:
        break;
    }
    publish();
    if (changed)
        Q_EMIT dataChanged();
    if (SyncEngine::Result(result) == SyncEngine::Result::NeedsLogin)
        Q_EMIT loginRequired();
    if (SyncEngine::Result(result) == SyncEngine::Result::WaitingForUser)
        Q_EMIT massDeleteRequested(collection, count, total);
    Q_EMIT runFinished(result);
    if (m_again)
        requestSync();
}

void SyncController::publish()
{
    Q_EMIT statusChanged(m_status);
}

} // namespace jl::sync
