#pragma once

#include "models/common/result.h"
#include "server/core/apierror.h"

namespace jl::server {

// A value or an ApiError: models::Result with errors that carry an HTTP status besides the
// message.
template <typename T> using Outcome = models::Result<T, ApiError>;

using Done = Outcome<void>;

} // namespace jl::server
