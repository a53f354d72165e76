// Attachments in a sync run (sync.md §16) against the in-process FakeRemote: files go up in
// chunks before the records naming them, a missing local file fails that entry only, pulled
// records' files come down verified and are never placed when their bytes are wrong, and an
// interrupted upload resumes where the server stopped.
#include "fakeremote.h"
#include "forwardingremote.h"

#include "models/store/database.h"
#include "models/store/outbox.h"
#include "sync/collections/collectionregistry.h"
#include "sync/collections/remoterecordcollection.h"
#include "sync/filestore.h"
#include "sync/syncattachments.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using jl::models::Database;
using jl::sync::CollectionRegistry;
using jl::sync::FileStore;
using jl::sync::SyncEngine;
using jl::test::FakeRemote;

namespace {

// A collection with attachments that the client writes (domain.md: documents, applications);
// kept in remote_record, so the test needs no table of its own.
const QString Doc = QStringLiteral("document");
const QString Record = QStringLiteral("verificationRecord");

QByteArray pdf(qint64 size, char seed)
{
    QByteArray b("%PDF-1.4\n");
    b.reserve(size);
    for (qint64 i = b.size(); i < size; ++i)
        b.append(char((i * 31 + seed) % 251));
    return b;
}

} // namespace

class TestSyncAttachments : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CollectionRegistry> m_collections;
    std::unique_ptr<FakeRemote> m_remote;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<FileStore> m_files;

    SyncEngine::Result sync() { return m_engine->run().result; }

    QString addLocal(const QByteArray &bytes)
    {
        QFile f(m_dir->filePath(QStringLiteral("source.pdf")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            return {};
        f.close();
        auto added = m_files->add(f.fileName());
        return added ? added.value() : QString();
    }
    // A local change of a document naming these files (as attachment objects).
    QString queueDocument(const QString &id, const QStringList &hashes)
    {
        QJsonArray attachments;
        for (const QString &sha : hashes)
            attachments.append(QJsonObject{{QStringLiteral("sha256"), sha},
                                           {QStringLiteral("fileName"), QStringLiteral("a.pdf")}});
        const QJsonObject payload{{QStringLiteral("title"), id},
                                  {QStringLiteral("attachments"), attachments}};
        const auto s = m_db->transaction([&]() {
            return jl::models::outbox::append(*m_db, Doc, id, QStringLiteral("upsert"), 0,
                                              QJsonDocument(payload).toJson());
        });
        if (!s)
            qWarning() << s.error().message;
        return id;
    }
    QVariant scalar(const QString &sql, const QVariantList &binds = {})
    {
        auto q = m_db->exec(QStringLiteral("test"), sql, binds);
        if (!q || !q.value().next())
            return {};
        return q.value().value(0);
    }
    int outboxCount(const QString &state)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"), {state})
            .toInt();
    }
    void makeDue()
    {
        QVERIFY(m_db->exec(QStringLiteral("test"),
                           QStringLiteral("UPDATE outbox SET next_try_at = NULL"))
                    .ok());
    }
    QStringList wanted()
    {
        QStringList list;
        const QJsonArray a =
            QJsonDocument::fromJson(m_db->meta(jl::sync::syncattachments::wantedKey()).toUtf8())
                .array();
        for (const QJsonValue &v : a)
            list.append(v.toString());
        return list;
    }
    // Files lying in the store under any name (placed or temporary).
    QStringList filesOnDisk()
    {
        QStringList found;
        QDirIterator it(m_files->root(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        return found;
    }
    void serverCertificate(const QString &id, const QString &sha)
    {
        m_remote->serverPut(
            Record, id,
            QJsonObject{{QStringLiteral("certificateNo"), QStringLiteral("JD-1")},
                        {QStringLiteral("serialNo"), QStringLiteral("SN-1")},
                        {QStringLiteral("instrumentName"), QStringLiteral("加油机")},
                        {QStringLiteral("result"), QStringLiteral("pass")},
                        {QStringLiteral("certificate"), sha}});
    }
    int verificationRecords()
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM verification_record")).toInt();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = Database::open(m_dir->filePath(QStringLiteral("local.db"))).value();
        m_collections = CollectionRegistry::builtIn();
        auto docs = std::make_unique<jl::sync::RemoteRecordCollection>(Doc);
        docs->setAttachmentFields({QStringLiteral("attachments")});
        m_collections->add(std::move(docs));
        m_remote = std::make_unique<FakeRemote>();
        m_engine = std::make_unique<SyncEngine>(*m_db, *m_remote, *m_collections);
        m_files = std::make_unique<FileStore>(jl::sync::syncattachments::folderFor(m_db->path()));
    }
    void cleanup()
    {
        m_engine.reset();
        m_db.reset();
    }

    void hashesAreFoundInEveryShape()
    {
        const QString a(64, u'a');
        const QString b(64, u'b');
        const QString c(64, u'c');
        const QJsonObject data{
            {QStringLiteral("one"), a},
            {QStringLiteral("many"), QJsonArray{b, QJsonObject{{QStringLiteral("sha256"), c}}}},
            {QStringLiteral("other"), QString(64, u'd')},
            {QStringLiteral("bad"), QStringLiteral("not-a-hash")}};
        const QSet<QString> found = jl::sync::syncattachments::hashesIn(
            data, {QStringLiteral("one"), QStringLiteral("many"), QStringLiteral("bad")});
        QCOMPARE(found, (QSet<QString>{a, b, c}));
    }

    void uploadGoesBeforeItsRecord()
    {
        const QString sha = addLocal(pdf(9 * 1024 * 1024 + 17, 1)); // three chunks
        QVERIFY(!sha.isEmpty());
        queueDocument(QStringLiteral("doc-1"), {sha});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QVERIFY(m_remote->files.value(sha).complete());
        QCOMPARE(FakeRemote::sha256(m_remote->files.value(sha).bytes), sha);
        QCOMPARE(m_remote->events,
                 (QStringList{QStringLiteral("file:") + sha, QStringLiteral("push:doc-1")}));
        QCOMPARE(m_remote->chunkCalls, 3);
        QVERIFY(m_remote->largestChunk <= 4 * 1024 * 1024);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 0);

        // A file the server has already costs no bytes the second time.
        queueDocument(QStringLiteral("doc-2"), {sha});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->chunkCalls, 3);
        QCOMPARE(m_remote->events.last(), QStringLiteral("push:doc-2"));
    }

    void missingLocalFileFailsThatEntryOnly()
    {
        const QString gone = FakeRemote::sha256("never stored anywhere");
        const QString present = addLocal(pdf(1000, 2));
        queueDocument(QStringLiteral("doc-missing"), {present, gone});
        queueDocument(QStringLiteral("doc-after"), {});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        // The entry is refused where the user sees it, with the reason; the next one went.
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 1);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 0);
        const QString error =
            scalar(QStringLiteral("SELECT last_error FROM outbox WHERE record_id = 'doc-missing'"))
                .toString();
        QVERIFY2(error.contains(gone.left(12)), qPrintable(error));
        QVERIFY(!m_remote->records.contains({Doc, QStringLiteral("doc-missing")}));
        QVERIFY(m_remote->records.contains({Doc, QStringLiteral("doc-after")}));
    }

    void fileMissingHereButOnTheServerIsFetched()
    {
        const QByteArray bytes = pdf(5000, 3);
        m_remote->serverFile(bytes);
        const QString sha = FakeRemote::sha256(bytes);
        queueDocument(QStringLiteral("doc-1"), {sha});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(outboxCount(QStringLiteral("rejected")), 0);
        QVERIFY(m_remote->records.contains({Doc, QStringLiteral("doc-1")}));
        QVERIFY(m_files->has(sha));
    }

    void interruptedUploadResumes()
    {
        const QString sha = addLocal(pdf(5 * 1024 * 1024, 4)); // 4 MB + 1 MB
        queueDocument(QStringLiteral("doc-1"), {sha});
        m_remote->failChunkAfter = 1;
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        // The record waits for its file; the server kept the first chunk.
        QVERIFY(!m_remote->records.contains({Doc, QStringLiteral("doc-1")}));
        QCOMPARE(m_remote->files.value(sha).bytes.size(), 4 * 1024 * 1024);
        QCOMPARE(outboxCount(QStringLiteral("pending")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM outbox")).toInt(), 1);
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        // Only the missing megabyte went again.
        QCOMPARE(m_remote->chunkCalls, 2);
        QVERIFY(m_remote->files.value(sha).complete());
        QCOMPARE(m_remote->events,
                 (QStringList{QStringLiteral("file:") + sha, QStringLiteral("push:doc-1")}));
    }

    void uploadWaitsButEarlierEntriesGo()
    {
        queueDocument(QStringLiteral("doc-first"), {});
        const QString sha = addLocal(pdf(2000, 5));
        queueDocument(QStringLiteral("doc-second"), {sha});
        // The upload fails before and after the first entry went (the network stays down).
        m_remote->failChunkAfter = 0;
        m_remote->chunkFailures = 2;
        QCOMPARE(sync(), SyncEngine::Result::Incomplete);
        QVERIFY(m_remote->records.contains({Doc, QStringLiteral("doc-first")}));
        QVERIFY(!m_remote->records.contains({Doc, QStringLiteral("doc-second")}));
        QCOMPARE(outboxCount(QStringLiteral("pending")), 1);
        QVERIFY(!scalar(QStringLiteral("SELECT next_try_at FROM outbox")).toString().isEmpty());
        makeDue();
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->events.last(), QStringLiteral("push:doc-second"));
    }

    void pulledCertificateIsDownloadedAndVerified()
    {
        const QByteArray bytes = pdf(300 * 1024, 6);
        m_remote->serverFile(bytes);
        const QString sha = FakeRemote::sha256(bytes);
        serverCertificate(QStringLiteral("vr-1"), sha);
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(verificationRecords(), 1);
        QVERIFY(m_files->has(sha));
        QCOMPARE(FileStore::sha256Of(m_files->path(sha)).value(), sha);
        QVERIFY(wanted().isEmpty());
        QCOMPARE(filesOnDisk(), QStringList{m_files->path(sha)});
        // Nothing new: nothing downloaded again.
        const int calls = m_remote->downloadCalls;
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(m_remote->downloadCalls, calls);
    }

    void corruptDownloadIsNeverPlaced()
    {
        const QByteArray bytes = pdf(4096, 7);
        m_remote->serverFile(bytes);
        const QString sha = FakeRemote::sha256(bytes);
        serverCertificate(QStringLiteral("vr-1"), sha);
        m_remote->corruptNextDownload = true;
        QCOMPARE(sync(), SyncEngine::Result::Done);
        // The record is in; the file with the wrong bytes is not, under any name.
        QCOMPARE(verificationRecords(), 1);
        QVERIFY(!m_files->has(sha));
        QVERIFY(filesOnDisk().isEmpty());
        QCOMPARE(wanted(), QStringList{sha});
        // Tried again at the next run.
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QVERIFY(m_files->has(sha));
        QCOMPARE(FileStore::sha256Of(m_files->path(sha)).value(), sha);
        QVERIFY(wanted().isEmpty());
    }

    void failedDownloadNeverBlocksRecords()
    {
        const QByteArray bytes = pdf(4096, 8);
        m_remote->serverFile(bytes);
        const QString sha = FakeRemote::sha256(bytes);
        serverCertificate(QStringLiteral("vr-1"), sha);
        m_remote->downloadErrors.append(jl::sync::RemoteError{
            jl::sync::RemoteError::Kind::Network, 0, QStringLiteral("connection reset")});
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(verificationRecords(), 1);
        QVERIFY(!m_files->has(sha));
        // A later page brings more records; the earlier file still comes.
        serverCertificate(QStringLiteral("vr-2"), QString());
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(verificationRecords(), 2);
        QVERIFY(m_files->has(sha));
    }

    void cancelDuringDownloadsSaysCancelled()
    {
        // The user cancels while the first of two files comes down: the run says so (not
        // Done), the records stay, and both files are fetched by the next run.
        const QByteArray one = pdf(4096, 9);
        const QByteArray two = pdf(4096, 10);
        m_remote->serverFile(one);
        m_remote->serverFile(two);
        serverCertificate(QStringLiteral("vr-1"), FakeRemote::sha256(one));
        serverCertificate(QStringLiteral("vr-2"), FakeRemote::sha256(two));
        struct CancellingRemote final : jl::test::ForwardingRemote {
            using ForwardingRemote::ForwardingRemote;
            SyncEngine *engine = nullptr;
            jl::sync::RemoteResult<bool>
            download(const QString &, const QString &,
                     const std::function<void(qint64, qint64)> &) override
            {
                engine->cancel(); // as from the UI thread while the call blocks
                return jl::sync::RemoteError{jl::sync::RemoteError::Kind::Cancelled, 0, {}};
            }
        } cancelling(*m_remote);
        SyncEngine engine(*m_db, cancelling, *m_collections);
        cancelling.engine = &engine;
        QCOMPARE(engine.run().result, SyncEngine::Result::Cancelled);
        QCOMPARE(verificationRecords(), 2);
        QCOMPARE(wanted().size(), 2);
        QVERIFY(filesOnDisk().isEmpty());
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QVERIFY(m_files->has(FakeRemote::sha256(one)));
        QVERIFY(m_files->has(FakeRemote::sha256(two)));
        QVERIFY(wanted().isEmpty());
    }

    void resyncBringsFilesToo()
    {
        const QByteArray bytes = pdf(4096, 9);
        m_remote->serverFile(bytes);
        const QString sha = FakeRemote::sha256(bytes);
        serverCertificate(QStringLiteral("vr-1"), sha);
        m_remote->horizon = 1'000'000; // every cursor is too old: 410 → full resync
        QVERIFY(m_db->setMeta(SyncEngine::cursorKey(), QStringLiteral("epoch-1:1")).ok());
        QCOMPARE(sync(), SyncEngine::Result::Done);
        QCOMPARE(verificationRecords(), 1);
        QVERIFY(m_files->has(sha));
    }
};

QTEST_GUILESS_MAIN(TestSyncAttachments)
#include "tst_syncattachments.moc"
