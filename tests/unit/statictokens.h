#pragma once

// A TokenProvider for tests: a fixed token, and refresh answers taken from a list (the real
// one, with the keychain and /oauth/token, is the login code's).

#include "sync/tokenprovider.h"

#include <QList>

namespace jl::synctest {

class StaticTokens final : public jl::sync::TokenProvider {
public:
    explicit StaticTokens(QString token = QStringLiteral("token-1"))
        : m_token(std::move(token))
    {}

    QString accessToken() const override { return m_token; }
    Refresh refresh() override
    {
        ++refreshes;
        const Refresh r = answers.isEmpty() ? Refresh::LoginRequired : answers.takeFirst();
        if (r == Refresh::Refreshed)
            m_token = nextToken;
        return r;
    }
    void setToken(const QString &token) { m_token = token; }

    QList<Refresh> answers;
    QString nextToken = QStringLiteral("token-2");
    int refreshes = 0;

private:
    QString m_token;
};

} // namespace jl::synctest
