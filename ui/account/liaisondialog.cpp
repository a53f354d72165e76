#include "ui/account/liaisondialog.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/contactstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace jl::ui {

LiaisonDialog::LiaisonDialog(models::ContactStore &contacts, QWidget *parent)
    : QDialog(parent)
    , m_contacts(contacts)
{
    setWindowTitle(tr("Complete the liaison's details"));
    setObjectName(QStringLiteral("liaisonDialog"));

    auto *intro = new QLabel(tr("For the verification work, the regulator needs a person to "
                                "contact at your enterprise."),
                             this);
    intro->setWordWrap(true);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("liaisonName"));
    m_name->setMaxLength(50);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("liaisonPhone"));
    m_phone->setMaxLength(30);
    m_phone->setPlaceholderText(QStringLiteral("13800000000 / 0571-87654321"));
    if (const auto existing = contacts.liaison(); existing && existing.value()) {
        m_name->setText(existing.value()->name);
        m_phone->setText(existing.value()->phone);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("Contact person:"), m_name);
    form->addRow(tr("Contact number:"), m_phone);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("liaisonError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &LiaisonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LiaisonDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void LiaisonDialog::accept()
{
    const auto saved = m_contacts.saveLiaison(m_name->text(), m_phone->text());
    if (!saved) {
        m_error->setText(saved.error().message);
        m_error->setVisible(true);
        (models::isValidPhone(models::InstrumentValidator::trimmed(m_phone->text())) ? m_name
                                                                                     : m_phone)
            ->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace jl::ui
