// The program's command line: every option, and clear errors for nonsense.
#include "app/commandline.h"

#include <QTest>

using jl::app::CommandLine;

class TestCommandLine final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void everyOption();
    void unknownLanguageRefused();
    void unknownOptionRefused();
    void screenshotSeenBeforeTheApplication();
};

static QStringList args(std::initializer_list<const char *> list)
{
    QStringList result{QStringLiteral("jiliang")};
    for (const char *a : list)
        result.append(QString::fromUtf8(a));
    return result;
}

void TestCommandLine::defaults()
{
    const auto o = CommandLine::parse(args({}));
    QVERIFY(o.error.isEmpty());
    QVERIFY(o.language.isEmpty());
    QVERIFY(o.dataDir.isEmpty());
    QVERIFY(!o.demo);
    QVERIFY(o.screenshotDir.isEmpty());
}

void TestCommandLine::everyOption()
{
    const auto o = CommandLine::parse(args(
        {"--lang", "zh_CN", "--data-dir", "/tmp/数据", "--demo", "--screenshot", "/tmp/shots"}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.language, QStringLiteral("zh_CN"));
    QCOMPARE(o.dataDir, QStringLiteral("/tmp/数据"));
    QVERIFY(o.demo);
    QCOMPARE(o.screenshotDir, QStringLiteral("/tmp/shots"));
    QCOMPARE(CommandLine::parse(args({"--lang", "en"})).language, QStringLiteral("en"));
}

void TestCommandLine::unknownLanguageRefused()
{
    const auto o = CommandLine::parse(args({"--lang", "fr"}));
    QVERIFY(!o.error.isEmpty());
    QVERIFY(o.error.contains(QStringLiteral("fr")));
}

void TestCommandLine::unknownOptionRefused()
{
    QVERIFY(!CommandLine::parse(args({"--nonsense"})).error.isEmpty());
    QVERIFY(!CommandLine::parse(args({"--data-dir"})).error.isEmpty()); // value missing
}

void TestCommandLine::screenshotSeenBeforeTheApplication()
{
    char program[] = "jiliang";
    char option[] = "--screenshot";
    char dir[] = "/tmp/x";
    char *with[] = {program, option, dir, nullptr};
    char *without[] = {program, nullptr};
    QVERIFY(CommandLine::wantsScreenshot(3, with));
    QVERIFY(!CommandLine::wantsScreenshot(1, without));
}

QTEST_MAIN(TestCommandLine)
#include "tst_commandline.moc"
