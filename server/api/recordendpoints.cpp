#include "server/api/recordendpoints.h"

#include "server/api/collectionrules.h"
#include "server/api/writerunner.h"
#include "server/core/settings.h"
#include "server/storage/connectionpool.h"
#include "server/storage/recordstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace jl::server {

std::optional<int> RecordEndpoints::pageSize(const Request &request, int defaultSize, int maxSize)
{
    const QString text = request.queryValue(QStringLiteral("limit"));
    if (text.isEmpty())
        return defaultSize;
    bool ok = false;
    const qlonglong n = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return int(std::clamp<qlonglong>(n, 1, maxSize));
}

bool RecordEndpoints::isUuid(const QString &id)
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(id).hasMatch();
}

void RecordEndpoints::addRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/enterprise"), Access::Enterprise,
               [this](const Request &r, const Principal &p) {
                   return getOne(r, p, QStringLiteral("enterprise"), p.enterpriseId);
               });
    for (const CollectionRules *c : Collections::all()) {
        const QString name = c->name();
        if (name == QLatin1String("enterprise"))
            continue;
        const QString base = QStringLiteral("/api/v1/") + name;
        const QString one = base + QStringLiteral("/{id}");
        router.add("GET", base, Access::Enterprise,
                   [this, name](const Request &r, const Principal &p) { return list(r, p, name); });
        router.add("GET", one, Access::Enterprise,
                   [this, name](const Request &r, const Principal &p) {
                       return getOne(r, p, name, r.arg(QStringLiteral("id")));
                   });
        if (!c->clientWritable())
            continue;
        router.add("PUT", one, Access::Enterprise,
                   [this, name](const Request &r, const Principal &p) {
                       return write(r, p, name, int(WriteOp::Kind::Upsert));
                   });
        router.add("DELETE", one, Access::Enterprise,
                   [this, name](const Request &r, const Principal &p) {
                       return write(r, p, name, int(WriteOp::Kind::Delete));
                   });
        const QStringList commands = c->commands();
        for (const QString &command : commands) {
            router.add("POST", one + QLatin1Char('/') + command, Access::Enterprise,
                       [this, name, command](const Request &r, const Principal &p) {
                           return write(r, p, name, int(WriteOp::Kind::Command), command);
                       });
        }
    }
}

Response RecordEndpoints::list(const Request &request, const Principal &who,
                               const QString &collection)
{
    const Lang lang = request.lang();
    const auto limit =
        pageSize(request, m_services.settings.pageSizeDefault, m_services.settings.pageSizeMax);
    if (!limit)
        return Response::problem(ApiError::make(400, Msg::InvalidQuery, {QStringLiteral("limit")}),
                                 lang);
    const QString after = request.queryValue(QStringLiteral("after"));
    QString sql = QStringLiteral("SELECT ") + QLatin1String(RecordColumns) +
                  QStringLiteral(" FROM records WHERE enterprise_id = ? AND collection = ") +
                  collectionLiteral(collection) + QStringLiteral(" AND deleted = 0 AND id > ?");
    QVariantList binds{who.enterpriseId, after};
    // The unmatched verification records (未匹配检定记录) are a list of their own.
    if (collection == QLatin1String("verificationRecords") &&
        request.queryValue(QStringLiteral("unmatched")) == QLatin1String("true"))
        sql += QStringLiteral(" AND flag = 1");
    sql += QStringLiteral(" ORDER BY id LIMIT ?");
    binds.append(*limit + 1);
    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    auto rows = (*db)->run(sql, binds);
    if (!rows)
        return Response::problem(rows.error(), lang);
    QJsonArray items;
    QString last;
    const bool hasMore = rows->size() > *limit;
    for (qsizetype i = 0; i < rows->size() && i < *limit; ++i) {
        const StoredRecord r = recordFromRow(rows->at(i));
        items.append(r.toWire());
        last = r.id;
    }
    return Response::json(200, {{QStringLiteral("items"), items},
                                {QStringLiteral("hasMore"), hasMore},
                                {QStringLiteral("nextAfter"), hasMore ? last : QString()}});
}

Response RecordEndpoints::getOne(const Request &request, const Principal &who,
                                 const QString &collection, const QString &id)
{
    const Lang lang = request.lang();
    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    auto rows = (*db)->run(QStringLiteral("SELECT ") + QLatin1String(RecordColumns) +
                               QStringLiteral(" FROM records WHERE enterprise_id = ? AND "
                                              "collection = ") +
                               collectionLiteral(collection) + QStringLiteral(" AND id = ?"),
                           {who.enterpriseId, id});
    if (!rows)
        return Response::problem(rows.error(), lang);
    if (rows->isEmpty())
        return Response::problem(ApiError::make(404, Msg::NotFound), lang);
    const StoredRecord r = recordFromRow(rows->at(0));
    // A tombstone answers 200 with deleted: true, so a client can tell "deleted" from "never
    // was" (both reveal nothing outside the enterprise).
    return Response::json(200, r.toWire()).withHeader("ETag", r.etag());
}

Response RecordEndpoints::write(const Request &request, const Principal &who,
                                const QString &collection, int kind, const QString &command)
{
    const Lang lang = request.lang();
    WriteOp op;
    op.kind = WriteOp::Kind(kind);
    op.collection = collection;
    op.id = request.arg(QStringLiteral("id"));
    op.command = command;
    op.baseRev = WriteRunner::ifMatch(request);
    if (!isUuid(op.id))
        return Response::problem(ApiError::make(400, Msg::InvalidId, {op.id}), lang);
    if (op.kind != WriteOp::Kind::Delete && !request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return Response::problem(ApiError::make(400, Msg::BadJson), lang);
        op.payload = doc.object();
    } else if (op.kind == WriteOp::Kind::Upsert) {
        return Response::problem(ApiError::make(400, Msg::BadJson), lang);
    }
    const QJsonValue bodyId = op.payload.value(QStringLiteral("id"));
    if (!bodyId.isUndefined() && bodyId.toString() != op.id)
        return Response::problem(ApiError::make(422, Msg::Validation,
                                                {QStringLiteral("The id in the body differs from "
                                                                "the one in the address.")}),
                                 lang);
    return WriteRunner::run(m_services, who, request, op);
}

} // namespace jl::server
