#pragma once

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

class QWidget;

namespace jl::ui {

// Runs long work (an import, an export) on a worker thread while a progress dialog says what
// is happening and offers Cancel (ui.md "Dialogs and long work"). The call returns when the
// work has ended; meanwhile the window keeps repainting and answering, as in QDialog::exec().
// The work reports its progress (0..1) through an atomic the dialog reads, so a worker never
// touches a widget.
class BackgroundJob final {
    Q_DECLARE_TR_FUNCTIONS(BackgroundJob)

public:
    struct Control {
        // Set by Cancel; the work checks it and stops leaving nothing half done.
        std::atomic_bool cancel{false};
        // Written by the work from its thread.
        void setProgress(double fraction)
        {
            m_permille.store(int(fraction * 1000), std::memory_order_relaxed);
        }
        int permille() const { return m_permille.load(std::memory_order_relaxed); }

    private:
        std::atomic_int m_permille{0};
    };
    using Work = std::function<void(Control &control)>;

    // Returns false when the user cancelled (the work has still ended by then).
    static bool run(QWidget *parent, const QString &title, const QString &label, const Work &work);
};

} // namespace jl::ui
