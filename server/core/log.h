#pragma once

#include <QLoggingCategory>

namespace jl::server {

// One category for the server, one for requests, so an operator can turn on request
// logging alone (QT_LOGGING_RULES="jl.server.http.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace jl::server
