#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace jl::models {
class ContactStore;
}

namespace jl::ui {

// 完善联络人员信息 (domain.md §8, user manual §1.2): the liaison's name and phone, asked after
// login while the enterprise has none, and from the account menu (修改联系方式). 取消 is
// allowed; the prompt comes back at the next start. 确定 saves through ContactStore (record,
// outbox and audit together) and stays open with the reason when the input is refused.
class LiaisonDialog final : public QDialog {
    Q_OBJECT

public:
    LiaisonDialog(models::ContactStore &contacts, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QPushButton *okButton() const { return m_ok; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    models::ContactStore &m_contacts;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace jl::ui
