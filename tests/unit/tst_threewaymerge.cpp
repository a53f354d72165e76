#include "sync/threewaymerge.h"

#include <QTest>

using jl::sync::MergeInput;
using jl::sync::MergeOutcome;
using jl::sync::threeWayMerge;

namespace {

QJsonObject record(const QString &name, const QString &model, const QString &remarks = {})
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("r1")},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("remarks"), remarks}};
}

} // namespace

class TestThreeWayMerge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void differentFieldsMergeSilently()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")), // base
                      record(QStringLiteral("a"), QStringLiteral("mine")), false,
                      record(QStringLiteral("theirs"), QStringLiteral("m")), false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Clean);
        QCOMPARE(out.merged.value(u"name").toString(), QStringLiteral("theirs"));
        QCOMPARE(out.merged.value(u"model").toString(), QStringLiteral("mine"));
        QVERIFY(out.needsPush);
        QVERIFY(!out.deleted);
    }

    void serverOnlyChangeNeedsNoPush()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")),
                      record(QStringLiteral("a"), QStringLiteral("m")), false,
                      record(QStringLiteral("b"), QStringLiteral("m")), false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Clean);
        QVERIFY(!out.needsPush);
        QCOMPARE(out.merged.value(u"name").toString(), QStringLiteral("b"));
    }

    void sameFieldIsAConflictAndTakesTheirs()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")),
                      record(QStringLiteral("mine"), QStringLiteral("m"), QStringLiteral("note")),
                      false, record(QStringLiteral("theirs"), QStringLiteral("m")), false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Conflict);
        QCOMPARE(out.fields, QStringList{QStringLiteral("name")});
        QCOMPARE(out.merged.value(u"name").toString(), QStringLiteral("theirs"));
        // My one-sided change still goes up.
        QCOMPARE(out.merged.value(u"remarks").toString(), QStringLiteral("note"));
        QVERIFY(out.needsPush);
    }

    void sameValueOnBothSidesIsNoConflict()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")),
                      record(QStringLiteral("b"), QStringLiteral("m")), false,
                      record(QStringLiteral("b"), QStringLiteral("m")), false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Clean);
        QVERIFY(!out.needsPush);
    }

    void editAgainstServerDelete()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")),
                      record(QStringLiteral("mine"), QStringLiteral("m")),
                      false,
                      {},
                      true};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Conflict);
        QVERIFY(out.serverDeleted);
        QVERIFY(out.deleted);
        QCOMPARE(out.fields, QStringList{QStringLiteral("name")});
    }

    void deleteAgainstServerEdit()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")),
                      record(QStringLiteral("a"), QStringLiteral("m")), true,
                      record(QStringLiteral("theirs"), QStringLiteral("m")), false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Conflict);
        QVERIFY(out.localDeleted);
        QVERIFY(!out.deleted);
        QCOMPARE(out.merged.value(u"name").toString(), QStringLiteral("theirs"));
    }

    void deleteAgainstUnchangedServerGoesAgain()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")),
                      record(QStringLiteral("a"), QStringLiteral("m")), true,
                      record(QStringLiteral("a"), QStringLiteral("m")), false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Clean);
        QVERIFY(out.deleted);
        QVERIFY(out.needsPush);
    }

    void bothDeleted()
    {
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m")), {}, true, {}, true};
        QCOMPARE(threeWayMerge(in).kind, MergeOutcome::Kind::BothDeleted);
    }

    void createMetByTheSameRecordIsClean()
    {
        // A create whose answer was lost after the key store forgot it: the server has my
        // record already.
        MergeInput in{{},
                      record(QStringLiteral("a"), QStringLiteral("m")),
                      false,
                      record(QStringLiteral("a"), QStringLiteral("m")),
                      false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Clean);
        QVERIFY(!out.needsPush);
    }

    void createMetByAnotherRecordConflicts()
    {
        MergeInput in{{},
                      record(QStringLiteral("a"), QStringLiteral("m")),
                      false,
                      record(QStringLiteral("b"), QStringLiteral("m")),
                      false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Conflict);
        QCOMPARE(out.fields, QStringList{QStringLiteral("name")});
    }

    void fieldTheServerDoesNotSendIsKept()
    {
        QJsonObject theirs = record(QStringLiteral("a"), QStringLiteral("m"));
        theirs.remove(QStringLiteral("remarks"));
        MergeInput in{record(QStringLiteral("a"), QStringLiteral("m"), QStringLiteral("x")),
                      record(QStringLiteral("a"), QStringLiteral("m"), QStringLiteral("y")), false,
                      theirs, false};
        const MergeOutcome out = threeWayMerge(in);
        QCOMPARE(out.kind, MergeOutcome::Kind::Clean);
        QCOMPARE(out.merged.value(u"remarks").toString(), QStringLiteral("y"));
    }
};

QTEST_GUILESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
