// The list models of 同步状态 and 冲突: each outbox entry named by its record, its kind
// (new, change, delete) and state in words, filtered by state and text, sorted; each conflict
// with its situation and the labels of the fields both sides changed.
#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/conflictlistmodel.h"
#include "models/itemmodels/outboxlistmodel.h"
#include "models/store/instrumentcollection.h"
#include "syncstatefixture.h"

using namespace jl::models;
using jl::test::SyncStateFixture;

class TestSyncListModels final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_f.reset(); }
    void outboxRowsInWords();
    void outboxFiltersAndSorts();
    void conflictRows();

private:
    std::unique_ptr<SyncStateFixture> m_f;
};

void TestSyncListModels::init()
{
    m_f = std::make_unique<SyncStateFixture>();
    QVERIFY(m_f->open());
}

void TestSyncListModels::outboxRowsInWords()
{
    m_f->create(QStringLiteral("SN1"), QStringLiteral("燃油加油机"));
    Instrument edited = m_f->synced(QStringLiteral("SN2"), 4, QStringLiteral("电能表"));
    edited.model = QStringLiteral("DDS-1");
    QVERIFY(m_f->store().update(edited).ok());
    QVERIFY(m_f->store().moveToHistory({edited.id}).ok());
    QVERIFY(m_f->store().purge({edited.id}).ok());
    m_f->exec(QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = 3, last_error = "
                             "'序列号重复' WHERE seq = (SELECT MIN(seq) FROM outbox)"));

    OutboxListModel model(m_f->db(), m_f->collections());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.totalCount(), 4);
    using C = OutboxListModel;
    QCOMPARE(model.index(0, C::Record).data().toString(), QStringLiteral("SN1 燃油加油机"));
    QCOMPARE(model.index(0, C::Collection).data().toString(),
             InstrumentCollection::tr("Instrument"));
    QCOMPARE(model.index(0, C::Kind).data().toString(), OutboxListModel::tr("New"));
    QCOMPARE(model.index(0, C::State).data().toString(), OutboxListModel::tr("Rejected"));
    QCOMPARE(model.index(0, C::Attempts).data().toInt(), 3);
    QCOMPARE(model.index(0, C::LastError).data().toString(), QStringLiteral("序列号重复"));
    QCOMPARE(model.index(0, C::State).data(Qt::ToolTipRole).toString(),
             QStringLiteral("序列号重复"));
    QVERIFY(model.index(0, C::State).data(Qt::ForegroundRole).isValid()); // red beside the word
    QCOMPARE(model.index(1, C::Kind).data().toString(), OutboxListModel::tr("Change"));
    QCOMPARE(model.index(3, C::Kind).data().toString(), OutboxListModel::tr("Delete"));
    QCOMPARE(model.index(3, C::State).data().toString(), OutboxListModel::tr("Waiting"));
    // Made at: yyyy-MM-dd HH:mm:ss
    QCOMPARE(model.index(0, C::CreatedAt).data().toString().size(), 19);
    QCOMPARE(model.seqsAt({0, 3}).size(), 2);
}

void TestSyncListModels::outboxFiltersAndSorts()
{
    m_f->create(QStringLiteral("SN1"), QStringLiteral("燃油加油机"));
    m_f->create(QStringLiteral("SN2"), QStringLiteral("电能表"));
    m_f->create(QStringLiteral("SN3"), QStringLiteral("水表"));
    m_f->exec(QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = seq, "
                             "last_error = '拒绝' WHERE seq > (SELECT MIN(seq) FROM outbox)"));
    OutboxListModel model(m_f->db(), m_f->collections());
    model.setStateFilter(QStringLiteral("rejected"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.totalCount(), 3);
    model.setTextFilter(QStringLiteral("水表"));
    QCOMPARE(model.rowCount(), 1);
    model.setTextFilter(QStringLiteral("拒绝")); // the error matches too
    QCOMPARE(model.rowCount(), 2);
    model.setStateFilter({});
    model.setTextFilter({});
    QCOMPARE(model.rowCount(), 3);
    model.sort(OutboxListModel::Attempts, Qt::DescendingOrder);
    QCOMPARE(model.index(0, OutboxListModel::Record).data().toString(), QStringLiteral("SN3 水表"));
    model.sort(OutboxListModel::CreatedAt, Qt::AscendingOrder);
    QCOMPARE(model.index(0, OutboxListModel::Record).data().toString(),
             QStringLiteral("SN1 燃油加油机"));
}

void TestSyncListModels::conflictRows()
{
    const Instrument base = m_f->synced(QStringLiteral("SN1"), 3);
    Instrument mine = base;
    mine.model = QStringLiteral("M");
    mine.remarks = QStringLiteral("R");
    m_f->conflict(base.id, {QStringLiteral("model"), QStringLiteral("remarks")}, toJson(mine),
                  toJson(base), toJson(base), 5);
    const Instrument other = m_f->synced(QStringLiteral("SN2"), 3);
    m_f->conflict(other.id, {QStringLiteral("name")}, toJson(other), {}, toJson(other), 6, true);
    ConflictListModel model(m_f->db(), m_f->collections());
    QCOMPARE(model.rowCount(), 2);
    using C = ConflictListModel;
    QCOMPARE(model.index(0, C::Record).data().toString(), QStringLiteral("SN1 燃油加油机"));
    QCOMPARE(model.index(0, C::Situation).data().toString(),
             ConflictListModel::tr("Changed on both sides"));
    QCOMPARE(model.index(0, C::Fields).data().toString(),
             InstrumentValidator::fieldLabel(QStringLiteral("model")) +
                 ConflictListModel::tr(", ") +
                 InstrumentValidator::fieldLabel(QStringLiteral("remarks")));
    QCOMPARE(model.index(1, C::Situation).data().toString(),
             ConflictListModel::tr("Changed here, deleted on the server"));
    QCOMPARE(model.idsAt({1}).size(), 1);
    QCOMPARE(model.conflictAt(1).serverRev, 6);
    model.setTextFilter(QStringLiteral("SN2"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totalCount(), 2);
}

QTEST_GUILESS_MAIN(TestSyncListModels)
#include "tst_synclistmodels.moc"
