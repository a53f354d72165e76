#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace jl::io {

// A bounded queue between the thread that reads and checks a file and the thread that
// stores it: the reader waits when `capacity` chunks are waiting, so memory stays flat
// whatever the file's size. Either side may stop the other: close() ends the input (the
// consumer drains what is left), abort() drops it (the producer's next push fails).
template <typename T> class ChunkQueue final {
public:
    explicit ChunkQueue(std::size_t capacity)
        : m_capacity(capacity)
    {}

    // False when the consumer aborted: the producer should stop. Items the consumer gave back
    // are destroyed here, on the producer's thread, after the lock is released.
    bool push(T item)
    {
        std::deque<T> spent;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_aborted || m_items.size() < m_capacity; });
            if (m_aborted)
                return false;
            m_items.push_back(std::move(item));
            spent.swap(m_spent);
            m_changed.notify_all();
        }
        return true;
    }

    // The consumer hands back an item it is done with, for the producer to destroy: its memory
    // was allocated on the producer's thread, and freeing it there keeps the allocator's
    // per-thread arenas apart (freeing it here made both threads contend for one arena lock).
    void giveBack(T item)
    {
        std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(item));
    }

    // The next item, or nothing once the producer closed and everything was taken.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_closed || m_aborted || !m_items.empty(); });
        if (m_aborted || m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

    void abort()
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_items.clear();
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    std::deque<T> m_spent; // given back, not yet destroyed
    std::size_t m_capacity;
    bool m_closed = false;
    bool m_aborted = false;
};

} // namespace jl::io
