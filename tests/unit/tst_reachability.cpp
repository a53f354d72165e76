// Reachability sources (sync.md "Network"): switched by hand, learned from requests, or the
// operating system's; each says online/offline and signals only a change.
#include "sync/manualreachability.h"
#include "sync/requestreachability.h"
#include "sync/systemreachability.h"

#include <QNetworkInformation>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace jl::sync;

class TestReachability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void manual();
    void fromRequests();
    void reportedFromAnotherThread();
    void system();
};

void TestReachability::manual()
{
    ManualReachability r(false);
    QSignalSpy spy(&r, &Reachability::onlineChanged);
    QVERIFY(!r.isOnline());
    r.setOnline(false);
    QCOMPARE(spy.size(), 0);
    r.setOnline(true);
    r.setOnline(true);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toBool(), true);
    QVERIFY(r.isOnline());
}

void TestReachability::fromRequests()
{
    RequestReachability r;
    QSignalSpy spy(&r, &Reachability::onlineChanged);
    QVERIFY(r.isOnline());
    r.report(true);
    QCOMPARE(spy.size(), 0);
    r.report(false);
    r.report(false);
    QVERIFY(!r.isOnline());
    r.report(true);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(0).at(0).toBool(), false);
    QCOMPARE(spy.at(1).at(0).toBool(), true);
}

void TestReachability::reportedFromAnotherThread()
{
    // The engine reports from its thread; the status bar listens on the UI thread.
    RequestReachability r;
    QSignalSpy spy(&r, &Reachability::onlineChanged);
    std::thread engine([&r] { r.report(false); });
    engine.join();
    QVERIFY(!r.isOnline());
    QTRY_COMPARE(spy.size(), 1);
}

void TestReachability::system()
{
    auto r = SystemReachability::create();
    if (!r)
        QSKIP("no QNetworkInformation backend here (RequestReachability serves instead)");
    QCOMPARE(r->isOnline(), QNetworkInformation::instance()->reachability() !=
                                QNetworkInformation::Reachability::Disconnected);
}

QTEST_GUILESS_MAIN(TestReachability)
#include "tst_reachability.moc"
