#pragma once

// A local database in a temporary folder with instruments as sync would leave them: synced
// at a server revision, changed locally, or in conflict with the server (rows the sync engine
// writes, made here by hand). Shared by the tests of the outbox and conflict operations.
#include "models/store/database.h"
#include "models/store/instrumentstore.h"
#include "models/store/localcollection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace jl::test {

class SyncStateFixture final {
public:
    bool open()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = models::Database::open(m_dir->filePath(QStringLiteral("local.db")));
        if (!db) {
            qWarning() << db.error().message;
            return false;
        }
        m_db = std::move(db).value();
        m_store = std::make_unique<models::InstrumentStore>(*m_db, QStringLiteral("测试员"));
        m_collections = models::LocalCollections::builtIn();
        return true;
    }

    models::Database &db() const { return *m_db; }
    models::InstrumentStore &store() const { return *m_store; }
    const models::LocalCollections &collections() const { return *m_collections; }

    // A new instrument, queued as a create.
    models::Instrument create(const QString &serial,
                              const QString &name = QStringLiteral("燃油加油机"))
    {
        models::Instrument i;
        i.serialNo = serial;
        i.name = name;
        i.model = QStringLiteral("CS46");
        auto created = m_store->create(i);
        if (!created)
            qWarning() << created.error().message;
        return created ? created.value() : models::Instrument{};
    }

    // A new instrument the server acknowledged at `rev`: nothing queued.
    models::Instrument synced(const QString &serial, qint64 rev,
                              const QString &name = QStringLiteral("燃油加油机"))
    {
        models::Instrument i = create(serial, name);
        exec(QStringLiteral("UPDATE instrument SET rev = ? WHERE id = ?"), {rev, i.id});
        exec(QStringLiteral("DELETE FROM outbox WHERE record_id = ?"), {i.id});
        i.rev = rev;
        return i;
    }

    // What the engine leaves on a 412 it could not merge: the record's entries marked
    // 'conflict', the local record holding the server's values, and one conflict row.
    qint64 conflict(const QString &recordId, const QStringList &fields, const QJsonObject &mine,
                    const QJsonObject &theirs, const QJsonObject &base, qint64 serverRev,
                    bool serverDeleted = false, bool localDeleted = false)
    {
        exec(QStringLiteral("UPDATE outbox SET state = 'conflict' WHERE record_id = ?"),
             {recordId});
        exec(QStringLiteral("INSERT INTO conflict (collection, record_id, fields, mine, theirs, "
                            "base, server_rev, server_deleted, local_deleted, created_at) "
                            "VALUES ('instrument', ?, ?, ?, ?, ?, ?, ?, ?, "
                            "'2026-11-27T08:00:00.000Z')"),
             {recordId, json(QJsonArray::fromStringList(fields)), json(mine), json(theirs),
              json(base), serverRev, serverDeleted ? 1 : 0, localDeleted ? 1 : 0});
        return scalar(QStringLiteral("SELECT MAX(id) FROM conflict")).toLongLong();
    }

    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        auto q = m_db->exec(QStringLiteral("test"), sql, binds);
        return q && q.value().next() ? q.value().value(0) : QVariant();
    }

    int count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table).toInt();
    }

    bool exec(const QString &sql, const QVariantList &binds = {}) const
    {
        auto q = m_db->exec(QStringLiteral("test"), sql, binds);
        if (!q)
            qWarning() << q.error().message << q.error().detail;
        return q.ok();
    }

    // Every table the operations touch, as text, to prove a failed one changed nothing.
    QString snapshot() const
    {
        QString text;
        for (const char *sql :
             {"SELECT * FROM instrument ORDER BY id", "SELECT * FROM outbox ORDER BY seq",
              "SELECT * FROM audit ORDER BY id", "SELECT * FROM conflict ORDER BY id"}) {
            auto q = m_db->exec(QStringLiteral("test"), QLatin1String(sql));
            if (!q)
                return QStringLiteral("error");
            while (q.value().next()) {
                for (int c = 0; c < q.value().record().count(); ++c)
                    text += q.value().value(c).toString() + QLatin1Char('|');
                text += QLatin1Char('\n');
            }
        }
        return text;
    }

    static QString json(const QJsonObject &o)
    {
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    static QString json(const QJsonArray &a)
    {
        return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<models::Database> m_db;
    std::unique_ptr<models::InstrumentStore> m_store;
    std::unique_ptr<models::LocalCollections> m_collections;
};

} // namespace jl::test
