#include "io/import/cellconversion.h"

#include "io/sheet/numberformat.h"
#include "models/domain/instrumentvalidator.h"

#include <QRegularExpression>

#include <cmath>

namespace jl::io {

using models::Error;
using models::Result;

namespace {

constexpr double SerialDigitsLimit = 1e15; // past 15 significant digits Excel rounds

// Whole numbers as digits, others in the shortest form that reads back the same.
QString numberText(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e18)
        return QString::number(qint64(v));
    QString s = QString::number(v, 'f', 10);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

} // namespace

Error CellConversion::formulaError(const Cell &cell)
{
    return Error{tr("The cell shows the error %1 (a formula that failed in Excel); enter the "
                    "value itself.")
                     .arg(cell.text),
                 {}};
}

Result<QString> CellConversion::text(const Cell &cell)
{
    switch (cell.kind) {
    case CellKind::Empty:
        return QString();
    case CellKind::Error:
        return formulaError(cell);
    case CellKind::Number:
        return numberText(cell.number);
    case CellKind::Date:
        return cell.date.isValid() ? cell.date.toString(Qt::ISODate) : numberText(cell.number);
    case CellKind::Text:
    case CellKind::Bool:
        break;
    }
    return models::InstrumentValidator::trimmed(cell.text);
}

Result<QString> CellConversion::serial(const Cell &cell)
{
    if (cell.kind != CellKind::Number && cell.kind != CellKind::Date)
        return text(cell);
    const double v = cell.number;
    if (!std::isfinite(v) || std::fabs(v) >= SerialDigitsLimit)
        return Error{tr("The serial number was stored as a number with more than 15 digits, so "
                        "Excel has already changed its last digits. Format the column as text, "
                        "type the serial numbers again and re-import."),
                     {}};
    if (v != std::floor(v) || v < 0)
        return numberText(v);
    QString digits = QString::number(qint64(v));
    const int width = numberformat::zeroPadWidth(cell.format);
    if (digits.size() < width)
        digits.prepend(QString(width - digits.size(), QLatin1Char('0')));
    return digits;
}

Result<QDate> CellConversion::date(const Cell &cell, bool date1904)
{
    const auto impossible = [](const QString &what) {
        return Error{tr("%1 is not a real date.").arg(what), {}};
    };
    switch (cell.kind) {
    case CellKind::Empty:
        return QDate();
    case CellKind::Error:
        return formulaError(cell);
    case CellKind::Date:
        if (!cell.date.isValid())
            return impossible(numberText(cell.number));
        return cell.date;
    case CellKind::Number: {
        const auto d = numberformat::serialToDate(cell.number, date1904);
        if (!d || !d->isValid())
            return impossible(numberText(cell.number));
        return *d;
    }
    case CellKind::Bool:
    case CellKind::Text:
        break;
    }
    const QString t = models::InstrumentValidator::trimmed(cell.text);
    if (t.isEmpty())
        return QDate();
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})(?:-(\\d{1,2})-(\\d{1,2})|/(\\d{1,2})/(\\d{1,2})|\\x{5E74}(\\d{1,2})\\x{6708}"
        "(\\d{1,2})\\x{65E5})$"));
    const auto m = pattern.match(t);
    if (!m.hasMatch())
        return Error{tr("\"%1\" is not a date; write it as 2024-03-15, 2024/3/15 or "
                        "2024年3月15日.")
                         .arg(t),
                     {}};
    int month = 0;
    int day = 0;
    for (int g : {2, 4, 6}) {
        if (m.hasCaptured(g)) {
            month = m.captured(g).toInt();
            day = m.captured(g + 1).toInt();
        }
    }
    const QDate d(m.captured(1).toInt(), month, day);
    if (!d.isValid())
        return impossible(t);
    return d;
}

Result<int> CellConversion::months(const Cell &cell)
{
    const auto bad = [](const QString &what) {
        return Error{tr("The verification period must be a whole number of months, such as 12; "
                        "\"%1\" is not.")
                         .arg(what),
                     {}};
    };
    if (cell.kind == CellKind::Empty)
        return 0;
    if (cell.kind == CellKind::Error)
        return formulaError(cell);
    if (cell.kind == CellKind::Number) {
        if (cell.number != std::floor(cell.number) || cell.number < 1 || cell.number > 1200)
            return bad(numberText(cell.number));
        return int(cell.number);
    }
    const QString t = models::InstrumentValidator::trimmed(cell.text);
    if (t.isEmpty())
        return 0;
    bool ok = false;
    const int n = t.toInt(&ok);
    if (!ok || n < 1)
        return bad(t);
    return n;
}

Result<models::InstrumentStatus> CellConversion::status(const Cell &cell)
{
    auto t = text(cell);
    if (!t)
        return t.error();
    if (t->isEmpty() || *t == QStringLiteral("在用"))
        return models::InstrumentStatus::InUse;
    if (*t == QStringLiteral("停用"))
        return models::InstrumentStatus::Suspended;
    if (*t == QStringLiteral("报废"))
        return models::InstrumentStatus::Scrapped;
    return Error{tr("The status must be 在用, 停用 or 报废, not \"%1\".").arg(*t), {}};
}

Result<models::VerificationResult> CellConversion::verificationResult(const Cell &cell)
{
    auto t = text(cell);
    if (!t)
        return t.error();
    if (t->isEmpty() || *t == QStringLiteral("无"))
        return models::VerificationResult::None;
    if (*t == QStringLiteral("合格"))
        return models::VerificationResult::Pass;
    if (*t == QStringLiteral("不合格"))
        return models::VerificationResult::Fail;
    return Error{tr("The verification result must be 合格, 不合格 or 无, not \"%1\".").arg(*t), {}};
}

} // namespace jl::io
