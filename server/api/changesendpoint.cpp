#include "server/api/changesendpoint.h"

#include "server/api/cursor.h"
#include "server/api/recordendpoints.h"
#include "server/core/serverstate.h"
#include "server/core/settings.h"
#include "server/storage/connectionpool.h"
#include "server/storage/recordstore.h"

#include <QJsonArray>

namespace jl::server {

void ChangesEndpoint::addRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/changes"), Access::Enterprise,
               [this](const Request &r, const Principal &p) { return changes(r, p); });
}

Response ChangesEndpoint::changes(const Request &request, const Principal &who)
{
    const Lang lang = request.lang();
    const auto limit = RecordEndpoints::pageSize(request, m_services.settings.pageSizeDefault,
                                                 m_services.settings.pageSizeMax);
    if (!limit)
        return Response::problem(ApiError::make(400, Msg::InvalidQuery, {QStringLiteral("limit")}),
                                 lang);
    auto db = m_services.db.local();
    if (!db)
        return Response::problem(db.error(), lang);
    auto state = m_services.state.get(**db);
    if (!state)
        return Response::problem(state.error(), lang);
    auto gone = [&] {
        return Response::problem(
            ApiError::make(410, Msg::CursorGone).with(QStringLiteral("epoch"), state->epoch), lang);
    };

    qint64 after = 0;
    const QString text = request.queryValue(QStringLiteral("cursor"));
    if (!text.isEmpty()) {
        auto cursor = Cursor::decode(text, state->cursorSecret);
        if (!cursor)
            return Response::problem(cursor.error(), lang);
        // Another enterprise's cursor: as if it did not exist.
        if (cursor->enterpriseId != who.enterpriseId)
            return Response::problem(ApiError::make(404, Msg::NotFound), lang);
        if (cursor->epoch != state->epoch)
            return gone();
        auto horizon = (*db)->run(
            QStringLiteral("SELECT horizon FROM enterprise_counters WHERE enterprise_id = ?"),
            {who.enterpriseId});
        if (!horizon)
            return Response::problem(horizon.error(), lang);
        if (!horizon->isEmpty() && cursor->seq < horizon->value(0, 0).toLongLong())
            return gone();
        after = cursor->seq;
    }

    auto rows = (*db)->run(QStringLiteral("SELECT ") + QLatin1String(RecordColumns) +
                               QStringLiteral(" FROM records WHERE enterprise_id = ? AND seq > ? "
                                              "ORDER BY seq LIMIT ?"),
                           {who.enterpriseId, after, *limit + 1});
    if (!rows)
        return Response::problem(rows.error(), lang);
    QJsonArray changes;
    qint64 last = after;
    for (qsizetype i = 0; i < rows->size() && i < *limit; ++i) {
        const StoredRecord r = recordFromRow(rows->at(i));
        changes.append(r.toWire());
        last = r.seq;
    }
    const Cursor next{who.enterpriseId, state->epoch, last};
    return Response::json(200, {{QStringLiteral("changes"), changes},
                                {QStringLiteral("cursor"), next.encode(state->cursorSecret)},
                                {QStringLiteral("hasMore"), rows->size() > *limit},
                                {QStringLiteral("epoch"), state->epoch}});
}

} // namespace jl::server
