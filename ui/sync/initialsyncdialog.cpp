#include "ui/sync/initialsyncdialog.h"

#include "sync/syncengine.h"
#include "sync/syncservice.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace jl::ui {

namespace {
constexpr int TickMs = 500;
}

InitialSyncDialog::InitialSyncDialog(sync::SyncService &service, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_service(&service)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("initialSyncDialog"));
    setWindowTitle(mode == Mode::FirstSync ? tr("First sync") : tr("Rebuild local cache"));
    // Window-modal: the rest of the program waits for the download, the event loop does not.
    setWindowModality(Qt::WindowModal);

    auto *intro = new QLabel(
        mode == Mode::FirstSync
            ? tr("Downloading your enterprise's data from the server. You can cancel: the next "
                 "sync goes on from where this one stopped.")
            : tr("Downloading everything again from the server. Your unsynced changes are kept "
                 "and sent as usual. You can cancel: the local data then stays as it was."),
        this);
    intro->setWordWrap(true);

    m_phase = new QLabel(tr("Starting…"), this);
    m_phase->setObjectName(QStringLiteral("syncPhase"));
    m_phase->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("syncProgress"));
    m_bar->setRange(0, 0); // busy until a total is known
    m_bar->setAccessibleName(tr("Sync progress"));
    m_recordsLabel = new QLabel(this);
    m_recordsLabel->setObjectName(QStringLiteral("syncRecords"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("syncRate"));
    m_elapsed = new QLabel(this);
    m_elapsed->setObjectName(QStringLiteral("syncElapsed"));

    auto *form = new QFormLayout;
    form->addRow(tr("Records received:"), m_recordsLabel);
    form->addRow(tr("Rate:"), m_rate);
    form->addRow(tr("Time taken:"), m_elapsed);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("syncCancel"));
    connect(buttons, &QDialogButtonBox::rejected, this, &InitialSyncDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_phase);
    layout->addWidget(m_bar);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(&service, &sync::SyncService::statusChanged, this, &InitialSyncDialog::onStatus);
    connect(&service, &sync::SyncService::runStarted, this, &InitialSyncDialog::onStarted);
    connect(&service, &sync::SyncService::runFinished, this, &InitialSyncDialog::onFinished);
    m_ticker.setInterval(TickMs);
    connect(&m_ticker, &QTimer::timeout, this, &InitialSyncDialog::tick);
    tick();
}

void InitialSyncDialog::start()
{
    m_clock.start();
    m_ticker.start();
    if (!m_service)
        return;
    if (m_mode == Mode::Rebuild) {
        m_service->requestRebuild();
        return;
    }
    // The session started the first run already: follow it rather than wait for another.
    if (m_service->status().busy()) {
        m_waitingForStart = false;
        onStatus(m_service->status());
        return;
    }
    m_service->requestSync();
}

void InitialSyncDialog::onStarted()
{
    m_waitingForStart = false;
}

void InitialSyncDialog::onStatus(const sync::SyncStatus &status)
{
    if (m_outcome != Outcome::Running)
        return;
    using P = sync::SyncStatus::Phase;
    switch (status.phase) {
    case P::Pushing:
        m_phase->setText(tr("Sending this computer's changes…"));
        break;
    case P::Pulling:
    case P::Resyncing:
        m_phase->setText(status.phase == P::Pulling ? tr("Receiving records…")
                                                    : tr("Downloading all records…"));
        m_records = qMax(m_records, status.done);
        if (status.total > 0) {
            m_bar->setRange(0, 1000);
            m_bar->setValue(
                int(qBound(qint64(0), status.done * 1000 / status.total, qint64(1000))));
        }
        break;
    case P::Idle:
    case P::WaitingForUser:
    case P::NeedsLogin:
    case P::UpgradeRequired:
        break;
    }
    const QLocale locale;
    m_recordsLabel->setText(
        status.total > 0 && status.busy()
            ? tr("%1 of %2").arg(locale.toString(m_records), locale.toString(status.total))
            : locale.toString(m_records));
    tick();
}

void InitialSyncDialog::onFinished(int result)
{
    if (m_outcome != Outcome::Running || m_waitingForStart)
        return; // a run before the one asked for
    const QString error = m_service ? m_service->status().lastError : QString();
    switch (sync::SyncEngine::Result(result)) {
    case sync::SyncEngine::Result::Done:
        finishWith(Outcome::Done, {});
        QDialog::accept();
        return;
    case sync::SyncEngine::Result::Cancelled:
        finishWith(Outcome::Cancelled, {});
        QDialog::reject();
        return;
    case sync::SyncEngine::Result::WaitingForUser:
        // The window asks about the deletions; the approved run goes on in the background.
        finishWith(Outcome::Failed, error);
        QDialog::reject();
        return;
    case sync::SyncEngine::Result::Incomplete:
    case sync::SyncEngine::Result::NeedsLogin:
    case sync::SyncEngine::Result::UpgradeRequired:
    case sync::SyncEngine::Result::Failed:
        break;
    }
    // Stays open with the reason until the user has read it.
    finishWith(Outcome::Failed, error.isEmpty()
                                    ? tr("The sync stopped before the end. It goes on at the next "
                                         "sync.")
                                    : error);
}

void InitialSyncDialog::finishWith(Outcome outcome, const QString &message)
{
    m_outcome = outcome;
    m_ticker.stop();
    tick();
    if (outcome == Outcome::Failed) {
        m_phase->setText(message);
        m_bar->setRange(0, 1);
        m_bar->setValue(0);
        m_cancel->setText(tr("Close"));
        m_cancel->setEnabled(true);
    }
}

void InitialSyncDialog::reject()
{
    if (m_outcome != Outcome::Running) {
        QDialog::reject();
        return;
    }
    if (m_waitingForStart || !m_service) {
        // The run asked for has not begun: cancelling drops the request, nothing to wait for.
        if (m_service)
            m_service->cancel();
        finishWith(Outcome::Cancelled, {});
        QDialog::reject();
        return;
    }
    // Stops at the next page boundary; runFinished closes the dialog.
    m_service->cancel();
    m_phase->setText(tr("Cancelling after the current page…"));
    m_cancel->setEnabled(false);
}

void InitialSyncDialog::tick()
{
    const qint64 ms = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_elapsed->setText(elapsedText(ms));
    m_rate->setText(rateText(m_records, ms));
    if (m_recordsLabel->text().isEmpty())
        m_recordsLabel->setText(QLocale().toString(m_records));
}

QString InitialSyncDialog::rateText(qint64 records, qint64 elapsedMs)
{
    if (elapsedMs <= 0)
        return tr("%1 records/s").arg(0);
    return tr("%1 records/s").arg(QLocale().toString(records * 1000 / elapsedMs));
}

QString InitialSyncDialog::elapsedText(qint64 elapsedMs)
{
    const qint64 s = elapsedMs / 1000;
    const QChar zero(u'0');
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, zero)
            .arg(s % 60, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, zero).arg(s % 60, 2, 10, zero);
}

} // namespace jl::ui
