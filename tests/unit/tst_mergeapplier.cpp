// MergeApplier while the merged ranges are still being found on another thread (xlsxreader.cpp):
// rows wait, in order, until the ranges are known and then get their merged values; past the
// cap a push waits for the ranges; an error in finding them reaches the reader.
#include "io/sheet/mergeapplier.h"

#include <QTest>

#include <future>
#include <thread>

using namespace jl::io;
using jl::models::Error;
using jl::models::Status;

class TestMergeApplier final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsWaitForTheRangesThenGetTheirValues();
    void pastTheCapPushWaitsForTheRanges();
    void errorInFindingTheRangesReachesTheReader();
    void searchErrorOfAStoppedReader();

private:
    static SheetRow row(int number, const QString &first, int cells = 1);
};

SheetRow TestMergeApplier::row(int number, const QString &first, int cells)
{
    SheetRow r;
    r.number = number;
    r.cells.resize(cells);
    if (!first.isEmpty())
        r.cells[0] = Cell{CellKind::Text, first, 0, {}, {}};
    return r;
}

void TestMergeApplier::rowsWaitForTheRangesThenGetTheirValues()
{
    std::promise<MergeApplier::Ranges> found;
    QList<SheetRow> seen;
    MergeApplier applier(found.get_future(), [&seen](const SheetRow &r) -> Status {
        seen.append(r);
        return {};
    });
    // A1:A3 merged; row 2 is absent from the file, row 3's own cell is empty.
    SheetRow r1 = row(1, QStringLiteral("站点一"));
    SheetRow r3 = row(3, {});
    QVERIFY(applier.push(r1).ok());
    QVERIFY(applier.push(r3).ok());
    QVERIFY(seen.isEmpty()); // held: the ranges are not known yet
    found.set_value(QList<xlsx::MergedRange>{{1, 0, 3, 0}});
    SheetRow r4 = row(4, QStringLiteral("其他"));
    QVERIFY(applier.push(r4).ok());
    QVERIFY(applier.finish().ok());
    QCOMPARE(seen.size(), 4);
    for (int n = 0; n < 4; ++n)
        QCOMPARE(seen.at(n).number, n + 1);
    QCOMPARE(seen.at(1).at(0).text, QStringLiteral("站点一")); // made up, with the range's value
    QCOMPARE(seen.at(2).at(0).text, QStringLiteral("站点一"));
    QCOMPARE(seen.at(3).at(0).text, QStringLiteral("其他"));
}

void TestMergeApplier::pastTheCapPushWaitsForTheRanges()
{
    std::promise<MergeApplier::Ranges> found;
    int seen = 0;
    MergeApplier applier(found.get_future(), [&seen](const SheetRow &) -> Status {
        ++seen;
        return {};
    });
    // The ranges arrive only once the last push has begun: a push that waits for them
    // delivers the held rows before finish(). (The other thread may also answer just before
    // that push looks, so this can pass without the cap; it cannot fail with it.)
    std::atomic_bool waiting{false};
    std::thread finder([&] {
        while (!waiting.load())
            std::this_thread::yield();
        found.set_value(QList<xlsx::MergedRange>{});
    });
    // Rows of one cell with 1,000 characters: held up to the cap, then one more.
    const QString text(1000, QLatin1Char('x'));
    const int rows = int(MergeApplier::MaxHeldBytes / MergeApplier::heldSize(row(1, text))) + 2;
    for (int n = 1; n <= rows; ++n) {
        SheetRow r = row(n, text);
        if (n == rows)
            waiting = true; // this push finds the cap reached
        QVERIFY(applier.push(r).ok());
    }
    finder.join();
    QCOMPARE(seen, rows); // delivered by the push that waited, before finish()
    QVERIFY(applier.finish().ok());
}

void TestMergeApplier::errorInFindingTheRangesReachesTheReader()
{
    const Error broken{QStringLiteral("损坏"), QStringLiteral("search")};
    {
        std::promise<MergeApplier::Ranges> found;
        MergeApplier applier(found.get_future(), [](const SheetRow &) -> Status { return {}; });
        found.set_value(broken);
        SheetRow r = row(1, QStringLiteral("a"));
        const Status s = applier.push(r);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().detail, QStringLiteral("search"));
    }
    {
        std::promise<MergeApplier::Ranges> found;
        int seen = 0;
        MergeApplier applier(found.get_future(), [&seen](const SheetRow &) -> Status {
            ++seen;
            return {};
        });
        SheetRow r = row(1, QStringLiteral("a"));
        QVERIFY(applier.push(r).ok()); // held
        found.set_value(broken);
        const Status s = applier.finish();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().detail, QStringLiteral("search"));
        QCOMPARE(seen, 0); // nothing held reached the sink
    }
}

void TestMergeApplier::searchErrorOfAStoppedReader()
{
    std::promise<MergeApplier::Ranges> found;
    MergeApplier applier(found.get_future(), [](const SheetRow &) -> Status { return {}; });
    std::thread finder([&found] {
        found.set_value(Error{QStringLiteral("损坏"), QStringLiteral("search")});
    });
    const Status s = applier.searchError(); // waits for the other thread
    finder.join();
    QVERIFY(!s.ok());
    QCOMPARE(s.error().detail, QStringLiteral("search"));
    QVERIFY(applier.searchError().ok()); // taken once

    std::promise<MergeApplier::Ranges> fine;
    MergeApplier other(fine.get_future(), [](const SheetRow &) -> Status { return {}; });
    fine.set_value(QList<xlsx::MergedRange>{});
    QVERIFY(other.searchError().ok());
}

QTEST_GUILESS_MAIN(TestMergeApplier)
#include "tst_mergeapplier.moc"
