#include "server/admin/adminendpoints.h"

#include "server/admin/adminservice.h"
#include "server/admin/fileadmin.h"
#include "server/admin/referenceadmin.h"
#include "server/admin/uscc.h"
#include "server/admin/verificationupload.h"
#include "server/storage/connectionpool.h"

#include <QJsonDocument>

namespace jl::server {

void AdminEndpoints::addAction(Router &router, const QByteArray &method, const QString &path,
                               int status, Action action)
{
    router.add(method, QStringLiteral("/api/v1/admin") + path, Access::Admin,
               [status, action = std::move(action)](const Request &request, const Principal &) {
                   auto result = action(request);
                   if (!result)
                       return Response::problem(result.error(), request.lang());
                   return Response::json(status, result.value());
               });
}

void AdminEndpoints::addRoutes(Router &router)
{
    const Services s = m_services;
    auto body = [](const Request &r) {
        return QJsonDocument::fromJson(r.body).object();
    };
    auto text = [body](const Request &r, const char *key) {
        return body(r).value(QLatin1String(key)).toString();
    };

    addAction(router, "POST", QStringLiteral("/enterprises"), 201,
              [s, text](const Request &r) -> Outcome<QJsonObject> {
                  AdminService admin(s.db, s.settings);
                  auto e = admin.createEnterprise(text(r, "uscc"), text(r, "name"),
                                                  text(r, "economicNature"));
                  if (!e)
                      return e.error();
                  return e->toJson();
              });
    addAction(router, "POST", QStringLiteral("/enterprises/{uscc}/account"), 201,
              [s](const Request &r) -> Outcome<QJsonObject> {
                  AdminService admin(s.db, s.settings);
                  auto pw = admin.createAccount(r.arg(QStringLiteral("uscc")));
                  if (!pw)
                      return pw.error();
                  return QJsonObject{
                      {QStringLiteral("login"), uscc::normalized(r.arg(QStringLiteral("uscc")))},
                      {QStringLiteral("password"), pw.value()}};
              });
    addAction(router, "POST", QStringLiteral("/enterprises/{uscc}/resetPassword"), 200,
              [s](const Request &r) -> Outcome<QJsonObject> {
                  AdminService admin(s.db, s.settings);
                  auto pw = admin.resetPassword(r.arg(QStringLiteral("uscc")));
                  if (!pw)
                      return pw.error();
                  return QJsonObject{
                      {QStringLiteral("login"), uscc::normalized(r.arg(QStringLiteral("uscc")))},
                      {QStringLiteral("password"), pw.value()}};
              });
    // The body is the file itself (within the request body limit; larger ones through the
    // admin command line).
    addAction(router, "POST", QStringLiteral("/enterprises/{uscc}/files"), 200,
              [s](const Request &r) {
                  return FileAdmin::store(s.db, r.arg(QStringLiteral("uscc")), r.body);
              });
    addAction(router, "POST", QStringLiteral("/verificationRecords"), 200, [s](const Request &r) {
        return VerificationUpload::upload(s.db, s.settings, r.body);
    });
    addAction(router, "PUT", QStringLiteral("/reference/institutions"), 200,
              [s](const Request &r) { return ReferenceAdmin(s.db).loadInstitutions(r.body); });
    addAction(router, "POST", QStringLiteral("/reference/calendar"), 200,
              [s](const Request &r) { return ReferenceAdmin(s.db).publishCalendar(r.body); });
    addAction(router, "PUT", QStringLiteral("/reference/thresholds"), 200,
              [s](const Request &r) { return ReferenceAdmin(s.db).setThresholds(r.body); });
    addAction(router, "PATCH", QStringLiteral("/reference/settings"), 200,
              [s](const Request &r) { return ReferenceAdmin(s.db).setSettings(r.body); });
    addAction(router, "POST", QStringLiteral("/epoch"), 200,
              [s](const Request &) -> Outcome<QJsonObject> {
                  auto e = AdminService(s.db, s.settings).newEpoch();
                  if (!e)
                      return e.error();
                  return QJsonObject{{QStringLiteral("epoch"), e.value()}};
              });
}

} // namespace jl::server
