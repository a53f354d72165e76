// The content-addressed attachment store (sync.md §16): names are SHA-256, two levels of
// fan-out, a file appears only whole and hashed, temporary files never stay behind.
#include "sync/filestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::sync;

namespace {

QString write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write a test file");
    return path;
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList leftovers(const QString &root)
{
    return QDir(root + QStringLiteral("/tmp")).entryList(QDir::Files);
}

} // namespace

class TestFileStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void addHashesWhileCopying();
    void sameBytesTwice();
    void missingSource();
    void adoptChecksTheHash();
    void isSha256();
};

void TestFileStore::addHashesWhileCopying()
{
    QTemporaryDir dir;
    FileStore store(dir.filePath(QStringLiteral("files")));
    // Bigger than one copy block, so the hash spans several.
    QByteArray bytes(700 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 31 % 251);
    const QString source = write(dir.filePath(QStringLiteral("证书.pdf")), bytes);
    auto added = store.add(source);
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
    const QString hash = added.value();
    QCOMPARE(hash, sha(bytes));
    QCOMPARE(store.path(hash),
             store.root() + u'/' + hash.left(2) + u'/' + hash.mid(2, 2) + u'/' + hash);
    QVERIFY(store.has(hash));
    QCOMPARE(store.size(hash), bytes.size());
    QCOMPARE(read(store.path(hash)), bytes);
    QVERIFY(QFile::exists(source)); // a copy, the user's file stays
    QVERIFY(leftovers(store.root()).isEmpty());
    QVERIFY(!store.has(sha("other")));
}

void TestFileStore::sameBytesTwice()
{
    QTemporaryDir dir;
    FileStore store(dir.filePath(QStringLiteral("files")));
    const QString a = write(dir.filePath(QStringLiteral("a.png")), "same");
    const QString b = write(dir.filePath(QStringLiteral("b.png")), "same");
    auto first = store.add(a);
    auto second = store.add(b);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first.value(), second.value());
    QVERIFY(leftovers(store.root()).isEmpty());
}

void TestFileStore::missingSource()
{
    QTemporaryDir dir;
    FileStore store(dir.filePath(QStringLiteral("files")));
    auto added = store.add(dir.filePath(QStringLiteral("nothing.pdf")));
    QVERIFY(!added.ok());
    QVERIFY(!added.error().message.isEmpty());
    QVERIFY(leftovers(store.root()).isEmpty());
}

void TestFileStore::adoptChecksTheHash()
{
    QTemporaryDir dir;
    FileStore store(dir.filePath(QStringLiteral("files")));
    auto temp = store.newTempFile();
    QVERIFY(temp.ok());
    write(temp.value(), "downloaded");
    auto wrong = store.adopt(temp.value(), sha("expected"));
    QVERIFY(wrong.ok());
    QVERIFY(!wrong.value());
    QVERIFY(!QFile::exists(temp.value()));
    QVERIFY(!store.has(sha("expected")));

    auto again = store.newTempFile();
    QVERIFY(again.ok());
    write(again.value(), "downloaded");
    auto right = store.adopt(again.value(), sha("downloaded"));
    QVERIFY(right.ok() && right.value());
    QCOMPARE(read(store.path(sha("downloaded"))), QByteArray("downloaded"));
    QVERIFY(leftovers(store.root()).isEmpty());
}

void TestFileStore::isSha256()
{
    QVERIFY(FileStore::isSha256(sha("x")));
    QVERIFY(!FileStore::isSha256(sha("x").toUpper()));
    QVERIFY(!FileStore::isSha256(sha("x").left(63)));
    QVERIFY(!FileStore::isSha256(QStringLiteral("../../etc/passwd")));
}

QTEST_GUILESS_MAIN(TestFileStore)
#include "tst_filestore.moc"
