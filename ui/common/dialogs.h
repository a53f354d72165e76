#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>
#include <QStringList>

class QWidget;

namespace jl::ui {

// Every message box and file dialog of the program goes through this seam, so that GUI
// tests can answer them (a modal QMessageBox would block an offscreen test forever) and
// check what the user was asked. Injected by reference, never reached globally.
class Dialogs {
public:
    Dialogs() = default;
    virtual ~Dialogs();
    Q_DISABLE_COPY_MOVE(Dialogs)

    virtual void information(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void warning(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void critical(QWidget *parent, const QString &title, const QString &text) = 0;
    // A yes/no style question; returns the button chosen (`defaultButton` when dismissed).
    virtual QMessageBox::StandardButton
    question(QWidget *parent, const QString &title, const QString &text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::No) = 0;
    // Convenience: true only when the user explicitly chose Yes.
    bool confirm(QWidget *parent, const QString &title, const QString &text);

    // Empty when cancelled. `filter` uses the Qt syntax ("PDF (*.pdf)").
    virtual QString saveFileName(QWidget *parent, const QString &caption, const QString &path,
                                 const QString &filter) = 0;
    virtual QString openFileName(QWidget *parent, const QString &caption, const QString &dir,
                                 const QString &filter) = 0;
};

} // namespace jl::ui
