#pragma once

#include "server/core/outcome.h"

#include <QByteArray>
#include <QJsonObject>

namespace jl::server {

class ConnectionPool;
struct Settings;

// The institutions' side: verification records arriving for enterprises (domain.md §3),
// `[{uscc, certificateNo, serialNo, instrumentName, model, institution, verifiedAt, result,
// validUntil, certificate?}]` (`certificate`: the SHA-256 of a file already in the
// enterprise's file store, see FileAdmin). Everything is checked before anything is stored; each
// record is matched to the enterprise's active instrument with its serial number, or stays
// unmatched until one appears. A record uploaded again (same enterprise and certificate number)
// replaces the earlier one.
class VerificationUpload final {
public:
    static Outcome<QJsonObject> upload(ConnectionPool &pool, const Settings &settings,
                                       const QByteArray &json);
};

} // namespace jl::server
