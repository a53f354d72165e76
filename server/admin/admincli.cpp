#include "server/admin/admincli.h"

#include "server/admin/adminservice.h"
#include "server/admin/fileadmin.h"
#include "server/admin/maintenance.h"
#include "server/admin/referenceadmin.h"
#include "server/admin/verificationupload.h"
#include "server/core/server.h"
#include "server/storage/connectionpool.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <functional>

namespace jl::server {

namespace {

void say(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

int print(const Outcome<QJsonObject> &result)
{
    if (!result) {
        const ApiError &e = result.error();
        say(stderr, QStringLiteral("error: ") + messageDetail(e.msg, Lang::En, e.args) +
                        (e.log.isEmpty() ? QString() : QStringLiteral(" (") + e.log + u')'));
        return 1;
    }
    say(stdout, QString::fromUtf8(QJsonDocument(result.value()).toJson(QJsonDocument::Compact)));
    return 0;
}

Outcome<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::make(400, Msg::BadRequest,
                              {QStringLiteral("cannot read %1: %2").arg(path, f.errorString())});
    return f.readAll();
}

struct Command {
    const char *name;
    const char *usage;
    QList<QCommandLineOption> options;
    int positional; // file arguments
    std::function<Outcome<QJsonObject>(const QCommandLineParser &)> run;
};

} // namespace

int AdminCli::run(Server &server, const Options &options)
{
    AdminService admin(server.db(), options.settings);
    ReferenceAdmin reference(server.db());
    const QCommandLineOption usccOpt(QStringLiteral("uscc"), QStringLiteral("统一社会信用代码"),
                                     QStringLiteral("code"));
    const QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("Enterprise name"),
                                     QStringLiteral("name"));
    const QCommandLineOption natureOpt(QStringLiteral("economic-nature"),
                                       QStringLiteral("经济性质"), QStringLiteral("nature"));
    const QCommandLineOption labelOpt(QStringLiteral("label"), QStringLiteral("Who holds it"),
                                      QStringLiteral("label"), QStringLiteral("admin"));
    const QCommandLineOption daysOpt(QStringLiteral("older-than-days"),
                                     QStringLiteral("Tombstones older than this"),
                                     QStringLiteral("days"), QStringLiteral("180"));
    auto value = [](const QCommandLineParser &p, const QCommandLineOption &o) {
        return p.value(o);
    };
    auto fileCommand = [&](auto apply) {
        return [&, apply](const QCommandLineParser &p) -> Outcome<QJsonObject> {
            auto bytes = readFile(p.positionalArguments().value(0));
            if (!bytes)
                return bytes.error();
            return apply(bytes.value());
        };
    };

    const QList<Command> commands = {
        {"create-enterprise",
         "--uscc CODE --name NAME [--economic-nature 私营]",
         {usccOpt, nameOpt, natureOpt},
         0,
         [&](const QCommandLineParser &p) -> Outcome<QJsonObject> {
             auto e =
                 admin.createEnterprise(value(p, usccOpt), value(p, nameOpt), value(p, natureOpt));
             return e ? Outcome<QJsonObject>(e->toJson()) : Outcome<QJsonObject>(e.error());
         }},
        {"create-account",
         "--uscc CODE  (prints the random password)",
         {usccOpt},
         0,
         [&](const QCommandLineParser &p) -> Outcome<QJsonObject> {
             auto pw = admin.createAccount(value(p, usccOpt));
             if (!pw)
                 return pw.error();
             return QJsonObject{{QStringLiteral("login"), value(p, usccOpt).trimmed().toUpper()},
                                {QStringLiteral("password"), pw.value()}};
         }},
        {"reset-password",
         "--uscc CODE  (prints the new password)",
         {usccOpt},
         0,
         [&](const QCommandLineParser &p) -> Outcome<QJsonObject> {
             auto pw = admin.resetPassword(value(p, usccOpt));
             if (!pw)
                 return pw.error();
             return QJsonObject{{QStringLiteral("login"), value(p, usccOpt).trimmed().toUpper()},
                                {QStringLiteral("password"), pw.value()}};
         }},
        {"issue-admin-token",
         "[--label WHO]  (prints the admin credential)",
         {labelOpt},
         0,
         [&](const QCommandLineParser &p) -> Outcome<QJsonObject> {
             auto t = admin.issueAdminToken(value(p, labelOpt));
             if (!t)
                 return t.error();
             return QJsonObject{{QStringLiteral("adminToken"), t.value()}};
         }},
        {"new-epoch",
         "(after a restore: every client resyncs)",
         {},
         0,
         [&](const QCommandLineParser &) -> Outcome<QJsonObject> {
             auto e = admin.newEpoch();
             if (!e)
                 return e.error();
             return QJsonObject{{QStringLiteral("epoch"), e.value()}};
         }},
        {"purge-tombstones",
         "[--older-than-days N]  (default 180, the least sync.md allows in production)",
         {daysOpt},
         0,
         [&](const QCommandLineParser &p) -> Outcome<QJsonObject> {
             bool ok = false;
             const int days = value(p, daysOpt).toInt(&ok);
             if (!ok || days < 0)
                 return ApiError::make(400, Msg::InvalidQuery,
                                       {QStringLiteral("--older-than-days")});
             auto db = server.db().local();
             if (!db)
                 return db.error();
             auto n = Maintenance::purgeTombstones(**db, days);
             if (!n)
                 return n.error();
             return QJsonObject{{QStringLiteral("purged"), n.value()}};
         }},
        {"upload-verification-records",
         "FILE.json  ([{uscc, certificateNo, serialNo, instrumentName, model, institution, "
         "verifiedAt, result, validUntil, certificate?}]; certificate: the sha256 of a file "
         "placed with upload-file)",
         {},
         1,
         fileCommand([&](const QByteArray &b) {
             return VerificationUpload::upload(server.db(), options.settings, b);
         })},
        {"upload-file",
         "--uscc CODE FILE  (a certificate for the enterprise's file store; prints its sha256)",
         {usccOpt},
         1,
         [&](const QCommandLineParser &p) -> Outcome<QJsonObject> {
             auto bytes = readFile(p.positionalArguments().value(0));
             if (!bytes)
                 return bytes.error();
             return FileAdmin::store(server.db(), value(p, usccOpt), bytes.value());
         }},
        {"load-institutions",
         "FILE.json  ([{name, phone, address, divisionCode, scope[]}])",
         {},
         1,
         fileCommand([&](const QByteArray &b) { return reference.loadInstitutions(b); })},
        {"publish-calendar",
         "FILE.json  ({years: {\"2027\": {holidays, workdays}}})",
         {},
         1,
         fileCommand([&](const QByteArray &b) { return reference.publishCalendar(b); })},
        {"set-thresholds",
         "FILE.json  ({noticeDays, warningDays})",
         {},
         1,
         fileCommand([&](const QByteArray &b) { return reference.setThresholds(b); })},
        {"set-settings",
         "FILE.json  ({hangzhouPlatformUrl, maxUploadBytes})",
         {},
         1,
         fileCommand([&](const QByteArray &b) { return reference.setSettings(b); })},
    };

    const QString name = options.adminArgs.value(0);
    for (const Command &c : commands) {
        if (name != QLatin1String(c.name))
            continue;
        QCommandLineParser p;
        p.addOptions(c.options);
        if (!p.parse(QStringList{QStringLiteral("admin")} + options.adminArgs.mid(1)) ||
            p.positionalArguments().size() != c.positional) {
            say(stderr, QStringLiteral("usage: jiliang-server admin %1 %2")
                            .arg(QLatin1String(c.name), QString::fromUtf8(c.usage)));
            return 2;
        }
        return print(c.run(p));
    }
    say(name == QLatin1String("help") ? stdout : stderr,
        QStringLiteral("jiliang-server [--database URL] admin COMMAND\ncommands:"));
    for (const Command &c : commands)
        say(name == QLatin1String("help") ? stdout : stderr,
            QStringLiteral("  %1 %2").arg(QLatin1String(c.name), QString::fromUtf8(c.usage)));
    return name == QLatin1String("help") ? 0 : 2;
}

} // namespace jl::server
