#include "server/api/contactrules.h"

#include "models/domain/instrumentvalidator.h"
#include "models/reference/divisions.h"

#include <QRegularExpression>

namespace jl::server {

namespace {

const QStringList TextFields = {QStringLiteral("name"),     QStringLiteral("phone"),
                                QStringLiteral("province"), QStringLiteral("city"),
                                QStringLiteral("district"), QStringLiteral("street"),
                                QStringLiteral("address")};

ApiError invalid(const QString &field, const QString &message)
{
    return ApiError::make(422, Msg::Validation, {field + QLatin1String(": ") + message})
        .with(QStringLiteral("field"), field);
}

} // namespace

Outcome<QJsonObject> ContactRules::normalize(RecordStore &, const QJsonObject &payload,
                                             const std::optional<StoredRecord> &) const
{
    if (Done d = checkFields(payload, TextFields + QStringList{QStringLiteral("isLiaison")}); !d)
        return d.error();
    QJsonObject data;
    for (const QString &f : TextFields) {
        const QJsonValue v = payload.value(f);
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return invalid(f, QStringLiteral("must be text"));
        data.insert(f, models::InstrumentValidator::trimmed(v.toString()));
    }
    const QJsonValue liaison = payload.value(QStringLiteral("isLiaison"));
    if (!liaison.isUndefined() && !liaison.isBool())
        return invalid(QStringLiteral("isLiaison"), QStringLiteral("true or false"));
    data.insert(QStringLiteral("isLiaison"), liaison.toBool(false));
    if (data.value(QStringLiteral("name")).toString().isEmpty())
        return invalid(QStringLiteral("name"), QStringLiteral("required"));
    if (!models::isValidPhone(data.value(QStringLiteral("phone")).toString()))
        return invalid(QStringLiteral("phone"),
                       QStringLiteral("a mobile (1[3-9]xxxxxxxxx) or landline (0571-87654321) "
                                      "number"));
    // Province 2, city 4, district 6, street 9 digits (GB/T 2260, domain.md §6), each
    // extending the one before.
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    const int lengths[] = {2, 4, 6, 9};
    QString parent;
    int n = 0;
    for (const char *f : {"province", "city", "district", "street"}) {
        const QString code = data.value(QLatin1String(f)).toString();
        const int want = lengths[n++];
        if (code.isEmpty()) {
            parent = QStringLiteral("-");
            continue;
        }
        static const models::Divisions divisions = models::Divisions::bundled();
        if (code.size() != want || !digits.match(code).hasMatch() ||
            (parent == QLatin1String("-") || !code.startsWith(parent)) || !divisions.contains(code))
            return invalid(QLatin1String(f), QStringLiteral("not a division code under the one "
                                                            "before"));
        parent = code;
    }
    return data;
}

} // namespace jl::server
