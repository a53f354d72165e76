// One running program per user and data folder: a second start finds the first, asks it to
// come forward, and the lock is free again once the first has gone.
#include "app/singleinstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using jl::app::SingleInstance;

class TestSingleInstance final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secondStartActivatesTheFirst();
    void otherDataFoldersRunSideBySide();
};

void TestSingleInstance::secondStartActivatesTheFirst()
{
    QTemporaryDir dir;
    auto first = std::make_unique<SingleInstance>(dir.path());
    QVERIFY(first->acquire());
    QSignalSpy activated(first.get(), &SingleInstance::activationRequested);

    SingleInstance second(dir.path());
    QVERIFY(!second.acquire());
    QVERIFY(second.activateRunning());
    QTRY_COMPARE(activated.count(), 1);

    first.reset();
    SingleInstance third(dir.path());
    QVERIFY(third.acquire());
}

void TestSingleInstance::otherDataFoldersRunSideBySide()
{
    QTemporaryDir a;
    QTemporaryDir b;
    SingleInstance first(a.path());
    SingleInstance demo(b.path());
    QVERIFY(first.acquire());
    QVERIFY(demo.acquire());
    QVERIFY(first.serverName() != demo.serverName());
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
