// --screenshot: one 1280×800 PNG per registered screen, over demo data, without a display.
#include "app/appsession.h"
#include "app/screenshotrunner.h"
#include "ui/common/scripteddialogs.h"
#include "ui/mainwindow/screenregistry.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace jl;

class TestScreenshot final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void writesOnePngPerRegisteredScreen();
    void reportsAnUnwritableFolder();
};

void TestScreenshot::writesOnePngPerRegisteredScreen()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const auto written = app::ScreenshotRunner::run(out.path());
    QVERIFY2(written.ok(), qPrintable(written.error().message));

    // The registry decides what "every screen" is.
    QTemporaryDir data;
    ui::ScriptedDialogs dialogs;
    auto session = app::AppSession::open({data.path(), false}, dialogs);
    QVERIFY(session.ok());
    QSet<QString> expected;
    for (const ui::ScreenDescriptor &screen : session.value()->registry().screens())
        expected.insert(screen.id + QStringLiteral(".png"));
    QVERIFY(expected.size() >= 3);

    const QStringList files = QDir(out.path()).entryList({QStringLiteral("*.png")}, QDir::Files);
    QCOMPARE(QSet<QString>(files.cbegin(), files.cend()), expected);
    QCOMPARE(written->size(), expected.size());
    for (const QString &path : written.value()) {
        const QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), app::ScreenshotRunner::Size);
        // Something was drawn: not a single flat colour.
        const QImage small = image.scaled(32, 20);
        QSet<QRgb> colours;
        for (int y = 0; y < small.height(); ++y) {
            for (int x = 0; x < small.width(); ++x)
                colours.insert(small.pixel(x, y));
        }
        QVERIFY2(colours.size() > 4, qPrintable(QFileInfo(path).fileName()));
    }
}

void TestScreenshot::reportsAnUnwritableFolder()
{
    QTemporaryDir out;
    const QString file = QDir(out.path()).filePath(QStringLiteral("plain-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    // A file where the folder should be.
    const auto written = app::ScreenshotRunner::run(file);
    QVERIFY(!written.ok());
    QVERIFY(!written.error().message.isEmpty());
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
