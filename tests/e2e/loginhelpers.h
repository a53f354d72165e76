#pragma once

// For the client's end-to-end tests: the test plays the user's browser in a login (fetch the
// authorize page, post its form with the account, follow the redirect to the loopback
// listener), and keeps secrets in memory instead of the keychain when a test wants that.

#include "server/serverharness.h"
#include "sync/secretbackend.h"

#include <QHash>
#include <QRegularExpression>

namespace jl::e2etest {

using servertest::Account;
using servertest::Http;
using servertest::Reply;

struct BrowserVisit {
    int formStatus = 0;     // GET /oauth/authorize
    int postStatus = 0;     // POST of the form: 302 on success, 401 with the form again
    QUrl redirect;          // where the server sent the browser
    int callbackStatus = 0; // the loopback listener's answer
    QString page;           // the last page shown
};

// What a person does in the browser. `tamper` changes the redirect before it is followed
// (an answer that was not for this attempt).
inline BrowserVisit playBrowser(const QUrl &authorizeUrl, const Account &account,
                                const std::function<void(QUrl &)> &tamper = {})
{
    BrowserVisit visit;
    Http http;
    const Reply form = http.send("GET", authorizeUrl.toString(QUrl::FullyEncoded));
    visit.formStatus = form.status;
    visit.page = QString::fromUtf8(form.body);
    if (form.status != 200)
        return visit;
    // The page's hidden fields, as a browser would post them.
    QUrlQuery post;
    static const QRegularExpression hidden(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
    for (auto it = hidden.globalMatch(visit.page); it.hasNext();) {
        const auto m = it.next();
        QString value = m.captured(2);
        value.replace(QStringLiteral("&amp;"), QStringLiteral("&"))
            .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
            .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
            .replace(QStringLiteral("&gt;"), QStringLiteral(">"));
        post.addQueryItem(m.captured(1), QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    post.addQueryItem(QStringLiteral("uscc"), account.uscc);
    post.addQueryItem(QStringLiteral("password"),
                      QString::fromLatin1(QUrl::toPercentEncoding(account.password)));
    http.setBase(authorizeUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString());
    const Reply posted = http.postForm(QStringLiteral("/oauth/authorize"), post);
    visit.postStatus = posted.status;
    visit.page = QString::fromUtf8(posted.body);
    if (posted.status != 302)
        return visit;
    visit.redirect = QUrl(QString::fromLatin1(posted.header("Location")));
    if (tamper)
        tamper(visit.redirect);
    const Reply callback = http.send("GET", visit.redirect.toString(QUrl::FullyEncoded));
    visit.callbackStatus = callback.status;
    visit.page = QString::fromUtf8(callback.body);
    return visit;
}

// Secrets in a hash the test can look into.
class MemorySecrets final : public sync::SecretBackend {
public:
    explicit MemorySecrets(QHash<QString, QByteArray> *entries)
        : m_entries(entries)
    {}
    Answer read(const QString &key) override
    {
        if (!m_entries->contains(key))
            return {Outcome::NotFound, {}, {}};
        return {Outcome::Ok, m_entries->value(key), {}};
    }
    Answer write(const QString &key, const QByteArray &value) override
    {
        m_entries->insert(key, value);
        return {Outcome::Ok, {}, {}};
    }
    Answer remove(const QString &key) override
    {
        m_entries->remove(key);
        return {Outcome::Ok, {}, {}};
    }

private:
    QHash<QString, QByteArray> *m_entries;
};

} // namespace jl::e2etest
