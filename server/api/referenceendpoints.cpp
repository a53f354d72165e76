#include "server/api/referenceendpoints.h"

#include "server/api/referencedata.h"
#include "server/auth/secrets.h"
#include "server/storage/connectionpool.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jl::server {

void ReferenceEndpoints::addRoutes(Router &router)
{
    for (const char *name :
         {ReferenceData::Institutions, ReferenceData::Categories, ReferenceData::Calendar,
          ReferenceData::Thresholds, ReferenceData::Settings}) {
        const QString n = QLatin1String(name);
        router.add("GET", QStringLiteral("/api/v1/reference/") + n, Access::Public,
                   [this, n](const Request &r, const Principal &) { return serve(r, n); });
    }
}

Response ReferenceEndpoints::serve(const Request &request, const QString &name)
{
    const Lang lang = request.lang();
    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    auto doc = ReferenceData::read(**db, name);
    if (!doc)
        return Response::problem(doc.error(), lang);
    // Lists come wrapped, so that every answer is an object a later version can extend.
    const QJsonObject body = doc->value.isArray()
                                 ? QJsonObject{{QStringLiteral("items"), doc->value.toArray()}}
                                 : doc->value.toObject();
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray etag = '"' + secrets::sha256Hex(bytes).left(32).toLatin1() + '"';
    if (request.header("if-none-match") == etag)
        return Response::empty(304).withHeader("ETag", etag);
    return Response::bytes(200, QByteArrayLiteral("application/json"), bytes)
        .withHeader("ETag", etag)
        .withHeader("Cache-Control", "no-cache");
}

} // namespace jl::server
