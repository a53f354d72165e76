#include "server/api/collectionrules.h"

#include "server/api/contactrules.h"
#include "server/api/instrumentrules.h"
#include "server/api/siterules.h"

namespace jl::server {

namespace {

// Records the server alone writes: the enterprise itself, verification records.
class ReadOnlyRules final : public CollectionRules {
public:
    explicit ReadOnlyRules(QString name)
        : m_name(std::move(name))
    {}
    QString name() const override { return m_name; }

private:
    QString m_name;
};

} // namespace

const QStringList &CollectionRules::envelopeFields()
{
    static const QStringList fields = {
        QStringLiteral("enterpriseId"), QStringLiteral("enterprise"), QStringLiteral("rev"),
        QStringLiteral("seq"),          QStringLiteral("updatedAt"),  QStringLiteral("deleted"),
        QStringLiteral("createdAt"),    QStringLiteral("collection")};
    return fields;
}

Done CollectionRules::checkFields(const QJsonObject &payload, const QStringList &allowed)
{
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (envelopeFields().contains(it.key()))
            return ApiError::make(422, Msg::ServerOwnedField, {it.key()})
                .with(QStringLiteral("field"), it.key());
        if (it.key() != QLatin1String("id") && !allowed.contains(it.key()))
            return ApiError::make(422, Msg::Validation,
                                  {QStringLiteral("Unknown field %1.").arg(it.key())})
                .with(QStringLiteral("field"), it.key());
    }
    return {};
}

Outcome<QJsonObject> CollectionRules::normalize(RecordStore &, const QJsonObject &,
                                                const std::optional<StoredRecord> &) const
{
    return ApiError::make(405, Msg::ReadOnlyCollection);
}

Done CollectionRules::checkDelete(RecordStore &, const StoredRecord &) const
{
    return {};
}

Outcome<StoredRecord> CollectionRules::afterWrite(RecordStore &, const StoredRecord &written,
                                                  const std::optional<StoredRecord> &) const
{
    return written;
}

Outcome<StoredRecord> CollectionRules::command(RecordStore &, const StoredRecord &,
                                               const QString &command, const QJsonObject &) const
{
    return ApiError::make(404, Msg::UnknownCommand, {command});
}

const QList<const CollectionRules *> &Collections::all()
{
    static const InstrumentRules instruments;
    static const SiteRules sites;
    static const ContactRules contacts;
    static const ReadOnlyRules enterprise(QStringLiteral("enterprise"));
    static const ReadOnlyRules verificationRecords(QStringLiteral("verificationRecords"));
    static const QList<const CollectionRules *> list = {&enterprise, &contacts, &sites,
                                                        &instruments, &verificationRecords};
    return list;
}

const CollectionRules *Collections::find(const QString &name)
{
    for (const CollectionRules *c : all()) {
        if (c->name() == name)
            return c;
    }
    return nullptr;
}

} // namespace jl::server
