#pragma once

#include "server/api/collectionrules.h"

namespace jl::server {

// Instruments (domain.md §3): the client's record checked with the shared validator
// (models/domain/instrumentvalidator), serial numbers unique among active instruments,
// removal to history and restore as commands, delete only from history, and verification
// matching whenever the serial number changes.
class InstrumentRules final : public CollectionRules {
public:
    QString name() const override { return QStringLiteral("instruments"); }
    bool clientWritable() const override { return true; }
    QStringList commands() const override
    {
        return {QStringLiteral("moveToHistory"), QStringLiteral("restore")};
    }

    Outcome<QJsonObject> normalize(RecordStore &store, const QJsonObject &payload,
                                   const std::optional<StoredRecord> &current) const override;
    void index(StoredRecord &record) const override;
    Done checkDelete(RecordStore &store, const StoredRecord &current) const override;
    Outcome<StoredRecord> beforeWrite(RecordStore &store, StoredRecord record,
                                      const std::optional<StoredRecord> &before) const override;
    Outcome<StoredRecord> command(RecordStore &store, const StoredRecord &current,
                                  const QString &command, const QJsonObject &body) const override;
};

} // namespace jl::server
