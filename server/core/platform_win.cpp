#include "server/core/platform.h"

#include <QtGlobal>

#ifdef Q_OS_WIN

#include <QCoreApplication>
#include <QMetaObject>

#include <windows.h>

namespace jl::server {

namespace {

BOOL WINAPI onConsoleEvent(DWORD)
{
    QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                              Qt::QueuedConnection);
    return TRUE;
}

} // namespace

void quitOnTerminationSignals()
{
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

} // namespace jl::server

#endif
