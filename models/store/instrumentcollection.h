#pragma once

#include "models/store/localcollection.h"

#include <QCoreApplication>

namespace jl::models {

// The instrument table as a LocalCollection: rows through instrumentrow, values through the
// instrument's own JSON (toJson / instrumentFromJson) and labels through the validator.
class InstrumentCollection final : public LocalCollection {
    Q_DECLARE_TR_FUNCTIONS(InstrumentCollection)

public:
    InstrumentCollection() = default;

    QString name() const override;
    QString title() const override;
    QStringList fields() const override;
    QString fieldLabel(const QString &field) const override;
    QString displayValue(const QString &field, const QJsonValue &value) const override;
    QString describe(const QJsonObject &data) const override;

    Result<std::optional<LocalRecord>> read(Database &db, const QString &id) const override;
    Status write(Database &db, const QString &id, const LocalRecord &record) const override;
    Status erase(Database &db, const QString &id) const override;
};

} // namespace jl::models
