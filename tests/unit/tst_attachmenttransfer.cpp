// Attachments over the wire (sync.md §16): uploads in chunks of at most 4 MB resumed where the
// server stopped, downloads hash-checked before they take their name.
#include "sync/attachmenttransfer.h"
#include "sync/filestore.h"
#include "sync/httpremote.h"
#include "unit/scriptednetwork.h"
#include "unit/statictokens.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::sync;
using namespace jl::synctest;
using Kind = RemoteError::Kind;

namespace {

constexpr qint64 MB = 1024 * 1024;

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray pattern(qint64 size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        b[i] = char((i * 7 + i / 4096) % 253);
    return b;
}

QByteArray status(qint64 received, qint64 size)
{
    return "{\"received\":" + QByteArray::number(received) +
           ",\"size\":" + QByteArray::number(size) +
           ",\"complete\":" + (received == size ? "true" : "false") + '}';
}

struct Fixture {
    QTemporaryDir dir;
    FileStore store{dir.filePath(QStringLiteral("files"))};
    ScriptedNetwork net;
    StaticTokens tokens;
    HttpRemote remote{net, QUrl(QStringLiteral("http://127.0.0.1:1")), tokens};
    AttachmentTransfer transfer{remote, store};

    QString add(const QByteArray &bytes)
    {
        QFile f(dir.filePath(QStringLiteral("source")));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write");
        f.close();
        auto added = store.add(f.fileName());
        return added.ok() ? added.value() : QString();
    }
    QStringList leftovers() const
    {
        return QDir(store.root() + QStringLiteral("/tmp")).entryList(QDir::Files);
    }
};

} // namespace

class TestAttachmentTransfer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void uploadResumesHalfWay();
    void uploadRealignsAfterOutOfOrder();
    void uploadOfAFileTheServerHas();
    void downloadVerifiedAndMovedIntoPlace();
    void downloadWithTheWrongBytes();
    void downloadFailureLeavesNothing();
    void downloadOfAFileAlreadyHere();
};

void TestAttachmentTransfer::uploadResumesHalfWay()
{
    Fixture f;
    const QByteArray bytes = pattern(9 * MB + 123);
    const QString hash = f.add(bytes);
    QVERIFY(!hash.isEmpty());
    // An earlier run got the first 4 MB through.
    f.net.add(Step::json(200, status(4 * MB, bytes.size())));
    f.net.add(Step::json(200, status(8 * MB, bytes.size())));
    f.net.add(Step::json(200, status(bytes.size(), bytes.size())));
    QList<qint64> seen;
    auto r = f.transfer.upload(hash, [&seen](qint64 done, qint64) { seen.append(done); });
    QCOMPARE(std::get<qint64>(r), bytes.size());
    QCOMPARE(f.net.sent.size(), 3);
    QCOMPARE(f.net.sent.at(0).url.path(), QStringLiteral("/api/v1/files/") + hash + u"/upload");
    const Sent &second = f.net.sent.at(1);
    const Sent &third = f.net.sent.at(2);
    QCOMPARE(second.header("Content-Range"), "bytes " + QByteArray::number(4 * MB) + '-' +
                                                 QByteArray::number(8 * MB - 1) + '/' +
                                                 QByteArray::number(bytes.size()));
    QCOMPARE(second.body, bytes.mid(4 * MB, 4 * MB));
    QCOMPARE(third.header("Content-Range"), "bytes " + QByteArray::number(8 * MB) + '-' +
                                                QByteArray::number(bytes.size() - 1) + '/' +
                                                QByteArray::number(bytes.size()));
    QCOMPARE(third.body, bytes.mid(8 * MB));
    QCOMPARE(seen.first(), 4 * MB);
    QCOMPARE(seen.last(), bytes.size());
}

void TestAttachmentTransfer::uploadRealignsAfterOutOfOrder()
{
    Fixture f;
    const QByteArray bytes = pattern(10);
    const QString hash = f.add(bytes);
    f.transfer.setChunkBytes(4);
    f.net.add(Step::problem(404, QStringLiteral("不存在")));
    // Another instance got the first chunk meanwhile: 409, then the status says 4.
    f.net.add(Step::problem(409, QStringLiteral("顺序不对"), ",\"received\":4"));
    f.net.add(Step::json(200, status(4, 10)));
    f.net.add(Step::json(200, status(8, 10)));
    f.net.add(Step::json(200, status(10, 10)));
    QCOMPARE(std::get<qint64>(f.transfer.upload(hash)), 10);
    QCOMPARE(f.net.sent.size(), 5);
    QCOMPARE(f.net.sent.at(3).header("Content-Range"), QByteArray("bytes 4-7/10"));
    QCOMPARE(f.net.sent.at(4).header("Content-Range"), QByteArray("bytes 8-9/10"));
}

void TestAttachmentTransfer::uploadOfAFileTheServerHas()
{
    Fixture f;
    const QString hash = f.add(pattern(10));
    f.net.add(Step::json(200, status(10, 10)));
    QCOMPARE(std::get<qint64>(f.transfer.upload(hash)), 10);
    QCOMPARE(f.net.sent.size(), 1);
    // And one that is not in the store at all is a local problem, not a request.
    auto missing = f.transfer.upload(sha("elsewhere"));
    QVERIFY(std::holds_alternative<RemoteError>(missing));
    QCOMPARE(f.net.sent.size(), 1);
}

void TestAttachmentTransfer::downloadVerifiedAndMovedIntoPlace()
{
    Fixture f;
    const QByteArray bytes = pattern(5000);
    Step ok;
    ok.body = bytes;
    f.net.add(ok);
    auto r = f.transfer.download(sha(bytes));
    QVERIFY(std::holds_alternative<QString>(r));
    QCOMPARE(std::get<QString>(r), f.store.path(sha(bytes)));
    QVERIFY(f.store.has(sha(bytes)));
    QFile file(f.store.path(sha(bytes)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QVERIFY(f.leftovers().isEmpty());
}

void TestAttachmentTransfer::downloadWithTheWrongBytes()
{
    Fixture f;
    Step tampered;
    tampered.body = "not what was asked for";
    f.net.add(tampered);
    const QString wanted = sha("the real certificate");
    auto r = f.transfer.download(wanted);
    QVERIFY(std::holds_alternative<RemoteError>(r));
    QCOMPARE(std::get<RemoteError>(r).kind, Kind::BadReply);
    QVERIFY(!f.store.has(wanted));
    QVERIFY(f.leftovers().isEmpty());
}

void TestAttachmentTransfer::downloadFailureLeavesNothing()
{
    Fixture f;
    Step cut;
    cut.body = "half";
    cut.error = QNetworkReply::RemoteHostClosedError;
    f.net.add(cut);
    f.net.add(Step::problem(404, QStringLiteral("不存在")));
    const QString wanted = sha("x");
    QCOMPARE(std::get<RemoteError>(f.transfer.download(wanted)).kind, Kind::Network);
    QCOMPARE(std::get<RemoteError>(f.transfer.download(wanted)).kind, Kind::NotFound);
    QVERIFY(!f.store.has(wanted));
    QVERIFY(f.leftovers().isEmpty());
}

void TestAttachmentTransfer::downloadOfAFileAlreadyHere()
{
    Fixture f;
    const QString hash = f.add("local");
    QCOMPARE(std::get<QString>(f.transfer.download(hash)), f.store.path(hash));
    QVERIFY(f.net.sent.isEmpty());
}

QTEST_GUILESS_MAIN(TestAttachmentTransfer)
#include "tst_attachmenttransfer.moc"
