#pragma once

#include "sync/tokenprovider.h"

namespace jl::sync {

// A bearer token given from outside (the `jiliang sync` command's JILIANG_ACCESS_TOKEN, tests,
// scripts). It cannot be refreshed: a 401 means logging in again.
class FixedTokenProvider final : public TokenProvider {
public:
    explicit FixedTokenProvider(QString token)
        : m_token(std::move(token))
    {}
    QString accessToken() const override { return m_token; }
    Refresh refresh() override { return Refresh::LoginRequired; }

private:
    QString m_token;
};

} // namespace jl::sync
