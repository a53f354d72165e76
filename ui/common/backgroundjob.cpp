#include "ui/common/backgroundjob.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent>

#include <memory>

namespace jl::ui {

bool BackgroundJob::run(QWidget *parent, const QString &title, const QString &label,
                        const Work &work)
{
    // Shared with the worker: it may outlive this frame only if the loop is left by an
    // application quit, and then we wait for it below anyway.
    auto control = std::make_shared<Control>();

    QProgressDialog dialog(label, QString(), 0, 1000, parent);
    dialog.setWindowTitle(title);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumDuration(0);
    auto *cancel = new QPushButton(tr("Cancel"), &dialog);
    dialog.setCancelButton(cancel);
    // Cancel asks the work to stop; the dialog stays until it has, so that nothing else can
    // start meanwhile.
    QObject::disconnect(&dialog, &QProgressDialog::canceled, &dialog, &QProgressDialog::cancel);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&dialog, cancel, control] {
        control->cancel.store(true);
        cancel->setEnabled(false);
        dialog.setLabelText(tr("Cancelling…"));
    });

    QFutureWatcher<void> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &dialog,
                     [&dialog, control] { dialog.setValue(control->permille()); });

    dialog.setValue(0);
    dialog.show();
    watcher.setFuture(QtConcurrent::run([work, control] { work(*control); }));
    poll.start();
    if (!watcher.isFinished())
        loop.exec();
    if (!watcher.isFinished()) {
        // The application is quitting: the loop was told to stop. Stop the work too.
        control->cancel.store(true);
        watcher.waitForFinished();
    }
    return !control->cancel.load();
}

} // namespace jl::ui
