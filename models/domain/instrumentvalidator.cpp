#include "models/domain/instrumentvalidator.h"

#include <algorithm>

#include <QRegularExpression>

namespace jl::models {

namespace {

bool isTrimmable(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
           c == QLatin1Char('\n') || c == QChar(0x3000) || c == QChar(0x00A0);
}

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

constexpr int MaxSerialLength = 64;
constexpr int MaxTextLength = 200;
constexpr int MaxPeriodMonths = 120;

} // namespace

QString InstrumentValidator::trimmed(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isTrimmable(text.at(begin)))
        ++begin;
    while (end > begin && isTrimmable(text.at(end - 1)))
        --end;
    if (begin == 0 && end == text.size())
        return text; // the common case: shared, nothing copied or allocated
    return text.mid(begin, end - begin);
}

QString InstrumentValidator::normalizedSerial(const QString &serial)
{
    // Serials typed with a Chinese input method often arrive as full-width ＡＢ１２３.
    QString s = trimmed(serial);
    const auto wide = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0xFF01 && u <= 0xFF5E) || u == 0x3000;
    };
    // Most serials have nothing to change: the loop below would copy the string regardless.
    if (std::none_of(s.cbegin(), s.cend(), wide))
        return s;
    for (QChar &c : s) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            c = QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3000)
            c = QLatin1Char(' ');
    }
    return s;
}

Instrument InstrumentValidator::normalized(Instrument i)
{
    i.serialNo = normalizedSerial(i.serialNo);
    for (QString *text : {&i.name, &i.category, &i.model, &i.measuringRange, &i.accuracyClass,
                          &i.manufacturer, &i.userUnit, &i.installLocation, &i.divisionCode,
                          &i.lastInstitution, &i.siteId, &i.remarks})
        *text = trimmed(*text);
    return i;
}

QList<FieldError> InstrumentValidator::validate(const Instrument &i)
{
    namespace F = InstrumentField;
    QList<FieldError> errors;
    auto add = [&errors](const char *field, const QString &message) {
        errors.append(FieldError{QLatin1String(field), message});
    };

    const QString serial = normalizedSerial(i.serialNo);
    if (serial.isEmpty())
        add(F::SerialNo, tr("Enter the serial number printed on the instrument."));
    else if (serial.size() > MaxSerialLength)
        add(F::SerialNo,
            tr("The serial number is longer than %1 characters; check it.").arg(MaxSerialLength));
    else if (hasControlCharacters(serial))
        add(F::SerialNo, tr("The serial number contains invisible control characters; retype it."));

    if (trimmed(i.name).isEmpty())
        add(F::Name, tr("Enter the instrument name, for example \"fuel dispenser\"."));

    const std::pair<const char *, const QString *> texts[] = {
        {F::Name, &i.name},
        {F::Category, &i.category},
        {F::Model, &i.model},
        {F::MeasuringRange, &i.measuringRange},
        {F::AccuracyClass, &i.accuracyClass},
        {F::Manufacturer, &i.manufacturer},
        {F::UserUnit, &i.userUnit},
        {F::InstallLocation, &i.installLocation},
        {F::LastInstitution, &i.lastInstitution},
    };
    for (const auto &[field, text] : texts) {
        if (text->size() > MaxTextLength)
            add(field, tr("Keep this to at most %1 characters.").arg(MaxTextLength));
    }

    static const QRegularExpression divisionPattern(
        QStringLiteral("^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$"));
    if (!i.divisionCode.isEmpty() && !divisionPattern.match(i.divisionCode).hasMatch())
        add(F::DivisionCode, tr("Choose the installation area from the list."));

    if (i.verificationPeriodMonths < 0 || i.verificationPeriodMonths > MaxPeriodMonths)
        add(F::VerificationPeriodMonths,
            tr("The verification period must be between 1 and %1 months.").arg(MaxPeriodMonths));

    if (i.productionDate.isValid() && i.installDate.isValid() && i.installDate < i.productionDate)
        add(F::InstallDate, tr("The installation date is before the production date."));
    if (i.lastVerificationDate.isValid() && i.validUntil.isValid() &&
        i.validUntil < i.lastVerificationDate)
        add(F::ValidUntil, tr("The certificate expires before the verification date."));
    return errors;
}

QStringList InstrumentValidator::missingForComplete(const Instrument &i)
{
    namespace F = InstrumentField;
    QStringList missing;
    if (trimmed(i.category).isEmpty())
        missing.append(QLatin1String(F::Category));
    if (trimmed(i.model).isEmpty())
        missing.append(QLatin1String(F::Model));
    if (trimmed(i.measuringRange).isEmpty())
        missing.append(QLatin1String(F::MeasuringRange));
    if (trimmed(i.manufacturer).isEmpty())
        missing.append(QLatin1String(F::Manufacturer));
    if (trimmed(i.installLocation).isEmpty())
        missing.append(QLatin1String(F::InstallLocation));
    // Street level: 9 digits (GB/T 2260 + township), or 12 with the village part.
    if (i.divisionCode.size() < 9)
        missing.append(QLatin1String(F::DivisionCode));
    if (!i.installDate.isValid())
        missing.append(QLatin1String(F::InstallDate));
    if (i.verificationPeriodMonths <= 0)
        missing.append(QLatin1String(F::VerificationPeriodMonths));
    return missing;
}

QString InstrumentValidator::fieldLabel(const QString &field)
{
    namespace F = InstrumentField;
    const std::pair<const char *, QString> labels[] = {
        {F::SerialNo, tr("Serial No.")},
        {F::Name, tr("Instrument name")},
        {F::Category, tr("Category")},
        {F::Model, tr("Model")},
        {F::MeasuringRange, tr("Measuring range")},
        {F::AccuracyClass, tr("Accuracy class")},
        {F::Manufacturer, tr("Manufacturer")},
        {F::ProductionDate, tr("Production date")},
        {F::UserUnit, tr("User unit")},
        {F::InstallLocation, tr("Installation address")},
        {F::DivisionCode, tr("Installation area")},
        {F::InstallDate, tr("Installation date")},
        {F::Status, tr("Status")},
        {F::VerificationPeriodMonths, tr("Verification period (months)")},
        {F::VerificationResult, tr("Verification result")},
        {F::LastVerificationDate, tr("Last verification date")},
        {F::ValidUntil, tr("Valid until")},
        {F::LastInstitution, tr("Last verification institution")},
        {F::SiteId, tr("Site")},
        {F::Remarks, tr("Remarks")},
    };
    for (const auto &[name, label] : labels) {
        if (field == QLatin1String(name))
            return label;
    }
    return field;
}

bool isValidPhone(const QString &phone)
{
    static const QRegularExpression mobile(QStringLiteral("^1[3-9]\\d{9}$"));
    static const QRegularExpression landline(
        QStringLiteral("^0\\d{2,3}-?\\d{7,8}((-|转|#)\\d{1,6})?$"));
    const QString p = InstrumentValidator::trimmed(phone);
    return mobile.match(p).hasMatch() || landline.match(p).hasMatch();
}

QString maskedPhone(const QString &phone)
{
    const QString p = InstrumentValidator::trimmed(phone);
    if (p.size() == 11 && p.startsWith(QLatin1Char('1')))
        return p.left(3) + QLatin1String("****") + p.right(4);
    const qsizetype dash = p.indexOf(QLatin1Char('-'));
    if (dash > 0 && p.size() - dash > 4)
        return p.left(dash + 1) + QLatin1String("****") + p.mid(p.size() - 4);
    if (p.size() > 7)
        return p.left(3) + QLatin1String("****") + p.right(4);
    return p;
}

QString maskedName(const QString &name)
{
    const QString n = InstrumentValidator::trimmed(name);
    if (n.size() <= 1)
        return n;
    return n.left(1) + QString(n.size() - 1, QLatin1Char('*'));
}

} // namespace jl::models
