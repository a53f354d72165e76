#pragma once

#include "models/domain/instrument.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace jl::models {

// One problem with one field, phrased so the user knows what to fix.
struct FieldError {
    QString field; // InstrumentField name
    QString message;
};

class InstrumentValidator final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentValidator)

public:
    // Trims ASCII spaces, U+3000 and NBSP; keeps inner whitespace.
    static QString trimmed(const QString &text);
    // Serial numbers: trimmed, full-width ASCII (ＡＢ１２３) folded to half-width.
    static QString normalizedSerial(const QString &serial);
    // Applies both normalisations to every text field of the record.
    static Instrument normalized(Instrument instrument);

    // Everything wrong with the record for saving (empty = can be saved).
    static QList<FieldError> validate(const Instrument &instrument);

    // The fields that keep the record from being *complete* (required to book an
    // appointment, domain.md §3), in form order; 信息完善 shows exactly these.
    static QStringList missingForComplete(const Instrument &instrument);
    static bool isComplete(const Instrument &instrument)
    {
        return missingForComplete(instrument).isEmpty();
    }

    // Translated label of a field (出厂编号 …).
    static QString fieldLabel(const QString &field);
};

// Mobile 1[3-9]xxxxxxxxx or landline 0xx(x)-xxxxxxx(x), optional extension (domain.md §3).
bool isValidPhone(const QString &phone);
// 133****1111 / 0571-****4321, as the web lists show.
QString maskedPhone(const QString &phone);
// 王* / 欧阳** : the first character kept.
QString maskedName(const QString &name);

} // namespace jl::models
