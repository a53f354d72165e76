#pragma once

#include "server/core/outcome.h"

#include <QByteArray>
#include <QJsonObject>

namespace jl::server {

class ConnectionPool;

// Publishing reference data (the admin's side of ReferenceData): each input is checked
// whole before anything is stored, and answers a summary of what was stored.
class ReferenceAdmin final {
public:
    explicit ReferenceAdmin(ConnectionPool &pool);

    // [{id?, name, phone, address, divisionCode, scope: [category names]}]; replaces the list.
    // An institution without id keeps a stable one derived from its name.
    Outcome<QJsonObject> loadInstitutions(const QByteArray &json);
    // Calendar JSON (WorkCalendar::fromJson); each published year replaces the stored one.
    Outcome<QJsonObject> publishCalendar(const QByteArray &json);
    // {noticeDays, warningDays}
    Outcome<QJsonObject> setThresholds(const QByteArray &json);
    // {hangzhouPlatformUrl?, maxUploadBytes?}, merged into the current settings.
    Outcome<QJsonObject> setSettings(const QByteArray &json);

private:
    ConnectionPool &m_pool;
};

} // namespace jl::server
