#include "server/messages.h"

#include <QHash>

namespace jl::server {

namespace {

// English and Chinese side by side, so a new message is never half-translated. Details are
// sentences a user can act on; %1… are filled in by messageDetail().
struct Entry {
    Msg msg;
    const char *code;
    const char *titleEn;
    const char *titleZh;
    const char *detailEn;
    const char *detailZh;
};

const Entry Entries[] = {
    {Msg::BadRequest, "bad-request", "Bad request", "请求有误", "%1", "%1"},
    {Msg::BadJson, "bad-json", "Not valid JSON", "数据格式错误",
     "The request body is not a valid JSON object.", "请求内容不是有效的 JSON 对象。"},
    {Msg::InvalidId, "invalid-id", "Invalid id", "编号无效", "The record id \"%1\" is not a UUID.",
     "记录编号“%1”不是 UUID。"},
    {Msg::InvalidQuery, "invalid-query", "Invalid parameter", "参数无效",
     "The parameter %1 is not valid.", "参数 %1 无效。"},
    {Msg::NotFound, "not-found", "Not found", "未找到", "There is no such record or address.",
     "没有找到该记录或地址。"},
    {Msg::MethodNotAllowed, "method-not-allowed", "Not allowed", "不支持的操作",
     "This address does not accept %1 requests.", "该地址不支持 %1 请求。"},
    {Msg::PayloadTooLarge, "payload-too-large", "Request too large", "请求过大",
     "The request is larger than the limit of %1 bytes.", "请求超过了 %1 字节的上限。"},
    {Msg::UnsupportedProtocol, "unsupported-protocol", "Please update the program", "请升级程序",
     "This version of the program is no longer supported by the server. Please install "
     "a version that speaks protocol %1 or newer.",
     "服务器已不再支持此版本的程序，请安装支持协议版本 %1 或更高版本的程序。"},
    {Msg::Unauthorized, "unauthorized", "Please log in", "请登录",
     "You are not logged in, or your login is no longer valid. Please log in again.",
     "您尚未登录或登录已失效，请重新登录。"},
    {Msg::TokenExpired, "token-expired", "Login expired", "登录已过期",
     "Your login has expired. Please log in again.", "您的登录已过期，请重新登录。"},
    {Msg::AdminOnly, "admin-only", "Not allowed", "无权操作", "Only the administrator may do this.",
     "只有管理员可以执行此操作。"},
    {Msg::EnterpriseOnly, "enterprise-only", "Not allowed", "无权操作",
     "This address is for enterprise accounts.", "该地址仅供企业账号使用。"},
    {Msg::RateLimited, "rate-limited", "Too many requests", "请求过于频繁",
     "Too many requests in a short time. Please wait %1 seconds and try again.",
     "短时间内请求过多，请等待 %1 秒后重试。"},
    {Msg::Validation, "validation", "Please check the entries", "请检查填写内容", "%1", "%1"},
    {Msg::ServerOwnedField, "server-owned-field", "Field not allowed", "字段不允许修改",
     "The field %1 is set by the server and cannot be sent.", "字段 %1 由服务器设置，不能提交。"},
    {Msg::ReadOnlyCollection, "read-only", "Read only", "只读数据",
     "These records are kept by the server and cannot be changed here.",
     "这些记录由服务器维护，不能在此修改。"},
    {Msg::PreconditionFailed, "conflict", "Changed by someone else", "记录已被他人修改",
     "This record was changed on the server since you last synchronised (your version %1, "
     "the server's %2). Compare the two versions and save again.",
     "自上次同步后，服务器上的这条记录已被修改（您的版本 %1，服务器版本 "
     "%2）。请比较两个版本后重新保存。"},
    {Msg::PreconditionRequired, "precondition-required", "Version missing", "缺少版本号",
     "This record already exists: send the version you changed (If-Match).",
     "该记录已存在，请提交您修改时的版本号（If-Match）。"},
    {Msg::RecordDeleted, "deleted", "Record deleted", "记录已删除",
     "This record was deleted on the server.", "该记录已在服务器上删除。"},
    {Msg::IdempotencyMismatch, "idempotency-mismatch", "Operation key reused", "操作编号重复",
     "This operation key was already used for a different change.", "该操作编号已用于另一项修改。"},
    {Msg::IdempotencyInFlight, "idempotency-in-flight", "Still in progress", "正在处理",
     "The same change is still being processed. Try again in a moment.",
     "相同的修改正在处理中，请稍后重试。"},
    {Msg::IdempotencyKeyInvalid, "idempotency-key-invalid", "Invalid operation key", "操作编号无效",
     "The Idempotency-Key must be 1 to 200 printable characters.",
     "Idempotency-Key 必须是 1 到 200 个可打印字符。"},
    {Msg::SerialTaken, "serial-taken", "Serial number in use", "出厂编号重复",
     "An instrument with serial number %1 is already in the active library.",
     "在用计量器具库中已有出厂编号为 %1 的器具。"},
    {Msg::RestoreSerialTaken, "restore-serial-taken", "Cannot restore", "无法恢复",
     "Cannot restore this instrument: serial number %1 is in the active library again. Move "
     "that one to history first, or keep this one in history.",
     "无法恢复该器具：出厂编号 %1 "
     "已在在用计量器具库中。请先将那台器具移入历史库，或保留此器具在历史库中。"},
    {Msg::DeleteOnlyHistory, "delete-only-history", "Cannot delete", "无法删除",
     "Only instruments in the history library can be deleted for good; move it to history "
     "first.",
     "只有曾用计量器具库中的器具可以彻底删除，请先将其移入历史库。"},
    {Msg::CursorInvalid, "cursor-invalid", "Invalid sync position", "同步位置无效",
     "The sync position sent is not one this server made.", "提交的同步位置不是本服务器生成的。"},
    {Msg::CursorGone, "cursor-gone", "Full sync needed", "需要完整同步",
     "The sync position is too old or from another server epoch. Download everything again.",
     "同步位置已过期或来自服务器的其他时期，请重新下载全部数据。"},
    {Msg::UnknownCommand, "unknown-command", "Unknown action", "未知操作",
     "The action %1 does not exist for these records.", "这类记录没有“%1”操作。"},
    {Msg::CommandNotAllowed, "command-not-allowed", "Action not possible", "无法执行该操作",
     "The action %1 is not possible while the record is %2.",
     "记录处于“%2”状态时不能执行“%1”操作。"},
    {Msg::BatchTooLarge, "batch-too-large", "Too many changes", "修改过多",
     "A batch holds at most %1 changes.", "一批最多包含 %1 项修改。"},
    {Msg::BatchStopped, "batch-stopped", "Not processed", "未处理",
     "This change was not processed because an earlier one could not be completed. Send it "
     "again.",
     "由于之前的修改未能完成，此项修改未被处理，请重新提交。"},
    {Msg::FileTooLarge, "file-too-large", "File too large", "文件过大",
     "The file is larger than the limit of %1 MB.", "文件超过了 %1 MB 的上限。"},
    {Msg::FileTypeRefused, "file-type-refused", "File type not accepted", "文件类型不支持",
     "This file is not a PDF, JPEG, PNG, Word or Excel document.",
     "该文件不是 PDF、JPEG、PNG、Word 或 Excel 文件。"},
    {Msg::FileHashMismatch, "file-hash-mismatch", "File damaged", "文件已损坏",
     "The uploaded file does not match its SHA-256 fingerprint. Upload it again.",
     "上传的文件与其 SHA-256 指纹不符，请重新上传。"},
    {Msg::ChunkTooLarge, "chunk-too-large", "Part too large", "分片过大",
     "A file is uploaded in parts of at most %1 bytes.", "文件需分片上传，每片最多 %1 字节。"},
    {Msg::ChunkOutOfOrder, "chunk-out-of-order", "Part out of order", "分片顺序错误",
     "The server has %1 bytes of this file; continue from there.",
     "服务器已收到该文件的 %1 字节，请从此处继续上传。"},
    {Msg::BadContentRange, "bad-content-range", "Invalid part", "分片无效",
     "Each part needs a Content-Range header (bytes first-last/total) that matches its "
     "size.",
     "每个分片都需要与其大小一致的 Content-Range 头（bytes 起始-结束/总长）。"},
    {Msg::FileIncomplete, "file-incomplete", "Upload incomplete", "上传未完成",
     "This file has not been uploaded completely yet.", "该文件尚未完整上传。"},
    {Msg::ReferenceNotFound, "reference-not-found", "Linked record missing", "关联记录不存在",
     "The %1 %2 does not exist.", "%1 %2 不存在。"},
    {Msg::UnknownEnterprise, "unknown-enterprise", "Unknown enterprise", "企业不存在",
     "There is no enterprise with the code %1.", "没有统一社会信用代码为 %1 的企业。"},
    {Msg::DuplicateEnterprise, "duplicate-enterprise", "Enterprise exists", "企业已存在",
     "An enterprise with the code %1 already exists.", "统一社会信用代码为 %1 的企业已存在。"},
    {Msg::InternalError, "internal-error", "Server error", "服务器错误",
     "The server could not complete the request. Please try again later.",
     "服务器未能完成请求，请稍后重试。"},
    {Msg::Unavailable, "unavailable", "Server busy", "服务器繁忙",
     "The server is busy. Please try again in a moment.", "服务器繁忙，请稍后重试。"},
    {Msg::LoginFailed, "login-failed", "Login failed", "登录失败",
     "The unified social credit code or the password is wrong.", "统一社会信用代码或密码错误。"},
    {Msg::LoginTooManyAttempts, "login-too-many-attempts", "Too many attempts", "尝试次数过多",
     "Too many failed logins. Please wait %1 seconds.", "登录失败次数过多，请等待 %1 秒。"},
    {Msg::LoginBadRequest, "login-bad-request", "Cannot log in", "无法登录",
     "The login request is not valid: %1", "登录请求无效：%1"},
    {Msg::InvalidGrant, "invalid_grant", "Login no longer valid", "登录已失效",
     "The login code or refresh token is invalid, expired or already used. Please log in "
     "again.",
     "登录码或刷新令牌无效、已过期或已被使用，请重新登录。"},
    {Msg::InvalidClient, "invalid_client", "Unknown program", "未知程序",
     "The program asking to log in is not registered.", "请求登录的程序未注册。"},
    {Msg::UnsupportedGrant, "unsupported_grant_type", "Unsupported login", "不支持的登录方式",
     "The grant type %1 is not supported.", "不支持授权类型 %1。"},
};

const Entry &entry(Msg msg)
{
    static const QHash<int, const Entry *> index = [] {
        QHash<int, const Entry *> h;
        for (const Entry &e : Entries)
            h.insert(int(e.msg), &e);
        return h;
    }();
    const Entry *e = index.value(int(msg), nullptr);
    Q_ASSERT(e);
    return e ? *e : Entries[0];
}

} // namespace

Lang langFromAcceptLanguage(const QByteArray &acceptLanguage)
{
    // The first language listed wins; quality values are not worth weighing for two choices.
    const QByteArray first = acceptLanguage.split(',').value(0).trimmed().toLower();
    return first.startsWith("zh") ? Lang::Zh : Lang::En;
}

QString messageCode(Msg msg)
{
    return QString::fromLatin1(entry(msg).code);
}

QString messageTitle(Msg msg, Lang lang)
{
    const Entry &e = entry(msg);
    return QString::fromUtf8(lang == Lang::Zh ? e.titleZh : e.titleEn);
}

QString messageDetail(Msg msg, Lang lang, const QStringList &args)
{
    const Entry &e = entry(msg);
    QString text = QString::fromUtf8(lang == Lang::Zh ? e.detailZh : e.detailEn);
    // Substituted in one pass, so an argument containing "%2" is not expanded again.
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            const int n = text.at(i + 1).digitValue();
            out += n >= 1 && n <= args.size() ? args.at(n - 1) : QString();
            ++i;
            continue;
        }
        out += text.at(i);
    }
    return out;
}

} // namespace jl::server
