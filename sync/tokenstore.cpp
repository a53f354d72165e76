#include "sync/tokenstore.h"

#include "models/common/logging.h"
#include "sync/keychainbackend.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace jl::sync {

namespace {

const QString Service = QStringLiteral("Jiliang");
// The first entry of a chunked value names how many parts follow under "<key>#<n>".
const QByteArray ChunkMarker = QByteArrayLiteral("jl-chunks:");

QString chunkKey(const QString &key, int n)
{
    return key + QLatin1Char('#') + QString::number(n);
}

QByteArray encode(const TokenPair &tokens)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("access"), tokens.accessToken},
                                     {QStringLiteral("refresh"), tokens.refreshToken}})
        .toJson(QJsonDocument::Compact);
}

TokenPair decode(const QByteArray &value)
{
    const QJsonObject o = QJsonDocument::fromJson(value).object();
    return TokenPair{o.value(u"access").toString(), o.value(u"refresh").toString()};
}

} // namespace

TokenStore::TokenStore(std::unique_ptr<SecretBackend> backend)
    : m_backend(backend ? std::move(backend) : std::make_unique<KeychainBackend>(Service))
    , m_appThread(std::make_unique<QObject>())
{
    if (QCoreApplication::instance())
        m_appThread->moveToThread(QCoreApplication::instance()->thread());
}

TokenStore::~TokenStore() = default;

QString TokenStore::accountKey(const QString &uscc, const QUrl &server)
{
    QUrl url = server.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment |
                               QUrl::NormalizePathSegments);
    url.setHost(url.host().toLower());
    QString text = url.toString();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return uscc.trimmed().toUpper() + QLatin1Char('@') + text;
}

void TokenStore::markUnavailable(const QString &why)
{
    if (!m_unavailable)
        qCWarning(models::lcSync) << "keychain unavailable, tokens stay in memory:" << why;
    m_unavailable = true;
}

SecretBackend::Answer TokenStore::readValue(const QString &key)
{
    SecretBackend::Answer first = m_backend->read(key);
    if (first.outcome != SecretBackend::Outcome::Ok || !first.value.startsWith(ChunkMarker))
        return first;
    const int parts = first.value.mid(ChunkMarker.size()).toInt();
    QByteArray whole;
    for (int n = 0; n < parts; ++n) {
        SecretBackend::Answer part = m_backend->read(chunkKey(key, n));
        if (part.outcome != SecretBackend::Outcome::Ok)
            return part.outcome == SecretBackend::Outcome::NotFound
                       ? SecretBackend::Answer{SecretBackend::Outcome::NotFound, {}, {}}
                       : part;
        whole += part.value;
    }
    return SecretBackend::Answer{SecretBackend::Outcome::Ok, whole, {}};
}

int TokenStore::storedChunks(const QString &key)
{
    const SecretBackend::Answer first = m_backend->read(key);
    if (first.outcome != SecretBackend::Outcome::Ok || !first.value.startsWith(ChunkMarker))
        return 0;
    return first.value.mid(ChunkMarker.size()).toInt();
}

SecretBackend::Answer TokenStore::writeValue(const QString &key, const QByteArray &value)
{
    const int before = storedChunks(key);
    int parts = 0;
    if (value.size() <= MaxChunkBytes && !value.startsWith(ChunkMarker)) {
        SecretBackend::Answer a = m_backend->write(key, value);
        if (a.outcome != SecretBackend::Outcome::Ok)
            return a;
    } else {
        // Parts first, the entry naming them last: a reader never sees a count whose parts
        // are not there yet.
        for (qsizetype at = 0; at < value.size(); at += MaxChunkBytes, ++parts) {
            SecretBackend::Answer a =
                m_backend->write(chunkKey(key, parts), value.mid(at, MaxChunkBytes));
            if (a.outcome != SecretBackend::Outcome::Ok)
                return a;
        }
        SecretBackend::Answer a = m_backend->write(key, ChunkMarker + QByteArray::number(parts));
        if (a.outcome != SecretBackend::Outcome::Ok)
            return a;
    }
    for (int n = parts; n < before; ++n)
        m_backend->remove(chunkKey(key, n)); // parts of a longer earlier value
    return SecretBackend::Answer{SecretBackend::Outcome::Ok, {}, {}};
}

void TokenStore::removeValue(const QString &key)
{
    const int parts = storedChunks(key);
    const SecretBackend::Answer a = m_backend->remove(key);
    if (a.outcome == SecretBackend::Outcome::Unavailable) {
        markUnavailable(a.error);
        return;
    }
    for (int n = 0; n < parts; ++n)
        m_backend->remove(chunkKey(key, n));
}

TokenPair TokenStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_memory.constFind(key); it != m_memory.constEnd())
        return it.value();
    if (!useKeychain())
        return {};
    const SecretBackend::Answer a = readValue(key);
    if (a.outcome == SecretBackend::Outcome::Unavailable) {
        markUnavailable(a.error);
        return {};
    }
    if (a.outcome == SecretBackend::Outcome::NotFound)
        return {};
    const TokenPair tokens = decode(a.value);
    m_memory.insert(key, tokens);
    return tokens;
}

bool TokenStore::write(const QString &key, const TokenPair &tokens)
{
    {
        QMutexLocker lock(&m_mutex);
        m_memory.insert(key, tokens);
        if (!useKeychain())
            return false;
    }
    if (QThread::currentThread() != m_appThread->thread()) {
        QMetaObject::invokeMethod(
            m_appThread.get(),
            [this, key, tokens] {
                // Only if nothing newer came since: a later write is already on its way.
                {
                    QMutexLocker lock(&m_mutex);
                    if (m_memory.value(key) != tokens)
                        return;
                }
                writeToKeychain(key, tokens);
            },
            Qt::QueuedConnection);
        return true;
    }
    return writeToKeychain(key, tokens);
}

bool TokenStore::writeToKeychain(const QString &key, const TokenPair &tokens)
{
    QMutexLocker lock(&m_mutex);
    if (!useKeychain())
        return false;
    const SecretBackend::Answer a = writeValue(key, encode(tokens));
    if (a.outcome != SecretBackend::Outcome::Ok) {
        markUnavailable(a.error);
        // Whatever part did get written would be stale now.
        m_backend->remove(key);
        return false;
    }
    return true;
}

void TokenStore::remove(const QString &key)
{
    if (QThread::currentThread() != m_appThread->thread()) {
        // As write(): gone from memory now, from the keychain on the application's thread.
        {
            QMutexLocker lock(&m_mutex);
            m_memory.remove(key);
        }
        QMetaObject::invokeMethod(
            m_appThread.get(),
            [this, key] {
                QMutexLocker lock(&m_mutex);
                if (!m_memory.contains(key) && useKeychain())
                    removeValue(key);
            },
            Qt::QueuedConnection);
        return;
    }
    QMutexLocker lock(&m_mutex);
    m_memory.remove(key);
    if (useKeychain())
        removeValue(key);
}

bool TokenStore::inMemoryOnly() const
{
    QMutexLocker lock(&m_mutex);
    return m_unavailable;
}

QString TokenStore::notice() const
{
    if (!inMemoryOnly())
        return {};
    return tr("No system keychain is available, so your login is kept only while Jiliang "
              "runs; you will log in again at the next start. Nothing was written to disk.");
}

} // namespace jl::sync
