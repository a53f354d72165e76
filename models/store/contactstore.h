#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace jl::models {

class Database;

// A contact of the enterprise (domain.md §8 企业信息维护); the liaison (isLiaison) is the one
// asked for after login. Division codes and address are optional here.
struct Contact {
    QString id;
    qint64 rev = 0;
    QString name;
    QString phone;
    QString province;
    QString city;
    QString district;
    QString street;
    QString address;
    bool isLiaison = false;

    // The wire shape (collection "contact"), as the outbox carries it.
    QJsonObject toJson() const;
};

// Reads and writes the local contact table. A write stores the record, one outbox entry
// (collection "contact") and one audit entry in one transaction, like InstrumentStore.
class ContactStore final {
    Q_DECLARE_TR_FUNCTIONS(ContactStore)

public:
    static constexpr char Collection[] = "contact";

    ContactStore(Database &db, QString actor);

    // The enterprise's liaison, if it has one.
    Result<std::optional<Contact>> liaison() const;
    // Sets the liaison's name and phone: updates the liaison when there is one, else creates
    // it. Validates (name required, phone by isValidPhone). Returns the stored record.
    Result<Contact> saveLiaison(const QString &name, const QString &phone);

private:
    Database &m_db;
    QString m_actor;
};

} // namespace jl::models
