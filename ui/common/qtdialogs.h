#pragma once

#include "ui/common/dialogs.h"

namespace jl::ui {

// The real dialogs: QMessageBox and QFileDialog (native where the platform has one).
class QtDialogs final : public Dialogs {
public:
    void information(QWidget *parent, const QString &title, const QString &text) override;
    void warning(QWidget *parent, const QString &title, const QString &text) override;
    void critical(QWidget *parent, const QString &title, const QString &text) override;
    QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                         QMessageBox::StandardButtons buttons,
                                         QMessageBox::StandardButton defaultButton) override;
    QString saveFileName(QWidget *parent, const QString &caption, const QString &path,
                         const QString &filter) override;
    QString openFileName(QWidget *parent, const QString &caption, const QString &dir,
                         const QString &filter) override;
};

} // namespace jl::ui
