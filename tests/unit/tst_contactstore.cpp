// The liaison contact (domain.md §8): created then updated, record + outbox entry (collection
// "contact") + audit in one transaction, phone validated, a failed write leaving nothing.
#include "models/store/audit.h"
#include "models/store/contactstore.h"
#include "models/store/database.h"
#include "models/store/failpoints.h"
#include "models/store/outbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;

class TestContactStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noLiaisonAtFirst();
    void createsThenUpdatesTheLiaison();
    void refusesBadInput();
    void failedWriteLeavesNothing();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestContactStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("local.db")));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(db.value());
}

void TestContactStore::cleanup()
{
    failpoints::disarmAll();
    m_db.reset();
    m_dir.reset();
}

void TestContactStore::noLiaisonAtFirst()
{
    ContactStore store(*m_db, QStringLiteral("tester"));
    const auto l = store.liaison();
    QVERIFY(l.ok());
    QVERIFY(!l.value().has_value());
}

void TestContactStore::createsThenUpdatesTheLiaison()
{
    ContactStore store(*m_db, QStringLiteral("tester"));
    const auto created = store.saveLiaison(QStringLiteral(" 王五 "), QStringLiteral("13455556666"));
    QVERIFY2(created.ok(), qPrintable(created.error().message));
    QCOMPARE(created->name, QStringLiteral("王五"));
    QVERIFY(created->isLiaison);

    auto entries = outbox::entries(*m_db);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 1);
    const OutboxEntry e = entries->first();
    QCOMPARE(e.collection, QStringLiteral("contact"));
    QCOMPARE(e.recordId, created->id);
    QCOMPARE(e.kind, QStringLiteral("upsert"));
    const QJsonObject payload = QJsonDocument::fromJson(e.payload.toUtf8()).object();
    QCOMPARE(payload.value(u"name").toString(), QStringLiteral("王五"));
    QCOMPARE(payload.value(u"phone").toString(), QStringLiteral("13455556666"));
    QCOMPARE(payload.value(u"isLiaison").toBool(), true);
    QCOMPARE(audit::entries(*m_db, created->id)->size(), 1);

    const auto updated = store.saveLiaison(QStringLiteral("赵六"), QStringLiteral("0571-87654321"));
    QVERIFY(updated.ok());
    QCOMPARE(updated->id, created->id); // the same liaison, not a second one
    const auto l = store.liaison();
    QCOMPARE(l.value()->phone, QStringLiteral("0571-87654321"));
    QCOMPARE(outbox::entries(*m_db)->size(), 2);
    QCOMPARE(audit::entries(*m_db, created->id)->size(), 2);
}

void TestContactStore::refusesBadInput()
{
    ContactStore store(*m_db, QStringLiteral("tester"));
    QVERIFY(!store.saveLiaison(QString(), QStringLiteral("13455556666")).ok());
    const auto badPhone = store.saveLiaison(QStringLiteral("王五"), QStringLiteral("12345"));
    QVERIFY(!badPhone.ok());
    QVERIFY(!badPhone.error().message.isEmpty());
    QCOMPARE(outbox::entries(*m_db)->size(), 0);
    QVERIFY(!store.liaison().value().has_value());
}

void TestContactStore::failedWriteLeavesNothing()
{
    ContactStore store(*m_db, QStringLiteral("tester"));
    failpoints::arm(QStringLiteral("store.outbox.insert"));
    const auto r = store.saveLiaison(QStringLiteral("王五"), QStringLiteral("13455556666"));
    failpoints::disarmAll();
    QVERIFY(!r.ok());
    QVERIFY(!store.liaison().value().has_value());
    QCOMPARE(outbox::entries(*m_db)->size(), 0);
}

QTEST_GUILESS_MAIN(TestContactStore)
#include "tst_contactstore.moc"
