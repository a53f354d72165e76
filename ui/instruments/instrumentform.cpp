#include "ui/instruments/instrumentform.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/instrumentstore.h"
#include "ui/common/dialogs.h"
#include "ui/common/dialogsizing.h"
#include "ui/common/screencontext.h"
#include "ui/instruments/instrumentfieldeditor.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace jl::ui {

namespace F = models::InstrumentField;
using models::InstrumentValidator;

namespace {
const QString ErrorColor = QStringLiteral("#c62828");
} // namespace

InstrumentForm::InstrumentForm(ScreenContext &context, Mode mode,
                               const models::Instrument &instrument, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_mode(mode)
    , m_original(instrument)
{
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New instrument"));
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit instrument %1").arg(instrument.serialNo));
        break;
    case Mode::Complete:
        setWindowTitle(tr("Complete instrument %1").arg(instrument.serialNo));
        break;
    case Mode::View:
        setWindowTitle(tr("Instrument %1").arg(instrument.serialNo));
        break;
    }
    setAccessibleName(windowTitle());

    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    if (mode == Mode::Complete) {
        auto *intro = new QLabel(tr("These details are needed before an appointment can be "
                                    "booked for this instrument."),
                                 page);
        intro->setWordWrap(true);
        form->addRow(intro);
        for (const QString &field : InstrumentValidator::missingForComplete(instrument))
            addField(form, field, true);
    } else {
        const QStringList required{QLatin1String(F::SerialNo), QLatin1String(F::Name)};
        for (const QString &field : models::instrumentFields())
            addField(form, field, mode != Mode::View && required.contains(field));
    }
    for (InstrumentFieldEditor *editor : std::as_const(m_editors))
        editor->load(instrument);
    if (InstrumentFieldEditor *name = editor(QLatin1String(F::Name)))
        connect(name, &InstrumentFieldEditor::edited, this, &InstrumentForm::deriveCategory);

    // Scrolls rather than clips at 200 % scaling or in large-font mode.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *column = new QVBoxLayout(this);
    column->addWidget(scroll, 1);
    if (mode == Mode::View) {
        for (InstrumentFieldEditor *editor : std::as_const(m_editors))
            editor->widget()->setEnabled(false);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        column->addWidget(buttons);
    } else {
        auto *buttons =
            new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Save (Ctrl+S)"));
        connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
                &InstrumentForm::save);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        column->addWidget(buttons);

        auto *saveAction = new QAction(tr("Save"), this);
        saveAction->setShortcut(QKeySequence::Save);
        saveAction->setShortcutContext(Qt::WindowShortcut);
        addAction(saveAction);
        connect(saveAction, &QAction::triggered, this, &InstrumentForm::save);
    }

    connect(qApp, &QApplication::focusChanged, this, &InstrumentForm::focusChanged);
    fitToContent(this, scroll);
}

void InstrumentForm::addField(QFormLayout *form, const QString &field, bool required)
{
    auto *editor = new InstrumentFieldEditor(field, m_context, this);
    m_editors.append(editor);

    auto *cell = new QWidget;
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    editor->widget()->setParent(cell);
    column->addWidget(editor->widget());
    auto *error = new QLabel(cell);
    error->setObjectName(field + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: %1;").arg(ErrorColor));
    error->hide();
    column->addWidget(error);
    m_errorLabels.insert(field, error);

    const QString text = InstrumentValidator::fieldLabel(field);
    auto *label = new QLabel;
    if (required) {
        label->setText(text.toHtmlEscaped() +
                       QStringLiteral(" <span style=\"color:%1\">*</span>").arg(ErrorColor));
        editor->widget()->setAccessibleName(tr("%1 (required)").arg(text));
    } else {
        label->setText(text.toHtmlEscaped());
    }
    label->setBuddy(editor->widget());
    form->addRow(label, cell);

    // Once a field has shown a problem, fixing it clears the message at once.
    connect(editor, &InstrumentFieldEditor::edited, this, [this, field] {
        if (m_touched.contains(field))
            showErrors();
    });
}

models::Instrument InstrumentForm::instrument() const
{
    models::Instrument record = m_original;
    for (const InstrumentFieldEditor *editor : m_editors)
        editor->store(record);
    return record;
}

QStringList InstrumentForm::fields() const
{
    QStringList result;
    for (const InstrumentFieldEditor *editor : m_editors)
        result.append(editor->field());
    return result;
}

void InstrumentForm::deriveCategory()
{
    // The category follows the name (燃油加油机 → 燃油加油机) until the user picks one himself.
    InstrumentFieldEditor *name = editor(QLatin1String(F::Name));
    InstrumentFieldEditor *category = editor(QLatin1String(F::Category));
    auto *combo = category ? qobject_cast<QComboBox *>(category->widget()) : nullptr;
    if (!name || !combo)
        return;
    const QString current = combo->currentText();
    if (!current.isEmpty() && current != m_derivedCategory)
        return;
    m_derivedCategory = m_context.categories().categoryForName(name->value().toString());
    combo->setCurrentText(m_derivedCategory);
}

InstrumentFieldEditor *InstrumentForm::editor(const QString &field) const
{
    for (InstrumentFieldEditor *editor : m_editors) {
        if (editor->field() == field)
            return editor;
    }
    return nullptr;
}

QString InstrumentForm::errorText(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QHash<QString, QString> InstrumentForm::check() const
{
    const models::Instrument record = instrument();
    QHash<QString, QString> errors;
    for (const models::FieldError &error : InstrumentValidator::validate(record)) {
        if (!errors.contains(error.field))
            errors.insert(error.field, error.message);
    }
    if (m_mode == Mode::Complete) {
        for (const QString &field : InstrumentValidator::missingForComplete(record)) {
            if (errors.contains(field) || !m_errorLabels.contains(field))
                continue;
            errors.insert(field, field == QLatin1String(F::DivisionCode)
                                     ? tr("Choose the area down to the street or township.")
                                     : tr("Fill this in to complete the record."));
        }
    }
    return errors;
}

void InstrumentForm::showErrors()
{
    const QHash<QString, QString> errors = check();
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QString message = m_touched.contains(it.key()) ? errors.value(it.key()) : QString();
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        if (QWidget *field = editor(it.key())->widget())
            field->setAccessibleDescription(message);
    }
}

void InstrumentForm::focusChanged(QWidget *old, QWidget *now)
{
    for (const InstrumentFieldEditor *editor : std::as_const(m_editors)) {
        if (editor->contains(old) && !editor->contains(now)) {
            m_touched.insert(editor->field());
            showErrors();
        }
    }
}

void InstrumentForm::save()
{
    if (m_mode == Mode::View)
        return;
    for (const InstrumentFieldEditor *editor : std::as_const(m_editors))
        m_touched.insert(editor->field());
    showErrors();
    const QHash<QString, QString> errors = check();
    // Errors in fields the form does not show (信息完善 shows only some) still block.
    QStringList hidden;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (!m_errorLabels.contains(it.key()))
            hidden.append(InstrumentValidator::fieldLabel(it.key()) + QStringLiteral(": ") +
                          it.value());
    }
    for (const InstrumentFieldEditor *editor : std::as_const(m_editors)) {
        if (errors.contains(editor->field())) {
            editor->widget()->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    if (!hidden.isEmpty()) {
        m_context.dialogs().warning(this, tr("Not saved"), hidden.join(QLatin1Char('\n')));
        return;
    }

    models::InstrumentStore &store = m_context.instruments();
    const auto result =
        m_mode == Mode::Create ? store.create(instrument()) : store.update(instrument());
    if (!result) {
        m_context.dialogs().critical(this, tr("Not saved"), result.error().message);
        return;
    }
    Q_EMIT saved(result.value());
    m_context.notifyDataChanged();
    accept();
}

} // namespace jl::ui
