#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace jl::models {

// The catalogue of instrument categories under mandatory verification (domain.md §3),
// shipped as reference data and replaceable by the server's.
struct InstrumentCategory {
    QString code;
    QString name;
    QStringList keywords; // substrings of an instrument name that imply this category
};

class InstrumentCategories final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentCategories)

public:
    static InstrumentCategories bundled();
    static Result<InstrumentCategories> fromJson(const QByteArray &json);

    const QList<InstrumentCategory> &all() const { return m_categories; }
    QStringList names() const;
    // The category an instrument name implies (燃油加油机 → 燃油加油机), empty when none does.
    // Categories are tried in catalogue order, so the more specific ones come first there.
    QString categoryForName(const QString &instrumentName) const;

private:
    QList<InstrumentCategory> m_categories;
};

} // namespace jl::models
