// Attachments and commands through the sync engine against jiliang-server on loopback: a
// certificate the regulator's side placed (upload-file) and a verification record naming it
// (upload-verification-records) reach the client's file store, whole and with the right hash;
// a command queued in the outbox reaches the server's state machine, and its refusal fails the
// entry with the server's message.
#include "syncfixture.h"

#include "sync/filestore.h"
#include "sync/syncattachments.h"

#include <QJsonArray>
#include <QTest>

using jl::sync::FileStore;
using jl::sync::SyncEngine;
using jl::test::Client;
using namespace jl::servertest;

class TestSyncAttachmentsEnd2End : public jl::test::SyncEnd2EndTest {
    Q_OBJECT

public:
    TestSyncAttachmentsEnd2End()
        : SyncEnd2EndTest(QStringLiteral("ATT"))
    {}

private:
    // The regulator's side: the certificate into the enterprise's file store; its sha256.
    QString uploadCertificate(const QByteArray &bytes)
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("certificate.pdf")));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        file.close();
        const CommandResult r =
            runAdmin(m_serverDb->url(), {QStringLiteral("upload-file"), QStringLiteral("--uscc"),
                                         m_account.uscc, file.fileName()});
        if (r.exitCode != 0)
            qWarning().noquote() << r.out;
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"sha256").toString();
    }
    bool uploadRecord(const jl::models::Instrument &x, const QString &certificate)
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("records.json")));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(
            QJsonDocument(
                QJsonArray{QJsonObject{
                    {QStringLiteral("uscc"), m_account.uscc},
                    {QStringLiteral("certificateNo"), QString(QStringLiteral("JD-") + x.serialNo)},
                    {QStringLiteral("serialNo"), x.serialNo},
                    {QStringLiteral("instrumentName"), x.name},
                    {QStringLiteral("model"), x.model},
                    {QStringLiteral("institution"), QStringLiteral("浙江省计量科学研究院")},
                    {QStringLiteral("verifiedAt"), QStringLiteral("2026-11-01")},
                    {QStringLiteral("result"), QStringLiteral("pass")},
                    {QStringLiteral("validUntil"), QStringLiteral("2027-10-31")},
                    {QStringLiteral("certificate"), certificate}}})
                .toJson());
        file.close();
        return runAdmin(m_serverDb->url(),
                        {QStringLiteral("upload-verification-records"), file.fileName()})
                   .exitCode == 0;
    }
    void queueCommand(Client &c, const QString &id, const QString &command)
    {
        QVERIFY(c.db()
                    .transaction([&]() {
                        return jl::models::outbox::append(c.db(), QStringLiteral("instrument"), id,
                                                          QStringLiteral("command"), 0, "{}",
                                                          command);
                    })
                    .ok());
    }

private Q_SLOTS:
    void initTestCase() { startServer(); }

    void certificateReachesTheFileStore()
    {
        // Larger than one 4 MB chunk on the server's side.
        QByteArray pdf("%PDF-1.4\n");
        for (int i = 0; pdf.size() < 5 * 1024 * 1024 + 123; ++i)
            pdf.append(QByteArray::number(qint64(i) * 7919 % 100003)).append(' ');
        const QString sha = uploadCertificate(pdf);
        QVERIFY(FileStore::isSha256(sha));

        auto a = client();
        const auto x = a->create(serial());
        done(*a);
        QVERIFY(uploadRecord(x, sha));
        done(*a);

        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM verification_record WHERE "
                                          "certificate = '") +
                           sha + QStringLiteral("'")),
                 1);
        const FileStore files(jl::sync::syncattachments::folderFor(a->path()));
        QVERIFY(files.has(sha));
        QCOMPARE(files.size(sha), pdf.size());
        QCOMPARE(FileStore::sha256Of(files.path(sha)).value(), sha);
        QCOMPARE(a->db().meta(jl::sync::syncattachments::wantedKey()), QString());
    }

    void commandReachesTheStateMachine()
    {
        auto a = client();
        const auto x = a->create(serial());
        done(*a);
        queueCommand(*a, x.id, QStringLiteral("moveToHistory"));
        done(*a);
        QCOMPARE(a->pending(), 0);
        QCOMPARE(onServer(x.id).value(u"data").toObject().value(u"lifecycle").toString(),
                 QStringLiteral("history"));
        // The server's answer is the record after the transition.
        QCOMPARE(a->get(x.id).lifecycle, jl::models::Lifecycle::History);
        QCOMPARE(a->get(x.id).rev, onServer(x.id).value(u"rev").toInteger());

        // Not allowed twice: the entry fails with the server's (Chinese) words, nothing waits.
        queueCommand(*a, x.id, QStringLiteral("moveToHistory"));
        done(*a);
        QCOMPARE(a->pending(), 0);
        QCOMPARE(a->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected'")),
                 1);
        auto q =
            a->db().exec(QStringLiteral("test"), QStringLiteral("SELECT last_error FROM outbox"));
        QVERIFY(q && q.value().next());
        const QString message = q.value().value(0).toString();
        QVERIFY2(message.contains(QStringLiteral("不能执行")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestSyncAttachmentsEnd2End)
#include "tst_syncattachmentsend2end.moc"
