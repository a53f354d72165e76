#include "ui/instruments/instrumentfieldeditor.h"

#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/sitelistmodel.h"
#include "ui/common/divisionselector.h"
#include "ui/common/optionaldateedit.h"
#include "ui/common/screencontext.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace jl::ui {

namespace F = models::InstrumentField;
using models::Instrument;

namespace {

bool is(const QString &field, const char *name)
{
    return field == QLatin1String(name);
}

// The text fields and where they live in the record.
QString Instrument::*textMember(const QString &field)
{
    const std::pair<const char *, QString Instrument::*> members[] = {
        {F::SerialNo, &Instrument::serialNo},
        {F::Name, &Instrument::name},
        {F::Model, &Instrument::model},
        {F::MeasuringRange, &Instrument::measuringRange},
        {F::AccuracyClass, &Instrument::accuracyClass},
        {F::Manufacturer, &Instrument::manufacturer},
        {F::UserUnit, &Instrument::userUnit},
        {F::InstallLocation, &Instrument::installLocation},
        {F::LastInstitution, &Instrument::lastInstitution},
        {F::Remarks, &Instrument::remarks},
    };
    for (const auto &[name, member] : members) {
        if (is(field, name))
            return member;
    }
    return nullptr;
}

QDate Instrument::*dateMember(const QString &field)
{
    const std::pair<const char *, QDate Instrument::*> members[] = {
        {F::ProductionDate, &Instrument::productionDate},
        {F::InstallDate, &Instrument::installDate},
        {F::LastVerificationDate, &Instrument::lastVerificationDate},
        {F::ValidUntil, &Instrument::validUntil},
    };
    for (const auto &[name, member] : members) {
        if (is(field, name))
            return member;
    }
    return nullptr;
}

} // namespace

InstrumentFieldEditor::InstrumentFieldEditor(const QString &field, ScreenContext &context,
                                             QWidget *parent)
    : QObject(parent)
    , m_field(field)
{
    m_widget = create(context, parent);
    m_widget->setObjectName(field);
    m_widget->setAccessibleName(models::InstrumentValidator::fieldLabel(field));
}

QWidget *InstrumentFieldEditor::create(ScreenContext &context, QWidget *parent)
{
    if (is(m_field, F::Category)) {
        // The catalogue, but free text too: a category the catalogue lacks must not block.
        auto *combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->addItem(QString());
        combo->addItems(context.categories().names());
        combo->setInsertPolicy(QComboBox::NoInsert);
        connect(combo, &QComboBox::currentTextChanged, this, &InstrumentFieldEditor::edited);
        return combo;
    }
    if (textMember(m_field)) {
        auto *edit = new QLineEdit(parent);
        connect(edit, &QLineEdit::textEdited, this, &InstrumentFieldEditor::edited);
        return edit;
    }
    if (dateMember(m_field)) {
        auto *edit = new OptionalDateEdit(parent);
        connect(edit, &OptionalDateEdit::valueChanged, this, &InstrumentFieldEditor::edited);
        return edit;
    }
    if (is(m_field, F::DivisionCode)) {
        auto *selector = new DivisionSelector(context.divisions(), parent);
        connect(selector, &DivisionSelector::codeChanged, this, &InstrumentFieldEditor::edited);
        return selector;
    }
    if (is(m_field, F::VerificationPeriodMonths)) {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 120);
        spin->setSpecialValueText(tr("Not set"));
        spin->setSuffix(tr(" months"));
        connect(spin, &QSpinBox::valueChanged, this, &InstrumentFieldEditor::edited);
        return spin;
    }
    auto *combo = new QComboBox(parent);
    if (is(m_field, F::Status)) {
        using S = models::InstrumentStatus;
        for (const S s : {S::InUse, S::Suspended, S::Scrapped})
            combo->addItem(models::displayName(s), models::toWire(s));
    } else if (is(m_field, F::VerificationResult)) {
        using R = models::VerificationResult;
        for (const R r : {R::None, R::Pass, R::Fail})
            combo->addItem(models::displayName(r), models::toWire(r));
    } else if (is(m_field, F::SiteId)) {
        combo->addItem(tr("None"), QString());
        const models::SiteListModel sites(context.database());
        for (int row = 0; row < sites.rowCount(); ++row)
            combo->addItem(sites.index(row).data().toString(), sites.idAt(row));
    }
    connect(combo, &QComboBox::currentIndexChanged, this, &InstrumentFieldEditor::edited);
    return combo;
}

bool InstrumentFieldEditor::contains(const QWidget *widget) const
{
    return widget && m_widget && (widget == m_widget || m_widget->isAncestorOf(widget));
}

void InstrumentFieldEditor::load(const Instrument &instrument)
{
    const QSignalBlocker blocker(this); // loading is not editing
    if (auto *combo = qobject_cast<QComboBox *>(m_widget); combo && combo->isEditable()) {
        combo->setCurrentText(instrument.category);
    } else if (const auto member = textMember(m_field)) {
        static_cast<QLineEdit *>(m_widget.data())->setText(instrument.*member);
    } else if (const auto date = dateMember(m_field)) {
        static_cast<OptionalDateEdit *>(m_widget.data())->setValue(instrument.*date);
    } else if (auto *selector = qobject_cast<DivisionSelector *>(m_widget)) {
        if (instrument.divisionCode.isEmpty())
            selector->clear();
        else
            selector->setCode(instrument.divisionCode);
    } else if (auto *spin = qobject_cast<QSpinBox *>(m_widget)) {
        spin->setValue(instrument.verificationPeriodMonths);
    } else if (auto *choice = qobject_cast<QComboBox *>(m_widget)) {
        QString data;
        if (is(m_field, F::Status))
            data = models::toWire(instrument.status);
        else if (is(m_field, F::VerificationResult))
            data = models::toWire(instrument.verificationResult);
        else
            data = instrument.siteId;
        choice->setCurrentIndex(qMax(0, choice->findData(data)));
    }
}

void InstrumentFieldEditor::store(Instrument &instrument) const
{
    const QVariant v = value();
    if (is(m_field, F::Category))
        instrument.category = v.toString();
    else if (const auto member = textMember(m_field))
        instrument.*member = v.toString();
    else if (const auto date = dateMember(m_field))
        instrument.*date = v.toDate();
    else if (is(m_field, F::DivisionCode))
        instrument.divisionCode = v.toString();
    else if (is(m_field, F::VerificationPeriodMonths))
        instrument.verificationPeriodMonths = v.toInt();
    else if (is(m_field, F::Status))
        instrument.status = models::instrumentStatusFromWire(v.toString());
    else if (is(m_field, F::VerificationResult))
        instrument.verificationResult = models::verificationResultFromWire(v.toString());
    else if (is(m_field, F::SiteId))
        instrument.siteId = v.toString();
}

QVariant InstrumentFieldEditor::value() const
{
    if (auto *combo = qobject_cast<QComboBox *>(m_widget); combo && combo->isEditable())
        return combo->currentText();
    if (auto *edit = qobject_cast<QLineEdit *>(m_widget))
        return edit->text();
    if (auto *date = qobject_cast<OptionalDateEdit *>(m_widget))
        return date->value();
    if (auto *selector = qobject_cast<DivisionSelector *>(m_widget))
        return selector->code();
    if (auto *spin = qobject_cast<QSpinBox *>(m_widget))
        return spin->value();
    if (auto *choice = qobject_cast<QComboBox *>(m_widget))
        return choice->currentData().toString();
    return {};
}

} // namespace jl::ui
