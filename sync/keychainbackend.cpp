#include "sync/keychainbackend.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace jl::sync {

SecretBackend::~SecretBackend() = default;

namespace {

SecretBackend::Answer run(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    bool done = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&done, &loop] {
        done = true;
        loop.quit();
    });
    job.start();
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    SecretBackend::Answer answer;
    switch (job.error()) {
    case QKeychain::NoError:
        answer.outcome = SecretBackend::Outcome::Ok;
        break;
    case QKeychain::EntryNotFound:
        answer.outcome = SecretBackend::Outcome::NotFound;
        break;
    default:
        // OtherError (no session bus, no secret service, keyring locked), NoBackendAvailable,
        // AccessDenied…: all mean "no keychain for us now".
        answer.outcome = SecretBackend::Outcome::Unavailable;
        answer.error = job.errorString();
        break;
    }
    return answer;
}

} // namespace

KeychainBackend::KeychainBackend(QString service)
    : m_service(std::move(service))
{}

SecretBackend::Answer KeychainBackend::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    Answer answer = run(job);
    if (answer.outcome == Outcome::Ok)
        answer.value = job.binaryData();
    return answer;
}

SecretBackend::Answer KeychainBackend::write(const QString &key, const QByteArray &value)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setBinaryData(value);
    return run(job);
}

SecretBackend::Answer KeychainBackend::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    Answer answer = run(job);
    if (answer.outcome == Outcome::NotFound)
        answer.outcome = Outcome::Ok; // already gone is what we wanted
    return answer;
}

} // namespace jl::sync
