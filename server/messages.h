#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace jl::server {

// The language of the messages a response carries: Chinese when the request asks for it
// (Accept-Language: zh…), else English. The client shows these messages as they are.
enum class Lang { En, Zh };

Lang langFromAcceptLanguage(const QByteArray &acceptLanguage);

// Every message the server can show a user, as a stable code with an English and a Chinese
// text (messages.cpp). Problem responses carry the code, so clients and tests can branch on
// it without parsing prose.
enum class Msg {
    BadRequest,
    BadJson,
    InvalidId,
    InvalidQuery,
    NotFound,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedProtocol,
    Unauthorized,
    TokenExpired,
    AdminOnly,
    EnterpriseOnly,
    RateLimited,
    Validation,
    ServerOwnedField,
    ReadOnlyCollection,
    PreconditionFailed,
    PreconditionRequired,
    RecordDeleted,
    IdempotencyMismatch,
    IdempotencyInFlight,
    IdempotencyKeyInvalid,
    SerialTaken,
    RestoreSerialTaken,
    DeleteOnlyHistory,
    CursorInvalid,
    CursorGone,
    UnknownCommand,
    CommandNotAllowed,
    BatchTooLarge,
    BatchStopped,
    FileTooLarge,
    FileTypeRefused,
    FileHashMismatch,
    ChunkTooLarge,
    ChunkOutOfOrder,
    BadContentRange,
    FileIncomplete,
    ReferenceNotFound,
    UnknownEnterprise,
    DuplicateEnterprise,
    InternalError,
    Unavailable,
    // Login page and token endpoint
    LoginFailed,
    LoginTooManyAttempts,
    LoginBadRequest,
    InvalidGrant,
    InvalidClient,
    UnsupportedGrant,
};

QString messageCode(Msg msg); // "not-found"
QString messageTitle(Msg msg, Lang lang);
// The detail with %1, %2 … replaced by args.
QString messageDetail(Msg msg, Lang lang, const QStringList &args = {});

} // namespace jl::server
