#include "ui/common/dialogs.h"

namespace jl::ui {

Dialogs::~Dialogs() = default;

bool Dialogs::confirm(QWidget *parent, const QString &title, const QString &text)
{
    return question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

} // namespace jl::ui
