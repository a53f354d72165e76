#include "app/screenshotrunner.h"

#include "app/appsession.h"
#include "ui/common/scripteddialogs.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/screenregistry.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSaveFile>
#include <QTemporaryDir>

namespace jl::app {

namespace {
// Layouts settle over a few passes (deferred layout requests, lazy model pages).
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}
} // namespace

models::Result<QStringList> ScreenshotRunner::run(const QString &outputDir)
{
    if (!QDir().mkpath(outputDir)) {
        return models::Error{
            tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(outputDir)), {}};
    }
    QTemporaryDir data;
    if (!data.isValid())
        return models::Error{tr("Could not create a temporary folder."), data.errorString()};
    // Nothing may wait for an answer in an unattended run.
    ui::ScriptedDialogs dialogs;
    auto session = AppSession::open({data.path(), true}, dialogs);
    if (!session)
        return session.error();

    ui::MainWindow &window = session.value()->window();
    window.resize(Size);
    window.show();
    settle();

    QStringList written;
    for (const ui::ScreenDescriptor &screen : session.value()->registry().screens()) {
        window.openScreen(screen.id);
        window.resize(Size);
        settle();
        QImage image = window.grab().toImage();
        if (image.size() != Size)
            image = image.scaled(Size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QString path = QDir(outputDir).filePath(screen.id + QStringLiteral(".png"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
            return models::Error{tr("Could not write %1: %2")
                                     .arg(QDir::toNativeSeparators(path), file.errorString()),
                                 {}};
        }
        written.append(path);
    }
    window.close();
    return written;
}

} // namespace jl::app
