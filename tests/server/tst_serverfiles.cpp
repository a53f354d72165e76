// Files by SHA-256 (sync.md §16) over real HTTP: chunked upload of at most 4 MB a chunk, in
// order and resumable, the hash verified, the type judged by content, the size limited, and
// every file visible to its enterprise only.
#include "server/serverharness.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace jl::servertest;

namespace {

constexpr qint64 Chunk = 4 * 1024 * 1024;

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray randomBytes(qint64 size, const QByteArray &head)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (qint64 i = 0; i < size; ++i)
        b[i] = char(rng.bounded(256));
    b.replace(0, head.size(), head);
    return b;
}

Reply putChunk(Http &http, const QString &sha, const QByteArray &file, qint64 first, qint64 length)
{
    const QByteArray range = "bytes " + QByteArray::number(first) + '-' +
                             QByteArray::number(first + length - 1) + '/' +
                             QByteArray::number(file.size());
    return http.send("PUT", QStringLiteral("/api/v1/files/") + sha, file.mid(first, length),
                     {{"Content-Range", range}, {"Content-Type", "application/octet-stream"}});
}

// The whole file in chunks of at most 4 MB; the last answer.
Reply upload(Http &http, const QByteArray &file, const QString &sha = {})
{
    const QString hash = sha.isEmpty() ? sha256(file) : sha;
    Reply last;
    for (qint64 at = 0; at < file.size(); at += Chunk) {
        last = putChunk(http, hash, file, at, std::min(Chunk, file.size() - at));
        if (last.status != 200)
            break;
    }
    return last;
}

const QByteArray Png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

} // namespace

class TestServerFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void smallFile_data() { JL_BACKEND_ROWS(); }
    void smallFile();
    void chunkedAndResumable_data() { JL_BACKEND_ROWS(); }
    void chunkedAndResumable();
    void hashVerified_data() { JL_BACKEND_ROWS(); }
    void hashVerified();
    void typeJudgedByContent_data() { JL_BACKEND_ROWS(); }
    void typeJudgedByContent();
    void limits_data() { JL_BACKEND_ROWS(); }
    void limits();
    void filesBelongToEnterprise_data() { JL_BACKEND_ROWS(); }
    void filesBelongToEnterprise();

private:
    Backend m_sqlite;
    Backend m_pg;
};

void TestServerFiles::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QVERIFY(m_sqlite.setUp(TestDatabase::Kind::Sqlite));
    if (TestDatabase::postgresAvailable())
        QVERIFY(m_pg.setUp(TestDatabase::Kind::Postgres));
}

void TestServerFiles::cleanupTestCase()
{
    QVERIFY(m_sqlite.server->stop());
    if (m_pg.server)
        QVERIFY(m_pg.server->stop());
}

void TestServerFiles::smallFile()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QByteArray png = randomBytes(3000, Png);
    const QString sha = sha256(png);
    const Reply r = upload(http, png);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"complete").toBool(), true);
    QCOMPARE(r.json().value(u"mimeType").toString(), QStringLiteral("image/png"));
    const Reply down = http.get(QStringLiteral("/api/v1/files/") + sha);
    QCOMPARE(down.status, 200);
    QCOMPARE(down.body, png);
    QCOMPARE(down.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(http.get(QStringLiteral("/api/v1/files/%1/upload").arg(sha))
                 .json()
                 .value(u"received")
                 .toInt(),
             3000);
    // Uploading it again costs nothing and changes nothing.
    QCOMPARE(upload(http, png).json().value(u"complete").toBool(), true);
    QCOMPARE(http.get(QStringLiteral("/api/v1/files/") + sha256("nothing")).status, 404);
    QCOMPARE(http.get(QStringLiteral("/api/v1/files/NOT-A-HASH/upload")).status, 404);
}

void TestServerFiles::chunkedAndResumable()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QByteArray pdf = randomBytes(2 * Chunk + 1000, "%PDF-1.7\n");
    const QString sha = sha256(pdf);
    Reply r = putChunk(http, sha, pdf, 0, Chunk);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"complete").toBool(), false);
    QCOMPARE(r.json().value(u"received").toInteger(), Chunk);
    // The download of an unfinished file is refused.
    QCOMPARE(http.get(QStringLiteral("/api/v1/files/") + sha).status, 409);
    // A gap is refused with where to continue; a repeated chunk is fine.
    r = putChunk(http, sha, pdf, 2 * Chunk, 1000);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.code(), QStringLiteral("chunk-out-of-order"));
    QCOMPARE(r.json().value(u"received").toInteger(), Chunk);
    QCOMPARE(putChunk(http, sha, pdf, 0, Chunk).status, 200);
    // Resume where the server says (a client restarted in between).
    const qint64 resume = http.get(QStringLiteral("/api/v1/files/%1/upload").arg(sha))
                              .json()
                              .value(u"received")
                              .toInteger();
    QCOMPARE(resume, Chunk);
    QCOMPARE(putChunk(http, sha, pdf, resume, Chunk).status, 200);
    r = putChunk(http, sha, pdf, 2 * Chunk, 1000);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"complete").toBool(), true);
    QCOMPARE(r.json().value(u"mimeType").toString(), QStringLiteral("application/pdf"));
    const Reply down = http.get(QStringLiteral("/api/v1/files/") + sha);
    QCOMPARE(down.body.size(), pdf.size());
    QVERIFY(down.body == pdf);
}

void TestServerFiles::hashVerified()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QByteArray jpeg = randomBytes(5000, "\xff\xd8\xff\xe0");
    const QString claimed = sha256("some other file");
    const Reply r = upload(http, jpeg, claimed);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("file-hash-mismatch"));
    // Nothing of it is kept.
    QCOMPARE(http.get(QStringLiteral("/api/v1/files/%1/upload").arg(claimed)).status, 404);
}

void TestServerFiles::typeJudgedByContent()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QByteArray script = "#!/bin/sh\necho this is not a PDF, whatever its name says\n";
    Reply r = upload(http, script);
    QCOMPARE(r.status, 415);
    QCOMPARE(r.code(), QStringLiteral("file-type-refused"));
    QByteArray docx = randomBytes(4000, "PK\x03\x04\x14\0\x06\0");
    docx.replace(30, 17, "word/document.xml");
    r = upload(http, docx);
    QCOMPARE(r.status, 200);
    QCOMPARE(
        r.json().value(u"mimeType").toString(),
        QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    r = upload(http, randomBytes(2000, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"mimeType").toString(), QStringLiteral("application/x-ole-storage"));
    // A ZIP that is no Office document is refused.
    QCOMPARE(upload(http, randomBytes(2000, "PK\x03\x04")).status, 415);
}

void TestServerFiles::limits()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QByteArray big = randomBytes(Chunk + 1, "%PDF-");
    Reply r = putChunk(http, sha256(big), big, 0, Chunk + 1);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.code(), QStringLiteral("chunk-too-large"));
    // 21 MB announced: refused at the first chunk (the limit is 20 MB, domain.md §5.3).
    r = http.send("PUT", QStringLiteral("/api/v1/files/") + sha256("x"), QByteArray(1024, 'x'),
                  {{"Content-Range", "bytes 0-1023/22020096"}});
    QCOMPARE(r.status, 413);
    QCOMPARE(r.code(), QStringLiteral("file-too-large"));
    r = http.send("PUT", QStringLiteral("/api/v1/files/") + sha256("x"), QByteArray(10, 'x'));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("bad-content-range"));
    r = http.send("PUT", QStringLiteral("/api/v1/files/") + sha256("x"), QByteArray(10, 'x'),
                  {{"Content-Range", "bytes 0-19/100"}});
    QCOMPARE(r.status, 400);
}

void TestServerFiles::filesBelongToEnterprise()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http mine = b.http();
    const QByteArray png = randomBytes(1500, Png + "mine");
    const QString sha = sha256(png);
    QCOMPARE(upload(mine, png).status, 200);
    const Account other = createAccount(b.db->url(), 40);
    Http theirs(b.server->base());
    theirs.setToken(accessToken(b.server->base(), other));
    // Knowing the hash is not enough: 404, as for a file nobody has.
    Reply r = theirs.get(QStringLiteral("/api/v1/files/") + sha);
    QCOMPARE(r.status, 404);
    QVERIFY(!r.body.contains("mine"));
    QCOMPARE(theirs.get(QStringLiteral("/api/v1/files/%1/upload").arg(sha)).status, 404);
    // Having the bytes is: the other enterprise uploads its own copy.
    QCOMPARE(upload(theirs, png).json().value(u"complete").toBool(), true);
    QCOMPARE(theirs.get(QStringLiteral("/api/v1/files/") + sha).body, png);
}

QTEST_GUILESS_MAIN(TestServerFiles)
#include "tst_serverfiles.moc"
