#pragma once

#include "server/core/outcome.h"

#include <QJsonValue>
#include <QString>

namespace jl::server {

class SqlConnection;

// Reference data shared by every enterprise (domain.md §7): what the admin published, else
// the defaults bundled with models/ (the category catalogue, the calendar, the thresholds of
// §5.1). Stored as one JSON document per name in reference_data.
class ReferenceData final {
public:
    static constexpr auto Institutions = "institutions";
    static constexpr auto Categories = "categories";
    static constexpr auto Calendar = "calendar";
    static constexpr auto Thresholds = "thresholds";
    static constexpr auto Settings = "settings";

    static bool isKnown(const QString &name);
    // The document and when it last changed (0: the bundled default).
    struct Document {
        QJsonValue value;
        qint64 updatedAtMs = 0;
    };
    static Outcome<Document> read(SqlConnection &db, const QString &name);
    static Done write(SqlConnection &db, const QString &name, const QJsonValue &value);
    static QJsonValue defaultValue(const QString &name);
};

} // namespace jl::server
