#include "models/common/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>
#include <memory>

namespace jl::models {

Q_LOGGING_CATEGORY(lcStore, "jl.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "jl.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIo, "jl.io", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "jl.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "jl.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "jl.app", QtInfoMsg)

namespace {

// The message handler is a plain function, so its state lives here; it is set up and torn
// down only by install/uninstall.
struct FileLog {
    QMutex mutex;
    QString dir;
    LogOptions options;
    std::unique_ptr<QFile> file;
    QtMessageHandler previous = nullptr;
};

FileLog &state()
{
    static FileLog log;
    return log;
}

QString pathFor(const FileLog &log, int index)
{
    const QString name = index == 0
                             ? log.options.baseName + QLatin1String(".log")
                             : QStringLiteral("%1.%2.log").arg(log.options.baseName).arg(index);
    return QDir(log.dir).filePath(name);
}

bool openLocked(FileLog &log)
{
    log.file = std::make_unique<QFile>(pathFor(log, 0));
    return log.file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void rotateLocked(FileLog &log)
{
    log.file.reset();
    QFile::remove(pathFor(log, log.options.keepFiles - 1));
    for (int i = log.options.keepFiles - 2; i >= 0; --i)
        QFile::rename(pathFor(log, i), pathFor(log, i + 1));
    openLocked(log);
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    FileLog &log = state();
    const QByteArray line =
        QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8() + ' ' + levelName(type) +
        ' ' + (context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
    {
        QMutexLocker lock(&log.mutex);
        if (log.file && log.file->isOpen()) {
            log.file->write(line);
            log.file->flush();
            if (log.file->size() > log.options.maxFileBytes)
                rotateLocked(log);
        }
    }
    if (log.options.alsoToStderr) {
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
}

} // namespace

bool installFileLogging(const QString &dir, const LogOptions &options)
{
    FileLog &log = state();
    {
        QMutexLocker lock(&log.mutex);
        log.dir = dir;
        log.options = options;
        log.options.keepFiles = qMax(1, options.keepFiles);
        if (!QDir().mkpath(dir) || !openLocked(log)) {
            log.file.reset();
            return false;
        }
    }
    log.previous = qInstallMessageHandler(handler);
    return true;
}

void uninstallFileLogging()
{
    FileLog &log = state();
    qInstallMessageHandler(log.previous);
    QMutexLocker lock(&log.mutex);
    log.file.reset();
    log.previous = nullptr;
}

} // namespace jl::models
