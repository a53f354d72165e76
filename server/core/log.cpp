#include "server/core/log.h"

namespace jl::server {

Q_LOGGING_CATEGORY(lcServer, "jl.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "jl.server.http", QtInfoMsg)

} // namespace jl::server
