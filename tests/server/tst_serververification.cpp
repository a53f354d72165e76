// Verification records (domain.md §3) over real HTTP and the admin command line: matched by
// serial number on arrival and again when an instrument's serial is created or changed, the
// matched instrument updated unless it holds a newer verification, the unmatched list, a
// record uploaded again replacing the first, a certificate named only once its file is in the
// enterprise's file store (placed there with admin upload-file or its route), the admin
// endpoints behind their credential and the admin command line.
#include "server/serverharness.h"

#include <QTemporaryFile>

using namespace jl::servertest;

namespace {

QJsonObject record(const QString &uscc, const QString &certificate, const QString &serial,
                   const QString &verifiedAt = QStringLiteral("2025-03-01"),
                   const QString &result = QStringLiteral("pass"))
{
    return {
        {QStringLiteral("uscc"), uscc},
        {QStringLiteral("certificateNo"), certificate},
        {QStringLiteral("serialNo"), serial},
        {QStringLiteral("instrumentName"), QStringLiteral("燃油加油机")},
        {QStringLiteral("model"), QStringLiteral("ZXJ-2242")},
        {QStringLiteral("institution"), QStringLiteral("杭州市质量技术监督检测院")},
        {QStringLiteral("verifiedAt"), verifiedAt},
        {QStringLiteral("result"), result},
        {QStringLiteral("validUntil"),
         QDate::fromString(verifiedAt, Qt::ISODate).addYears(1).addDays(-1).toString(Qt::ISODate)}};
}

CommandResult uploadFile(const QString &databaseUrl, const QJsonArray &records)
{
    QTemporaryFile file;
    file.open();
    file.write(QJsonDocument(records).toJson());
    file.flush();
    return runAdmin(databaseUrl, {QStringLiteral("upload-verification-records"), file.fileName()});
}

QJsonObject dataOf(Http &http, const QString &path)
{
    return http.get(path).json().value(u"data").toObject();
}

} // namespace

class TestServerVerification : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void matchedOnArrival_data() { JL_BACKEND_ROWS(); }
    void matchedOnArrival();
    void matchedWhenSerialAppears_data() { JL_BACKEND_ROWS(); }
    void matchedWhenSerialAppears();
    void olderRecordKeepsNewerResult_data() { JL_BACKEND_ROWS(); }
    void olderRecordKeepsNewerResult();
    void uploadRefusesBadInput_data() { JL_BACKEND_ROWS(); }
    void uploadRefusesBadInput();
    void certificateMustBeStored_data() { JL_BACKEND_ROWS(); }
    void certificateMustBeStored();
    void adminEndpoints_data() { JL_BACKEND_ROWS(); }
    void adminEndpoints();
    void adminCommandLine();

private:
    Backend m_sqlite;
    Backend m_pg;
};

void TestServerVerification::initTestCase()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QVERIFY(m_sqlite.setUp(TestDatabase::Kind::Sqlite));
    if (TestDatabase::postgresAvailable())
        QVERIFY(m_pg.setUp(TestDatabase::Kind::Postgres));
}

void TestServerVerification::cleanupTestCase()
{
    QVERIFY(m_sqlite.server->stop());
    if (m_pg.server)
        QVERIFY(m_pg.server->stop());
}

void TestServerVerification::matchedOnArrival()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    const QString path = QStringLiteral("/api/v1/instruments/") + newId();
    QCOMPARE(http.put(path, instrumentPayload(QStringLiteral("000777001"))).status, 201);
    // Written as the institution has it: full-width digits and a space around.
    const CommandResult r = uploadFile(
        b.db->url(),
        {record(b.account.uscc, QStringLiteral("JD-A-1"), QStringLiteral(" ０００７７７００１")),
         record(b.account.uscc, QStringLiteral("JD-A-2"), QStringLiteral("NOBODY-1"))});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(summary.value(u"matched").toInt(), 1);
    QCOMPARE(summary.value(u"unmatched").toInt(), 1);

    const QJsonObject i = dataOf(http, path);
    QCOMPARE(i.value(u"verificationResult").toString(), QStringLiteral("pass"));
    QCOMPARE(i.value(u"lastVerificationDate").toString(), QStringLiteral("2025-03-01"));
    QCOMPARE(i.value(u"validUntil").toString(), QStringLiteral("2026-02-28"));
    QCOMPARE(i.value(u"lastInstitution").toString(), QStringLiteral("杭州市质量技术监督检测院"));

    const QJsonArray unmatched =
        http.get(QStringLiteral("/api/v1/verificationRecords?unmatched=true"))
            .json()
            .value(u"items")
            .toArray();
    QStringList serials;
    for (const QJsonValue &v : unmatched)
        serials.append(v.toObject().value(u"data").toObject().value(u"serialNo").toString());
    QVERIFY(serials.contains(QStringLiteral("NOBODY-1")));
    QVERIFY(!serials.contains(QStringLiteral(" ０００７７７００１")));
    const QJsonArray all =
        http.get(QStringLiteral("/api/v1/verificationRecords")).json().value(u"items").toArray();
    bool linked = false;
    for (const QJsonValue &v : all)
        linked |= v.toObject().value(u"data").toObject().value(u"matchedInstrumentId").toString() ==
                  path.section(u'/', -1);
    QVERIFY(linked);
}

void TestServerVerification::matchedWhenSerialAppears()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    QCOMPARE(uploadFile(b.db->url(),
                        {record(b.account.uscc, QStringLiteral("JD-B-1"), QStringLiteral("LATE-1"),
                                QStringLiteral("2025-01-10"), QStringLiteral("fail"))})
                 .exitCode,
             0);
    // A new instrument with that serial pulls the result in, in the same write.
    const QString created = QStringLiteral("/api/v1/instruments/") + newId();
    Reply r = http.put(created, instrumentPayload(QStringLiteral("LATE-1")));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"data").toObject().value(u"verificationResult").toString(),
             QStringLiteral("fail"));

    // An instrument whose serial is corrected to the record's.
    QCOMPARE(uploadFile(b.db->url(), {record(b.account.uscc, QStringLiteral("JD-B-2"),
                                             QStringLiteral("LATE-2"))})
                 .exitCode,
             0);
    const QString typo = QStringLiteral("/api/v1/instruments/") + newId();
    QCOMPARE(http.put(typo, instrumentPayload(QStringLiteral("LATE-Z"))).status, 201);
    QCOMPARE(dataOf(http, typo).value(u"verificationResult").toString(), QStringLiteral("none"));
    r = http.put(typo, instrumentPayload(QStringLiteral("LATE-2")), {{"If-Match", ifMatch(1)}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"data").toObject().value(u"verificationResult").toString(),
             QStringLiteral("pass"));
    // Both records are matched now, and the feed carries them.
    const QJsonArray unmatched =
        http.get(QStringLiteral("/api/v1/verificationRecords?unmatched=true"))
            .json()
            .value(u"items")
            .toArray();
    for (const QJsonValue &v : unmatched) {
        const QString serial = v.toObject().value(u"data").toObject().value(u"serialNo").toString();
        QVERIFY(serial != QLatin1String("LATE-1") && serial != QLatin1String("LATE-2"));
    }
}

void TestServerVerification::olderRecordKeepsNewerResult()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http http = b.http();
    QJsonObject p = instrumentPayload(QStringLiteral("NEWER-1"));
    p.insert(QStringLiteral("verificationResult"), QStringLiteral("pass"));
    p.insert(QStringLiteral("lastVerificationDate"), QStringLiteral("2025-06-01"));
    p.insert(QStringLiteral("validUntil"), QStringLiteral("2026-05-31"));
    const QString path = QStringLiteral("/api/v1/instruments/") + newId();
    QCOMPARE(http.put(path, p).status, 201);
    QCOMPARE(uploadFile(b.db->url(),
                        {record(b.account.uscc, QStringLiteral("JD-C-1"), QStringLiteral("NEWER-1"),
                                QStringLiteral("2024-06-01"), QStringLiteral("fail"))})
                 .exitCode,
             0);
    const QJsonObject i = dataOf(http, path);
    QCOMPARE(i.value(u"verificationResult").toString(), QStringLiteral("pass"));
    QCOMPARE(i.value(u"validUntil").toString(), QStringLiteral("2026-05-31"));
    // The same certificate uploaded again, corrected: it replaces the first, no duplicate.
    const int before = http.get(QStringLiteral("/api/v1/verificationRecords?limit=1000"))
                           .json()
                           .value(u"items")
                           .toArray()
                           .size();
    QCOMPARE(
        uploadFile(b.db->url(), {record(b.account.uscc, QStringLiteral("JD-C-1"),
                                        QStringLiteral("NEWER-1"), QStringLiteral("2025-07-01"))})
            .exitCode,
        0);
    QCOMPARE(http.get(QStringLiteral("/api/v1/verificationRecords?limit=1000"))
                 .json()
                 .value(u"items")
                 .toArray()
                 .size(),
             before);
    QCOMPARE(dataOf(http, path).value(u"lastVerificationDate").toString(),
             QStringLiteral("2025-07-01"));
}

void TestServerVerification::uploadRefusesBadInput()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    QJsonObject noDate = record(b.account.uscc, QStringLiteral("JD-D-1"), QStringLiteral("D-1"));
    noDate.insert(QStringLiteral("verifiedAt"), QStringLiteral("yesterday"));
    CommandResult r = uploadFile(
        b.db->url(),
        {record(b.account.uscc, QStringLiteral("JD-D-0"), QStringLiteral("D-0")), noDate});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("Record 2")));
    // Nothing of it was stored.
    Http http = b.http();
    const QString all =
        QString::fromUtf8(http.get(QStringLiteral("/api/v1/verificationRecords?limit=1000")).body);
    QVERIFY(!all.contains(QLatin1String("JD-D-0")));
    r = uploadFile(b.db->url(),
                   {record(makeUscc(424242), QStringLiteral("JD-D-2"), QStringLiteral("D-2"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("no enterprise")));
}

void TestServerVerification::certificateMustBeStored()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    const QByteArray pdf = "%PDF-1.7\n% 检定证书 " + newId().toLatin1() + "\n%%EOF\n";
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    QJsonObject withCertificate =
        record(b.account.uscc, QStringLiteral("JD-F-1"), QStringLiteral("CERT-1"));
    withCertificate.insert(QStringLiteral("certificate"), sha);
    const QJsonObject plain =
        record(b.account.uscc, QStringLiteral("JD-F-0"), QStringLiteral("CERT-0"));

    // 1. A hash naming no stored file: the upload is refused, saying which record and why,
    // and nothing of it is stored.
    CommandResult r = uploadFile(b.db->url(), {plain, withCertificate});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("Record 2")) && r.err.contains(sha) &&
                 r.err.contains(QLatin1String("upload-file")),
             qPrintable(r.err));
    Http http = b.http();
    QVERIFY(!http.get(QStringLiteral("/api/v1/verificationRecords?limit=1000"))
                 .body.contains("JD-F-0"));
    Http admin(b.server->base());
    admin.setToken(adminToken(b.db->url()));
    Reply reply = admin.send("POST", QStringLiteral("/api/v1/admin/verificationRecords"),
                             QJsonDocument(QJsonArray{withCertificate}).toJson(),
                             {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json().value(u"detail").toString().contains(QLatin1String("Record 1")));

    // 2. The file placed with the command line: its SHA-256 is printed, and the enterprise
    // downloads it like its own uploads.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(pdf);
    file.flush();
    r = runAdmin(b.db->url(), {QStringLiteral("upload-file"), QStringLiteral("--uscc"),
                               b.account.uscc, file.fileName()});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject placed = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(placed.value(u"sha256").toString(), sha);
    QCOMPARE(placed.value(u"mimeType").toString(), QStringLiteral("application/pdf"));
    QCOMPARE(placed.value(u"size").toInteger(), pdf.size());
    reply = http.get(QStringLiteral("/api/v1/files/") + sha);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, pdf);
    // The same file again changes nothing.
    r = runAdmin(b.db->url(), {QStringLiteral("upload-file"), QStringLiteral("--uscc"),
                               b.account.uscc, file.fileName()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"sha256").toString(), sha);

    // 3. Now the records go in, and the certificate is on the record.
    r = uploadFile(b.db->url(), {plain, withCertificate});
    QCOMPARE(r.exitCode, 0);
    bool found = false;
    for (const QJsonValue &v : http.get(QStringLiteral("/api/v1/verificationRecords?limit=1000"))
                                   .json()
                                   .value(u"items")
                                   .toArray()) {
        const QJsonObject data = v.toObject().value(u"data").toObject();
        if (data.value(u"certificateNo").toString() == QLatin1String("JD-F-1"))
            found = data.value(u"certificate").toString() == sha;
    }
    QVERIFY(found);

    // 4. Files belong to one enterprise: another enterprise's record cannot name this one, and
    // the other enterprise cannot download it.
    const Account other = createAccount(b.db->url(), backend == QLatin1String("sqlite") ? 61 : 62);
    QJsonObject theirs = record(other.uscc, QStringLiteral("JD-F-2"), QStringLiteral("CERT-2"));
    theirs.insert(QStringLiteral("certificate"), sha);
    r = uploadFile(b.db->url(), {theirs});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("Record 1")));
    Http otherHttp(b.server->base());
    otherHttp.setToken(accessToken(b.server->base(), other));
    QCOMPARE(otherHttp.get(QStringLiteral("/api/v1/files/") + sha).status, 404);

    // 5. The admin route: the body is the file. Then that enterprise's record may name it.
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + newId().toLatin1();
    const QString pngSha =
        QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
    const QString route = QStringLiteral("/api/v1/admin/enterprises/%1/files");
    reply = admin.send("POST", route.arg(other.uscc), png,
                       {{"Content-Type", "application/octet-stream"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"sha256").toString(), pngSha);
    QCOMPARE(reply.json().value(u"mimeType").toString(), QStringLiteral("image/png"));
    QCOMPARE(otherHttp.get(QStringLiteral("/api/v1/files/") + pngSha).body, png);
    theirs.insert(QStringLiteral("certificate"), pngSha);
    QCOMPARE(uploadFile(b.db->url(), {theirs}).exitCode, 0);
    // Refused: a type not accepted, an unknown enterprise, an enterprise token.
    reply = admin.send("POST", route.arg(other.uscc), "just text",
                       {{"Content-Type", "application/octet-stream"}});
    QCOMPARE(reply.status, 415);
    reply = admin.send("POST", route.arg(makeUscc(4712)), png,
                       {{"Content-Type", "application/octet-stream"}});
    QCOMPARE(reply.status, 404);
    reply = otherHttp.send("POST", route.arg(other.uscc), png,
                           {{"Content-Type", "application/octet-stream"}});
    QCOMPARE(reply.status, 403);
}

void TestServerVerification::adminEndpoints()
{
    JL_FETCH_BACKEND(b, m_sqlite, m_pg);
    Http admin(b.server->base());
    admin.setToken(adminToken(b.db->url()));
    const QString uscc = makeUscc(backend == QLatin1String("sqlite") ? 700 : 701);
    Reply r = admin.post(QStringLiteral("/api/v1/admin/enterprises"),
                         {{QStringLiteral("uscc"), uscc},
                          {QStringLiteral("name"), QStringLiteral("管理端企业")},
                          {QStringLiteral("economicNature"), QStringLiteral("私营")}});
    QCOMPARE(r.status, 201);
    QCOMPARE(
        admin
            .post(QStringLiteral("/api/v1/admin/enterprises"),
                  {{QStringLiteral("uscc"), uscc}, {QStringLiteral("name"), QStringLiteral("x")}})
            .status,
        409);
    r = admin.post(QStringLiteral("/api/v1/admin/enterprises/%1/account").arg(uscc), QJsonObject());
    QCOMPARE(r.status, 201);
    Account a{uscc, r.json().value(u"password").toString(), {}};
    Http http(b.server->base());
    http.setToken(accessToken(b.server->base(), a));
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise"))
                 .json()
                 .value(u"data")
                 .toObject()
                 .value(u"economicNature"),
             QJsonValue(QStringLiteral("私营")));
    QCOMPARE(http.put(QStringLiteral("/api/v1/instruments/") + newId(),
                      instrumentPayload(QStringLiteral("ADM-1")))
                 .status,
             201);
    r = admin.send(
        "POST", QStringLiteral("/api/v1/admin/verificationRecords"),
        QJsonDocument(QJsonArray{record(uscc, QStringLiteral("JD-E-1"), QStringLiteral("ADM-1"))})
            .toJson(),
        {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"matched").toInt(), 1);
    r = admin.post(QStringLiteral("/api/v1/admin/enterprises/%1/resetPassword").arg(uscc),
                   QJsonObject());
    QCOMPARE(r.status, 200);
    QCOMPARE(http.get(QStringLiteral("/api/v1/enterprise")).status, 401);
    QCOMPARE(admin
                 .post(QStringLiteral("/api/v1/admin/enterprises/%1/account").arg(makeUscc(4711)),
                       QJsonObject())
                 .status,
             404);

    // An enterprise token is refused by every admin route; no token at all is 401.
    http.setToken(accessToken(b.server->base(), b.account));
    for (const auto &[method, path] : {std::pair{"POST", "/api/v1/admin/enterprises"},
                                       std::pair{"POST", "/api/v1/admin/verificationRecords"},
                                       std::pair{"PUT", "/api/v1/admin/reference/institutions"},
                                       std::pair{"POST", "/api/v1/admin/epoch"}}) {
        r = http.send(method, QLatin1String(path), "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("admin-only"));
    }
    Http anonymous(b.server->base());
    QCOMPARE(anonymous.post(QStringLiteral("/api/v1/admin/epoch"), QJsonObject()).status, 401);
}

void TestServerVerification::adminCommandLine()
{
    const QString url = m_sqlite.db->url();
    CommandResult r = runAdmin(url, {QStringLiteral("create-enterprise"), QStringLiteral("--uscc"),
                                     QStringLiteral("913301000000000001"), QStringLiteral("--name"),
                                     QStringLiteral("x")});
    QCOMPARE(r.exitCode, 1); // the check character is wrong
    QVERIFY(r.err.contains(QLatin1String("not a valid unified social credit code")));
    r = runAdmin(url, {QStringLiteral("create-enterprise"), QStringLiteral("--uscc"),
                       m_sqlite.account.uscc, QStringLiteral("--name"), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 1);
    r = runAdmin(
        url, {QStringLiteral("create-account"), QStringLiteral("--uscc"), m_sqlite.account.uscc});
    QCOMPARE(r.exitCode, 1); // one account per enterprise: reset it instead
    r = runAdmin(url, {QStringLiteral("no-such-command")});
    QCOMPARE(r.exitCode, 2);
    r = runAdmin(url, {QStringLiteral("help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("create-account")));
}

QTEST_GUILESS_MAIN(TestServerVerification)
#include "tst_serververification.moc"
