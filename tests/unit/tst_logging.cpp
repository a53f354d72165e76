// Per-module categories go to a log file under the data folder, rotated by size.
#include "models/common/logging.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jl::models;

class TestLogging final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesCategoryLines();
    void rotatesBySize();
    void unwritableFolderIsReported();
};

void TestLogging::writesCategoryLines()
{
    QTemporaryDir dir;
    QVERIFY(installFileLogging(dir.filePath(QStringLiteral("logs")), {.alsoToStderr = false}));
    qCWarning(lcStore) << "disk nearly full";
    qCInfo(lcUi) << "出厂编号 已保存";
    uninstallFileLogging();
    QFile f(dir.filePath(QStringLiteral("logs/jiliang.log")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("warning jl.store: disk nearly full")));
    QVERIFY(text.contains(QStringLiteral("info jl.ui: 出厂编号 已保存")));
}

void TestLogging::rotatesBySize()
{
    QTemporaryDir dir;
    LogOptions options;
    options.maxFileBytes = 2000;
    options.keepFiles = 3;
    options.alsoToStderr = false;
    QVERIFY(installFileLogging(dir.path(), options));
    for (int i = 0; i < 200; ++i)
        qCWarning(lcApp) << "line" << i << QString(40, QLatin1Char('x'));
    uninstallFileLogging();
    const QStringList files =
        QDir(dir.path()).entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("jiliang.1.log"), QStringLiteral("jiliang.2.log"),
                                 QStringLiteral("jiliang.log")}));
    for (const QString &name : files)
        QVERIFY(QFileInfo(dir.filePath(name)).size() <= options.maxFileBytes + 200);
    // The newest lines are in the current file.
    QFile current(dir.filePath(QStringLiteral("jiliang.log")));
    QVERIFY(current.open(QIODevice::ReadOnly));
    QVERIFY(current.readAll().contains("line 199"));
}

void TestLogging::unwritableFolderIsReported()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A folder that cannot exist, because a file holds its parent's name.
    QVERIFY(
        !installFileLogging(dir.filePath(QStringLiteral("file/logs")), {.alsoToStderr = false}));
    qCWarning(lcApp) << "still goes somewhere without crashing";
    uninstallFileLogging();
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
