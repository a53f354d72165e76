#pragma once

#include "sync/syncstatus.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace jl::sync {
class SyncService;
}

namespace jl::ui {

// The progress of a long sync the user waits for (issue 4, ui.md "Dialogs and long work"):
// the first download after the login of a new account, and 重建本地缓存. It asks the service
// for a run and follows it: what is happening, records so far (of the total when the server
// tells one; the changes feed does not, so a busy bar), the rate in records per second and the
// time taken. 取消 (or Esc) stops the run at its next page boundary: every page already applied
// stays with its cursor, and the next sync goes on from there. The run lives on the
// controller's thread, so the window stays responsive behind this window-modal dialog.
class InitialSyncDialog final : public QDialog {
    Q_OBJECT

public:
    enum class Mode {
        FirstSync, // after the first login: a run (or the one already going)
        Rebuild,   // 重建本地缓存: SyncService::requestRebuild()
    };
    enum class Outcome { Running, Done, Cancelled, Failed };

    InitialSyncDialog(sync::SyncService &service, Mode mode, QWidget *parent = nullptr);

    // Asks the service for the run; call before exec() or show().
    void start();

    Outcome outcome() const { return m_outcome; }
    // Records received in the run followed so far.
    qint64 records() const { return m_records; }
    QLabel *phaseLabel() const { return m_phase; }
    QLabel *recordsLabel() const { return m_recordsLabel; }
    QLabel *rateLabel() const { return m_rate; }
    QLabel *elapsedLabel() const { return m_elapsed; }
    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }

    // "12,345 records/s" and "1:02:03" / "02:03": what the labels show.
    static QString rateText(qint64 records, qint64 elapsedMs);
    static QString elapsedText(qint64 elapsedMs);

public Q_SLOTS:
    void reject() override;

private:
    void onStatus(const sync::SyncStatus &status);
    void onStarted();
    void onFinished(int result);
    void tick();
    void finishWith(Outcome outcome, const QString &message);

    QPointer<sync::SyncService> m_service;
    Mode m_mode;
    Outcome m_outcome = Outcome::Running;
    bool m_waitingForStart = true; // the run asked for has not begun yet
    qint64 m_records = 0;
    QElapsedTimer m_clock;
    QTimer m_ticker;
    QLabel *m_phase = nullptr;
    QLabel *m_recordsLabel = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_elapsed = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace jl::ui
