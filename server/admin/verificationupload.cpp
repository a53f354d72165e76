#include "server/admin/verificationupload.h"

#include "server/admin/fileadmin.h"
#include "server/admin/uscc.h"
#include "server/api/verificationmatcher.h"
#include "server/storage/connectionpool.h"
#include "server/storage/recordstore.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace jl::server {

namespace {

const QUuid RecordNamespace(QStringLiteral("{2b7c4f0e-95d1-4e0a-8a57-1f0c6a3e9d42}"));

ApiError invalid(int index, const QString &what)
{
    return ApiError::make(422, Msg::Validation,
                          {QStringLiteral("Record %1: %2").arg(index + 1).arg(what)})
        .with(QStringLiteral("index"), index);
}

struct Incoming {
    QString enterpriseId;
    StoredRecord record;
};

} // namespace

Outcome<QJsonObject> VerificationUpload::upload(ConnectionPool &pool, const Settings &settings,
                                                const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonArray input =
        doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("records")).toArray();
    if (!doc.isArray() && !doc.object().value(QStringLiteral("records")).isArray())
        return ApiError::make(400, Msg::BadJson);
    auto db = pool.local();
    if (!db)
        return db.error();
    QHash<QString, QString> enterprises; // uscc → id
    QHash<QString, QList<StoredRecord>> byEnterprise;
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    static const QStringList results = {QStringLiteral("pass"), QStringLiteral("fail")};
    for (int i = 0; i < input.size(); ++i) {
        const QJsonObject in = input.at(i).toObject();
        auto text = [&in](const char *key) {
            return in.value(QLatin1String(key)).toString().trimmed();
        };
        const QString code = uscc::normalized(text("uscc"));
        if (!enterprises.contains(code)) {
            auto rows =
                (*db)->run(QStringLiteral("SELECT id FROM enterprises WHERE uscc = ?"), {code});
            if (!rows)
                return rows.error();
            if (rows->isEmpty())
                return invalid(i, QStringLiteral("no enterprise with the code \"%1\"").arg(code));
            enterprises.insert(code, rows->value(0, 0).toString());
        }
        if (text("certificateNo").isEmpty() || text("serialNo").isEmpty())
            return invalid(i, QStringLiteral("certificateNo and serialNo are required"));
        const QDate verifiedAt = QDate::fromString(text("verifiedAt"), Qt::ISODate);
        const QDate validUntil = QDate::fromString(text("validUntil"), Qt::ISODate);
        if (!verifiedAt.isValid() || (!text("validUntil").isEmpty() && !validUntil.isValid()))
            return invalid(i, QStringLiteral("verifiedAt and validUntil are dates (yyyy-MM-dd)"));
        if (!results.contains(text("result")))
            return invalid(i, QStringLiteral("result is pass or fail"));
        if (!text("certificate").isEmpty() && !sha.match(text("certificate")).hasMatch())
            return invalid(i, QStringLiteral("certificate is a file's SHA-256 (64 hex digits)"));
        if (!text("certificate").isEmpty()) {
            // The client downloads the certificate from the enterprise's file store: a hash
            // naming nothing there would be a link that never opens.
            auto present = FileAdmin::has(**db, enterprises.value(code), text("certificate"));
            if (!present)
                return present.error();
            if (!present.value())
                return invalid(i, QStringLiteral("certificate %1 is not in the file store of "
                                                 "enterprise %2; upload the file first (admin "
                                                 "upload-file)")
                                      .arg(text("certificate"), code));
        }
        StoredRecord r;
        r.collection = QLatin1String(VerificationMatcher::Records);
        r.id = QUuid::createUuidV5(RecordNamespace, code + QLatin1Char('|') + text("certificateNo"))
                   .toString(QUuid::WithoutBraces);
        for (const char *key : {"certificateNo", "serialNo", "instrumentName", "model",
                                "institution", "verifiedAt", "result", "validUntil", "certificate"})
            r.data.insert(QLatin1String(key), text(key));
        byEnterprise[enterprises.value(code)].append(r);
    }

    int matched = 0;
    // One transaction per enterprise: each takes only its own counter row.
    for (auto it = byEnterprise.cbegin(); it != byEnterprise.cend(); ++it) {
        auto done = RecordStore::transact<int>(
            **db, it.key(), settings, [&](RecordStore &store) -> Outcome<int> {
                int n = 0;
                for (StoredRecord r : it.value()) {
                    auto current = store.get(r.collection, r.id);
                    if (!current)
                        return current.error();
                    if (current->has_value())
                        r.rev = (*current)->rev;
                    auto stored = VerificationMatcher::arrive(store, r);
                    if (!stored)
                        return stored.error();
                    n += stored->flag == 0 ? 1 : 0;
                }
                return n;
            });
        if (!done)
            return done.error();
        matched += done.value();
    }
    return QJsonObject{{QStringLiteral("uploaded"), input.size()},
                       {QStringLiteral("matched"), matched},
                       {QStringLiteral("unmatched"), int(input.size()) - matched}};
}

} // namespace jl::server
