#include "models/store/contactstore.h"

#include "models/domain/instrumentvalidator.h"
#include "models/store/audit.h"
#include "models/store/database.h"
#include "models/store/outbox.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace jl::models {

namespace {

const QString Columns =
    QStringLiteral("id, rev, name, phone, province, city, district, street, address, is_liaison");

Contact fromRow(const QSqlQuery &q)
{
    Contact c;
    c.id = q.value(0).toString();
    c.rev = q.value(1).toLongLong();
    c.name = q.value(2).toString();
    c.phone = q.value(3).toString();
    c.province = q.value(4).toString();
    c.city = q.value(5).toString();
    c.district = q.value(6).toString();
    c.street = q.value(7).toString();
    c.address = q.value(8).toString();
    c.isLiaison = q.value(9).toBool();
    return c;
}

} // namespace

QJsonObject Contact::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},         {QStringLiteral("phone"), phone},
        {QStringLiteral("province"), province}, {QStringLiteral("city"), city},
        {QStringLiteral("district"), district}, {QStringLiteral("street"), street},
        {QStringLiteral("address"), address},   {QStringLiteral("isLiaison"), isLiaison}};
}

ContactStore::ContactStore(Database &db, QString actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

Result<std::optional<Contact>> ContactStore::liaison() const
{
    auto q = m_db.exec(QStringLiteral("store.contact.read"),
                       QStringLiteral("SELECT ") + Columns +
                           QStringLiteral(" FROM contact WHERE deleted = 0 AND is_liaison = 1 "
                                          "ORDER BY updated_at DESC, id LIMIT 1"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<Contact>();
    return std::optional<Contact>(fromRow(q.value()));
}

Result<Contact> ContactStore::saveLiaison(const QString &nameIn, const QString &phoneIn)
{
    const QString name = InstrumentValidator::trimmed(nameIn);
    const QString phone = InstrumentValidator::trimmed(phoneIn);
    if (name.isEmpty())
        return Error{tr("Enter the name of the contact person."), {}};
    if (!isValidPhone(phone))
        return Error{tr("Enter a mobile number (11 digits starting with 1) or a landline with "
                        "area code, such as 0571-87654321."),
                     {}};
    const auto existing = liaison();
    if (!existing)
        return existing.error();
    Contact before = existing.value().value_or(Contact{});
    Contact after = before;
    const bool isCreate = before.id.isEmpty();
    if (isCreate) {
        after.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        after.isLiaison = true;
    }
    after.name = name;
    after.phone = phone;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    Status done = m_db.transaction([&]() -> Status {
        if (auto q = m_db.exec(
                QStringLiteral("store.contact.write"),
                QStringLiteral(
                    "INSERT INTO contact (id, rev, updated_at, deleted, name, phone, province, "
                    "city, district, street, address, is_liaison) VALUES "
                    "(?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "updated_at = excluded.updated_at, name = excluded.name, "
                    "phone = excluded.phone"),
                {after.id, after.rev, now, after.name, after.phone, after.province, after.city,
                 after.district, after.street, after.address, after.isLiaison ? 1 : 0});
            !q)
            return q.error();
        const QJsonObject snapshot = after.toJson();
        const QJsonObject old = isCreate ? QJsonObject() : before.toJson();
        if (Status s = outbox::append(
                m_db, QLatin1String(Collection), after.id, QStringLiteral("upsert"), after.rev,
                QJsonDocument(snapshot).toJson(QJsonDocument::Compact), {},
                isCreate ? QByteArray() : QJsonDocument(old).toJson(QJsonDocument::Compact));
            !s)
            return s;
        return audit::append(m_db, m_actor, QLatin1String(Collection), after.id,
                             isCreate ? QStringLiteral("create") : QStringLiteral("update"),
                             isCreate ? audit::created(snapshot) : audit::diff(old, snapshot));
    });
    if (!done)
        return done.error();
    return after;
}

} // namespace jl::models
