#pragma once

#include <QLoggingCategory>
#include <QString>

namespace jl::models {

// One category per module, so a support request can turn on exactly one
// (QT_LOGGING_RULES="jl.store.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcModels)
Q_DECLARE_LOGGING_CATEGORY(lcIo)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcApp)

struct LogOptions {
    qint64 maxFileBytes = 5 * 1024 * 1024;
    int keepFiles = 5;        // jiliang.log, jiliang.1.log … jiliang.4.log
    bool alsoToStderr = true; // what Qt would have printed anyway
    QString baseName = QStringLiteral("jiliang");
};

// Sends every qDebug/qInfo/qWarning/qCritical to `dir`/<baseName>.log, rotating at
// maxFileBytes. Returns false (and logs to stderr only) when the folder is not writable.
bool installFileLogging(const QString &dir, const LogOptions &options = {});
// Flushes and restores Qt's default handler (before exit, and between tests).
void uninstallFileLogging();

} // namespace jl::models
