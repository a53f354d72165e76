#include "server/auth/loginpage.h"

namespace jl::server {

namespace {

struct Labels {
    const char *title;
    const char *heading;
    const char *uscc;
    const char *password;
    const char *submit;
    const char *note;
};

const Labels En = {"Legal-person login",
                   "Zhejiang government services · legal-person login",
                   "Unified social credit code",
                   "Password",
                   "Log in",
                   "Reference server of Jiliang. The program that sent you here receives a "
                   "one-time code, never your password."};
const Labels Zh = {"法人登录",
                   "浙江政务服务网 · 法人登录",
                   "统一社会信用代码",
                   "密码",
                   "登录",
                   "计量参考服务器。发起登录的程序只会收到一次性授权码，不会得到您的密码。"};

QString page(Lang lang, const QString &body)
{
    const Labels &l = lang == Lang::Zh ? Zh : En;
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width\">"
               "<title>%2</title><style>"
               "body{font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em}"
               "label{display:block;margin-top:1em}input{width:100%;padding:.4em;"
               "box-sizing:border-box}button{margin-top:1.5em;padding:.5em 2em}"
               ".error{color:#c62828}.note{color:#555;font-size:.9em}</style></head>"
               "<body><h1>%3</h1>%4</body></html>\n")
        .arg(lang == Lang::Zh ? QStringLiteral("zh-CN") : QStringLiteral("en"),
             QString::fromUtf8(l.title), QString::fromUtf8(l.heading), body);
}

QString hidden(const char *name, const QString &value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
        .arg(QLatin1String(name), value.toHtmlEscaped());
}

} // namespace

QString LoginPage::form(const AuthorizationRequest &r, Lang lang, const QString &uscc,
                        const QString &error)
{
    const Labels &l = lang == Lang::Zh ? Zh : En;
    QString body;
    if (!error.isEmpty())
        body +=
            QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>").arg(error.toHtmlEscaped());
    body += QStringLiteral("<form method=\"post\" action=\"/oauth/authorize\">");
    body += hidden("response_type", QStringLiteral("code")) + hidden("client_id", r.clientId) +
            hidden("redirect_uri", r.redirectUri) + hidden("state", r.state) +
            hidden("code_challenge", r.codeChallenge) +
            hidden("code_challenge_method", QStringLiteral("S256"));
    body += QStringLiteral("<label>%1<input name=\"uscc\" value=\"%2\" maxlength=\"18\" "
                           "autocomplete=\"username\" required autofocus></label>")
                .arg(QString::fromUtf8(l.uscc), uscc.toHtmlEscaped());
    body += QStringLiteral("<label>%1<input name=\"password\" type=\"password\" "
                           "autocomplete=\"current-password\" required></label>")
                .arg(QString::fromUtf8(l.password));
    body += QStringLiteral("<button type=\"submit\">%1</button></form><p class=\"note\">%2</p>")
                .arg(QString::fromUtf8(l.submit), QString::fromUtf8(l.note));
    return page(lang, body);
}

QString LoginPage::refusal(Lang lang, const QString &reason)
{
    return page(
        lang,
        QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>").arg(reason.toHtmlEscaped()));
}

} // namespace jl::server
