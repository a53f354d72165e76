#include "models/store/instrumentbulkload.h"

#include "models/store/database.h"

#include <QSqlQuery>

namespace jl::models {

namespace {
// What drop() drops (the header says why these).
const QStringList Rebuilt{QStringLiteral("instrument_lifecycle_serial")};
} // namespace

InstrumentBulkLoad::InstrumentBulkLoad(Database &db)
    : m_db(db)
{}

Status InstrumentBulkLoad::begin()
{
    auto q = m_db.exec(QStringLiteral("store.instrument.read"),
                       QStringLiteral("SELECT count(*) FROM instrument"));
    if (!q)
        return q.error();
    m_existing = q.value().next() ? q.value().value(0).toLongLong() : 0;
    m_created = 0;
    m_dropped.clear();
    return {};
}

Status InstrumentBulkLoad::willCreate(qsizetype count)
{
    m_created += count;
    if (indexesDropped() || m_created < std::max(m_existing, MinCreated))
        return {};
    return drop();
}

Status InstrumentBulkLoad::drop()
{
    // Each index's statement as the schema holds it, so that finish() builds it as it was; one
    // a migration removed is skipped.
    QStringList names;
    QStringList statements;
    for (const QString &name : Rebuilt) {
        auto q = m_db.exec(QStringLiteral("store.index.drop"),
                           QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                          "AND tbl_name = 'instrument' AND name = ? "
                                          "AND sql IS NOT NULL"),
                           QVariantList{name});
        if (!q)
            return q.error();
        if (q.value().next()) {
            names.append(name);
            statements.append(q.value().value(0).toString());
        }
        q.value().finish();
    }
    for (const QString &name : std::as_const(names)) {
        // Our own names; quoted as identifiers all the same.
        QString quoted = name;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        auto d = m_db.exec(QStringLiteral("store.index.drop"),
                           QStringLiteral("DROP INDEX \"%1\"").arg(quoted));
        if (!d)
            return d.error();
    }
    m_dropped = statements;
    return {};
}

Status InstrumentBulkLoad::finish()
{
    for (const QString &statement : std::as_const(m_dropped)) {
        auto c = m_db.exec(QStringLiteral("store.index.create"), statement);
        if (!c)
            return c.error();
    }
    m_dropped.clear();
    return {};
}

} // namespace jl::models
