#include "ui/instruments/batcheditdialog.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/instrumentstore.h"
#include "ui/common/dialogs.h"
#include "ui/common/dialogsizing.h"
#include "ui/common/screencontext.h"
#include "ui/instruments/instrumentfieldeditor.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace jl::ui {

namespace F = models::InstrumentField;
using models::InstrumentValidator;

BatchEditDialog::BatchEditDialog(ScreenContext &context, QStringList ids, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_ids(std::move(ids))
{
    setWindowTitle(tr("Edit %n instrument(s)", nullptr, int(m_ids.size())));
    setAccessibleName(windowTitle());

    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *intro = new QLabel(tr("Tick the fields to set on all %n selected instrument(s). "
                                "Fields not ticked keep their values.",
                                nullptr, int(m_ids.size())),
                             page);
    intro->setWordWrap(true);
    form->addRow(intro);

    const models::Instrument blank;
    const QString division = QLatin1String(F::DivisionCode);
    const QString address = QLatin1String(F::InstallLocation);
    for (const QString &field : models::InstrumentStore::batchEditableFields()) {
        if (field == division)
            continue; // on the address's row
        QStringList rowFields{field};
        if (field == address)
            rowFields.append(division);
        auto *check = new QCheckBox(InstrumentValidator::fieldLabel(field), page);
        check->setObjectName(QStringLiteral("change_") + field);
        check->setAccessibleName(tr("Change %1").arg(InstrumentValidator::fieldLabel(field)));
        auto *cell = new QWidget(page);
        auto *column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        for (const QString &f : rowFields) {
            auto *editor = new InstrumentFieldEditor(f, m_context, cell);
            editor->load(blank);
            column->addWidget(editor->widget());
            m_editors.append(editor);
            m_checks.insert(f, check);
            connect(editor, &InstrumentFieldEditor::edited, check,
                    [check] { check->setChecked(true); });
        }
        form->addRow(check, cell);
    }

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &BatchEditDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *column = new QVBoxLayout(this);
    column->addWidget(scroll, 1);
    column->addWidget(buttons);

    auto *saveAction = new QAction(tr("Save"), this);
    saveAction->setShortcut(QKeySequence::Save);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, &BatchEditDialog::save);
    fitToContent(this, scroll);
}

QVariantMap BatchEditDialog::changes() const
{
    QVariantMap result;
    for (const InstrumentFieldEditor *editor : m_editors) {
        if (m_checks.value(editor->field())->isChecked())
            result.insert(editor->field(), editor->value());
    }
    return result;
}

QCheckBox *BatchEditDialog::checkBox(const QString &field) const
{
    return m_checks.value(field);
}

InstrumentFieldEditor *BatchEditDialog::editor(const QString &field) const
{
    for (InstrumentFieldEditor *editor : m_editors) {
        if (editor->field() == field)
            return editor;
    }
    return nullptr;
}

void BatchEditDialog::save()
{
    const QVariantMap fields = changes();
    if (fields.isEmpty()) {
        m_context.dialogs().information(this, tr("Nothing to change"),
                                        tr("Tick the fields to change first."));
        return;
    }
    models::InstrumentStore &store = m_context.instruments();
    const auto before = store.batchUpdate(m_ids, fields);
    if (!before) {
        m_context.dialogs().critical(this, tr("Not saved"), before.error().message);
        return;
    }
    const auto after = store.get(m_ids);
    Q_EMIT saved(before.value(), after ? after.value() : QList<models::Instrument>());
    m_context.notifyDataChanged();
    accept();
}

} // namespace jl::ui
