#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace jl::models {

// An error a user can act on: what happened and what to do next, already translated.
struct Error {
    QString message;
    QString detail; // technical detail for the log, never shown alone
};

// A value or an Error (std::expected is C++23; this is the small part we need).
// The error type is a parameter so that the server can carry an HTTP status in its errors
// (server::Outcome) with the same semantics.
template <typename T, typename E = Error> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(E error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value from a temporary, so `for (x : f().value())` does not dangle.
    T value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const E &error() const { return m_error; }

private:
    std::optional<T> m_value;
    E m_error;
};

template <typename E> class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    Result(E error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const E &error() const { return m_error; }

private:
    E m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace jl::models
