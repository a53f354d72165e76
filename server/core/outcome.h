#pragma once

#include "server/core/apierror.h"

#include <optional>
#include <utility>

namespace jl::server {

// A value or an ApiError: the server's counterpart of models::Result, whose errors carry an
// HTTP status besides the message.
template <typename T> class [[nodiscard]] Outcome {
public:
    Outcome(T value)
        : m_value(std::move(value))
    {}
    Outcome(ApiError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

template <> class [[nodiscard]] Outcome<void> {
public:
    Outcome() = default;
    Outcome(ApiError error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const ApiError &error() const { return m_error; }

private:
    ApiError m_error;
    bool m_ok = true;
};

using Done = Outcome<void>;

} // namespace jl::server
