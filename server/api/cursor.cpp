#include "server/api/cursor.h"

#include "server/auth/secrets.h"

#include <QMessageAuthenticationCode>

namespace jl::server {

namespace {

QByteArray mac(const QByteArray &payload, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(payload, secret, QCryptographicHash::Sha256).left(16);
}

constexpr auto Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

QString Cursor::encode(const QByteArray &secret) const
{
    const QByteArray payload =
        "1|" + enterpriseId.toLatin1() + '|' + epoch.toLatin1() + '|' + QByteArray::number(seq);
    return QString::fromLatin1(payload.toBase64(Options) + '.' +
                               mac(payload, secret).toBase64(Options));
}

Outcome<Cursor> Cursor::decode(const QString &text, const QByteArray &secret)
{
    const ApiError invalid = ApiError::make(400, Msg::CursorInvalid);
    const QList<QByteArray> parts = text.toLatin1().split('.');
    if (parts.size() != 2)
        return invalid;
    const auto payload = QByteArray::fromBase64Encoding(parts.at(0), Options);
    const auto tag = QByteArray::fromBase64Encoding(parts.at(1), Options);
    if (!payload || !tag || !secrets::constantTimeEquals(mac(*payload, secret), *tag))
        return invalid;
    const QList<QByteArray> fields = (*payload).split('|');
    bool ok = false;
    Cursor c;
    if (fields.size() != 4 || fields.at(0) != "1")
        return invalid;
    c.enterpriseId = QString::fromLatin1(fields.at(1));
    c.epoch = QString::fromLatin1(fields.at(2));
    c.seq = fields.at(3).toLongLong(&ok);
    if (!ok || c.seq < 0)
        return invalid;
    return c;
}

} // namespace jl::server
