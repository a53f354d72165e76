#pragma once

#include "models/common/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace jl::models {

class Database;

// A record as its local table holds it, in the wire shape of its collection.
struct LocalRecord {
    QJsonObject data; // wire names, as in the outbox payload
    qint64 rev = 0;
    bool deleted = false; // a tombstone
};

// What conflict resolution and the outbox screen need from one collection's local table,
// whatever the table looks like. A collection that gets a table (appointments, contacts…)
// adds one implementation and registers it in LocalCollections; the conflict and outbox
// code do not change. Implementations are stateless: the database comes with every call,
// and writes join the caller's transaction.
class LocalCollection {
public:
    LocalCollection() = default;
    virtual ~LocalCollection();
    Q_DISABLE_COPY_MOVE(LocalCollection)

    virtual QString name() const = 0;  // the wire name ("instrument")
    virtual QString title() const = 0; // translated (计量器具)
    // The fields a person compares, in form order.
    virtual QStringList fields() const = 0;
    virtual QString fieldLabel(const QString &field) const = 0;
    // A value as the user reads it (enumerations translated); plain text by default.
    virtual QString displayValue(const QString &field, const QJsonValue &value) const;
    // One line naming the record (serial and name).
    virtual QString describe(const QJsonObject &data) const = 0;

    // Tombstones included; nullopt when the table has no row with this id.
    virtual Result<std::optional<LocalRecord>> read(Database &db, const QString &id) const = 0;
    virtual Status write(Database &db, const QString &id, const LocalRecord &record) const = 0;
    // Removes the row itself: for a create the server never saw.
    virtual Status erase(Database &db, const QString &id) const = 0;
};

// The collections this client keeps in tables of their own.
class LocalCollections final {
public:
    LocalCollections() = default;
    ~LocalCollections();
    Q_DISABLE_COPY_MOVE(LocalCollections)

    // The collections that have a table today (instrument).
    static std::unique_ptr<LocalCollections> builtIn();

    void add(std::unique_ptr<LocalCollection> collection);
    const LocalCollection *find(const QString &name) const;
    // The translated title, or the wire name for a collection without a table here.
    QString title(const QString &name) const;

private:
    std::vector<std::unique_ptr<LocalCollection>> m_collections;
};

} // namespace jl::models
