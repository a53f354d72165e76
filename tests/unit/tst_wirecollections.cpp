// The one table between client and wire collection names, and what of a local record may
// travel: the server refuses envelope and unknown fields with 422 (server/api/*rules.cpp).
#include "models/domain/instrument.h"
#include "sync/wirecollections.h"

#include <QTest>

using namespace jl::sync;

class TestWireCollections : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void unknownNames();
    void instrumentPayload();
    void sitePayload();
    void readOnlyCollections();
};

void TestWireCollections::names_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("wire");
    QTest::newRow("instrument") << QStringLiteral("instrument") << QStringLiteral("instruments");
    QTest::newRow("site") << QStringLiteral("site") << QStringLiteral("sites");
    QTest::newRow("contact") << QStringLiteral("contact") << QStringLiteral("contacts");
    QTest::newRow("enterprise") << QStringLiteral("enterprise") << QStringLiteral("enterprise");
    QTest::newRow("verificationRecord")
        << QStringLiteral("verificationRecord") << QStringLiteral("verificationRecords");
}

void TestWireCollections::names()
{
    QFETCH(QString, client);
    QFETCH(QString, wire);
    QCOMPARE(WireCollections::toWire(client), wire);
    QCOMPARE(WireCollections::fromWire(wire), client);
}

void TestWireCollections::unknownNames()
{
    QVERIFY(WireCollections::toWire(QStringLiteral("instruments")).isEmpty());
    QCOMPARE(WireCollections::fromWire(QStringLiteral("appointments")),
             QStringLiteral("appointments"));
}

void TestWireCollections::instrumentPayload()
{
    jl::models::Instrument i;
    i.id = QStringLiteral("0b6e2f7c-8d43-4c1e-9a57-3f0c2d1e4b5a");
    i.serialNo = QStringLiteral("A-1");
    i.name = QStringLiteral("加油机");
    i.rev = 4;
    QJsonObject record = jl::models::toJson(i);
    record.insert(QStringLiteral("rev"), 4);
    record.insert(QStringLiteral("updatedAt"), QStringLiteral("2026-01-01T00:00:00Z"));
    record.insert(QStringLiteral("deleted"), false);
    const QJsonObject out = WireCollections::outgoingPayload(QStringLiteral("instrument"), record);
    for (const char *owned : {"id", "rev", "updatedAt", "deleted"})
        QVERIFY2(!out.contains(QLatin1String(owned)), owned);
    // Everything else of the client's form goes: the server takes the same fields.
    QStringList expected = jl::models::toJson(i).keys();
    expected.removeOne(QStringLiteral("id"));
    QStringList keys = out.keys();
    expected.sort();
    keys.sort();
    QCOMPARE(keys, expected);
    QCOMPARE(out.value(u"serialNo").toString(), QStringLiteral("A-1"));
}

void TestWireCollections::sitePayload()
{
    const QJsonObject site{{QStringLiteral("id"), QStringLiteral("s")},
                           {QStringLiteral("name"), QStringLiteral("文三路站")},
                           {QStringLiteral("kind"), QStringLiteral("charging")},
                           {QStringLiteral("platform"), QStringLiteral("国网")},
                           {QStringLiteral("pileCount"), 4}};
    const QJsonObject out = WireCollections::outgoingPayload(QStringLiteral("site"), site);
    // The platforms' fields are the server's; absent, it keeps its values.
    QCOMPARE(out.keys(), (QStringList{QStringLiteral("kind"), QStringLiteral("name")}));
}

void TestWireCollections::readOnlyCollections()
{
    QVERIFY(WireCollections::isWritable(QStringLiteral("instrument")));
    QVERIFY(WireCollections::isWritable(QStringLiteral("contact")));
    QVERIFY(!WireCollections::isWritable(QStringLiteral("enterprise")));
    QVERIFY(!WireCollections::isWritable(QStringLiteral("verificationRecord")));
    QVERIFY(WireCollections::outgoingPayload(QStringLiteral("enterprise"),
                                             {{QStringLiteral("name"), QStringLiteral("x")}})
                .isEmpty());
}

QTEST_GUILESS_MAIN(TestWireCollections)
#include "tst_wirecollections.moc"
