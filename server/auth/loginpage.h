#pragma once

#include "server/auth/authorizationrequest.h"
#include "server/messages.h"

#include <QString>

namespace jl::server {

// The HTML login form (政务服务网法人登录 stand-in): 统一社会信用代码 + password, the
// authorization request carried in hidden fields. No script, no external resources.
class LoginPage final {
public:
    static QString form(const AuthorizationRequest &request, Lang lang, const QString &uscc = {},
                        const QString &error = {});
    // When the request itself is broken: say why, offer nothing to submit.
    static QString refusal(Lang lang, const QString &reason);
};

} // namespace jl::server
