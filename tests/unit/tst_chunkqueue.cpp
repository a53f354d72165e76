// The queue between the import's reading and storing threads: order kept, the producer held at
// capacity, abort and close seen by both sides, and items given back destroyed on the
// producer's thread (the one that allocated them).
#include "io/import/chunkqueue.h"

#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using jl::io::ChunkQueue;

namespace {

// Records the thread that destroys it.
struct Tracked {
    int value = 0;
    std::shared_ptr<std::vector<std::thread::id>> destroyedOn;

    Tracked(int v, std::shared_ptr<std::vector<std::thread::id>> log)
        : value(v)
        , destroyedOn(std::move(log))
    {}
    Tracked(Tracked &&other) noexcept
        : value(other.value)
        , destroyedOn(std::move(other.destroyedOn))
    {}
    Tracked &operator=(Tracked &&other) noexcept
    {
        value = other.value;
        destroyedOn = std::move(other.destroyedOn);
        return *this;
    }
    ~Tracked()
    {
        if (destroyedOn)
            destroyedOn->push_back(std::this_thread::get_id());
    }
};

} // namespace

class TestChunkQueue final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsOrderAndDrainsAfterClose();
    void producerWaitsAtCapacity();
    void abortStopsBothSides();
    void givenBackItemsDieOnTheProducersThread();
};

void TestChunkQueue::keepsOrderAndDrainsAfterClose()
{
    ChunkQueue<int> q(4);
    for (int n = 0; n < 3; ++n)
        QVERIFY(q.push(n));
    q.close();
    for (int n = 0; n < 3; ++n)
        QCOMPARE(q.pop(), std::optional<int>(n));
    QCOMPARE(q.pop(), std::optional<int>());
}

void TestChunkQueue::producerWaitsAtCapacity()
{
    ChunkQueue<int> q(2);
    std::atomic_int pushed{0};
    std::thread producer([&] {
        for (int n = 0; n < 5; ++n) {
            q.push(n);
            ++pushed;
        }
        q.close();
    });
    // Without a consumer the producer stops after two.
    QTRY_COMPARE(pushed.load(), 2);
    QTest::qWait(50);
    QCOMPARE(pushed.load(), 2);
    std::vector<int> got;
    while (auto v = q.pop())
        got.push_back(*v);
    producer.join();
    QCOMPARE(got, (std::vector<int>{0, 1, 2, 3, 4}));
}

void TestChunkQueue::abortStopsBothSides()
{
    ChunkQueue<int> q(1);
    QVERIFY(q.push(1));
    std::atomic_bool refused{false};
    std::thread producer([&] { refused = !q.push(2); }); // waits: the queue is full
    q.abort();
    producer.join();
    QVERIFY(refused.load());
    QCOMPARE(q.pop(), std::optional<int>()); // what was queued is dropped
}

void TestChunkQueue::givenBackItemsDieOnTheProducersThread()
{
    auto log = std::make_shared<std::vector<std::thread::id>>();
    ChunkQueue<Tracked> q(2);
    std::thread::id producerId;
    std::thread producer([&] {
        producerId = std::this_thread::get_id();
        for (int n = 0; n < 6; ++n)
            q.push(Tracked(n, log));
        q.close();
    });
    int count = 0;
    while (auto item = q.pop()) {
        QCOMPARE(item->value, count++);
        q.giveBack(std::move(*item));
    }
    producer.join();
    QCOMPARE(count, 6);
    // Every item given back before the producer's last push died on the producer's thread;
    // the few given back after it die with the queue.
    const auto onProducer = std::count(log->cbegin(), log->cend(), producerId);
    QVERIFY2(onProducer >= 3, qPrintable(QString::number(onProducer)));
}

QTEST_GUILESS_MAIN(TestChunkQueue)
#include "tst_chunkqueue.moc"
