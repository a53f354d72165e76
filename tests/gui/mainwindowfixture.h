#pragma once

// The real main window over a fresh database in a temporary folder, and the steps the GUI
// tests take with it. Steps return false when they could not be taken, so that a test can
// QVERIFY them and stop at the first broken one.
#include "app/appsession.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/store/instrumentstore.h"
#include "ui/common/listscreen.h"
#include "ui/common/listtableview.h"
#include "ui/common/screencontext.h"
#include "ui/common/screenids.h"
#include "ui/common/scripteddialogs.h"
#include "ui/instruments/activeinstrumentsscreen.h"
#include "ui/instruments/historyinstrumentsscreen.h"
#include "ui/instruments/instrumentfieldeditor.h"
#include "ui/instruments/instrumentform.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace jl::test {

// QTest::keyClicks takes ASCII only; Chinese arrives as key events carrying text (what an
// input method's commit amounts to for a line edit).
inline void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

class MainWindowFixture final {
public:
    // `sync`: a service the test plays, or none (no account).
    bool open(sync::SyncService *sync = nullptr)
    {
        m_sync = sync;
        QStandardPaths::setTestModeEnabled(true);
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid() && start();
    }

    // Closes the window and the database, then starts again over the same folder.
    bool reopen()
    {
        window().close();
        m_session.reset();
        return start();
    }

    void close()
    {
        m_session.reset();
        m_dir.reset();
    }

    ui::ScriptedDialogs &dialogs() { return m_dialogs; }
    app::AppSession &session() const { return *m_session; }
    ui::MainWindow &window() const { return m_session->window(); }
    models::InstrumentStore &store() const { return m_session->context().instruments(); }

    ui::ActiveInstrumentsScreen *active() const
    {
        return qobject_cast<ui::ActiveInstrumentsScreen *>(
            window().openScreen(QLatin1String(ui::ScreenIds::ActiveInstruments)));
    }

    ui::HistoryInstrumentsScreen *history() const
    {
        return qobject_cast<ui::HistoryInstrumentsScreen *>(
            window().openScreen(QLatin1String(ui::ScreenIds::HistoryInstruments)));
    }

    // QWindow::isActive() is true for a dialog while its parent is active, so
    // qWaitForWindowActive() cannot tell; the application's active window can. Asked only
    // when needed: a request for a window already active stays queued and would take the
    // focus back from a dialog opened afterwards.
    static bool activate(QWidget *widget)
    {
        if (QApplication::activeWindow() == widget)
            return true;
        widget->activateWindow();
        return QTest::qWaitFor([widget] { return QApplication::activeWindow() == widget; });
    }

    template <typename Dialog> Dialog *waitForDialog() const
    {
        Dialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            dialog = window().template findChild<Dialog *>();
            return dialog && dialog->isVisible();
        });
        return shown && activate(dialog) ? dialog : nullptr;
    }

    bool dialogGone() const
    {
        return QTest::qWaitFor([this] { return !window().findChild<QDialog *>(); });
    }

    // 新增 from the keyboard: Ctrl+N in the list, type, Ctrl+S.
    bool addThroughForm(const QString &serial, const QString &name) const
    {
        ui::ActiveInstrumentsScreen *screen = active();
        if (!screen || !activate(&window()))
            return false;
        screen->list()->table()->setFocus();
        QTest::keyClick(screen->list()->table(), Qt::Key_N, Qt::ControlModifier);
        auto *form = waitForDialog<ui::InstrumentForm>();
        if (!form || form->mode() != ui::InstrumentForm::Mode::Create)
            return false;
        type(form->editor(QStringLiteral("serialNo"))->widget(), serial);
        type(form->editor(QStringLiteral("name"))->widget(), name);
        QTest::keyClick(form, Qt::Key_S, Qt::ControlModifier);
        return dialogGone();
    }

    static void selectRows(ui::ListScreen *list, const QList<int> &rows)
    {
        ui::ListTableView *table = list->table();
        table->clearSelection();
        for (const int row : rows) {
            table->selectionModel()->select(table->model()->index(row, 0),
                                            QItemSelectionModel::Select |
                                                QItemSelectionModel::Rows);
        }
        if (!rows.isEmpty())
            table->selectionModel()->setCurrentIndex(table->model()->index(rows.constFirst(), 0),
                                                     QItemSelectionModel::NoUpdate);
    }

    static int rowOfSerial(ui::ListScreen *list, const QString &serial)
    {
        const QAbstractItemModel *model = list->table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, models::InstrumentTableModel::SerialNo).data().toString() ==
                serial)
                return row;
        }
        return -1;
    }

private:
    bool start()
    {
        auto session = app::AppSession::open({m_dir->path(), false}, m_dialogs, m_sync);
        if (!session) {
            qWarning() << session.error().message;
            return false;
        }
        m_session = std::move(session.value());
        window().show();
        return QTest::qWaitForWindowExposed(&window()) && activate(&window());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    ui::ScriptedDialogs m_dialogs;
    std::unique_ptr<app::AppSession> m_session;
    sync::SyncService *m_sync = nullptr;
};

} // namespace jl::test
