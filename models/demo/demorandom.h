#pragma once

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QUuid>

namespace jl::models::demo {

// The one source of randomness of the demo generator: seeded, so the same seed gives the
// same records, ids included, on every machine (QRandomGenerator's engine is portable).
class DemoRandom final {
public:
    explicit DemoRandom(quint32 seed)
        : m_rng(seed)
    {}

    // 0 <= n < bound
    int below(int bound) { return bound > 0 ? int(m_rng.bounded(quint32(bound))) : 0; }
    // low <= n <= high
    int between(int low, int high) { return low + below(high - low + 1); }
    // True with probability percent / 100.
    bool percent(double percent) { return m_rng.bounded(100.0) < percent; }
    template <typename T> const T &pick(const QList<T> &list)
    {
        return list.at(below(int(list.size())));
    }

    // A version-4 UUID from the seeded stream (QUuid::createUuid() would not repeat).
    QString uuid()
    {
        QByteArray bytes(16, Qt::Uninitialized);
        for (int word = 0; word < 4; ++word) {
            const quint32 v = m_rng.generate();
            for (int b = 0; b < 4; ++b)
                bytes[word * 4 + b] = char((v >> (8 * b)) & 0xff);
        }
        bytes[6] = char((bytes.at(6) & 0x0f) | 0x40);
        bytes[8] = char((bytes.at(8) & 0x3f) | 0x80);
        return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }

private:
    QRandomGenerator m_rng;
};

} // namespace jl::models::demo
