#include "sync/wirecollections.h"

#include "models/domain/instrument.h"

#include <array>

namespace jl::sync {

namespace {

struct Row {
    const char *client;
    const char *wire;
    bool writable;
};

// Client name, wire name, client-writable (server/api/collectionrules.cpp).
constexpr std::array<Row, 5> Table = {{
    {"instrument", "instruments", true},
    {"site", "sites", true},
    {"contact", "contacts", true},
    {"enterprise", "enterprise", false},
    {"verificationRecord", "verificationRecords", false},
}};

const Row *byClient(const QString &name)
{
    for (const Row &r : Table) {
        if (name == QLatin1String(r.client))
            return &r;
    }
    return nullptr;
}

} // namespace

QString WireCollections::toWire(const QString &clientName)
{
    const Row *r = byClient(clientName);
    return r ? QString::fromLatin1(r->wire) : QString();
}

QString WireCollections::fromWire(const QString &wireName)
{
    for (const Row &r : Table) {
        if (wireName == QLatin1String(r.wire))
            return QString::fromLatin1(r.client);
    }
    return wireName;
}

bool WireCollections::isWritable(const QString &clientName)
{
    const Row *r = byClient(clientName);
    return r && r->writable;
}

QStringList WireCollections::writableFields(const QString &clientName)
{
    // The allow-lists of server/api/instrumentrules.cpp, siterules.cpp (its editable part)
    // and contactrules.cpp.
    if (clientName == QLatin1String("instrument")) {
        static const QStringList fields = models::instrumentFields() << QStringLiteral("lifecycle")
                                                                     << QStringLiteral("removedAt");
        return fields;
    }
    if (clientName == QLatin1String("site")) {
        static const QStringList fields = {QStringLiteral("kind"), QStringLiteral("stationCode"),
                                           QStringLiteral("name"), QStringLiteral("divisionCode"),
                                           QStringLiteral("address")};
        return fields;
    }
    if (clientName == QLatin1String("contact")) {
        static const QStringList fields = {QStringLiteral("name"),     QStringLiteral("phone"),
                                           QStringLiteral("province"), QStringLiteral("city"),
                                           QStringLiteral("district"), QStringLiteral("street"),
                                           QStringLiteral("address"),  QStringLiteral("isLiaison")};
        return fields;
    }
    return {};
}

QJsonObject WireCollections::outgoingPayload(const QString &clientName, const QJsonObject &record)
{
    const QStringList allowed = writableFields(clientName);
    QJsonObject out;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (allowed.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace jl::sync
