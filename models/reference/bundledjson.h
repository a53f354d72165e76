#pragma once

#include "models/common/logging.h"
#include "models/common/result.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace jl::models {

// Reads reference data shipped inside the program (":/reference/…") with T::fromJson. The
// program's own data missing or broken is a packaging fault: logged, and an empty T.
template <typename T> T loadBundled(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcModels) << "bundled reference data missing:" << resource << file.errorString();
        return T{};
    }
    Result<T> parsed = T::fromJson(file.readAll());
    if (!parsed) {
        qCCritical(lcModels) << "bundled reference data unreadable:" << resource
                             << parsed.error().detail;
        return T{};
    }
    return std::move(parsed).value();
}

// The root object of reference JSON, which must hold an object or array named `key`; on
// failure the Error's detail says where (its message is left to the caller).
inline Result<QJsonObject> referenceRoot(const QByteArray &json, const QString &key)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{{},
                     QStringLiteral("JSON error at offset %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString())};
    const QJsonValue value = doc.object().value(key);
    if (!doc.isObject() || !(value.isObject() || value.isArray()))
        return Error{{}, QStringLiteral("expected an object with \"%1\"").arg(key)};
    return doc.object();
}

} // namespace jl::models
