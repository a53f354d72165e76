// The zh_CN catalogue reaches every kind of translation context at run time: classes with
// Q_DECLARE_TR_FUNCTIONS (short and qualified), QObject classes in namespaces, free
// functions with an explicit context, and Qt's own strings.
#include "app/translations.h"
#include "models/domain/instrument.h"
#include "models/domain/instrumentvalidator.h"
#include "models/reference/divisions.h"
#include "models/rules/warninglevel.h"
#include "models/rules/workcalendar.h"
#include "models/store/database.h"
#include "ui/common/divisionselector.h"

#include <QComboBox>
#include <QTemporaryDir>
#include <QTest>

using namespace jl;

class TestTranslations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void explicitContexts();
    void declaredTrFunctions();
    void qobjectInNamespace();
    void qtOwnStrings();
    void englishLeavesSourceStrings();

private:
    std::unique_ptr<app::Translations> m_translations;
};

void TestTranslations::initTestCase()
{
    m_translations = std::make_unique<app::Translations>();
    QCOMPARE(m_translations->install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
}

void TestTranslations::explicitContexts()
{
    QCOMPARE(models::displayName(models::InstrumentStatus::InUse), QStringLiteral("在用"));
    QCOMPARE(models::displayName(models::VerificationResult::Fail), QStringLiteral("不合格"));
    QCOMPARE(models::displayName(models::WarningLevel::Notice), QStringLiteral("提示"));
    QCOMPARE(models::displayName(models::WarningLevel::Warning), QStringLiteral("预警"));
    QCOMPARE(models::displayName(models::WarningLevel::Alert), QStringLiteral("警示"));
}

void TestTranslations::declaredTrFunctions()
{
    QCOMPARE(models::InstrumentValidator::fieldLabel(QStringLiteral("serialNo")),
             QStringLiteral("出厂编号"));
    // Database uses a short context, WorkCalendar a qualified one: both must load.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db"));
    {
        auto db = models::Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(
            db.value()->exec(QStringLiteral("test"), QStringLiteral("PRAGMA user_version = 99")));
    }
    auto refused = models::Database::open(path);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("计量")),
             qPrintable(refused.error().message));
    auto calendar = models::WorkCalendar::fromJson("not json");
    QVERIFY(!calendar.ok());
    QVERIFY2(!calendar.error().message.startsWith(QLatin1String("The ")),
             qPrintable(calendar.error().message));
}

void TestTranslations::qobjectInNamespace()
{
    const models::Divisions divisions = models::Divisions::bundled();
    ui::DivisionSelector selector(divisions);
    const auto combos = selector.findChildren<QComboBox *>();
    QVERIFY(!combos.isEmpty());
    for (QComboBox *combo : combos)
        QVERIFY2(!combo->itemText(0).contains(QLatin1String("select")),
                 qPrintable(combo->itemText(0)));
}

void TestTranslations::qtOwnStrings()
{
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
}

void TestTranslations::englishLeavesSourceStrings()
{
    app::Translations english;
    m_translations.reset();
    english.install(QStringLiteral("en"));
    QCOMPARE(models::displayName(models::WarningLevel::Alert), QStringLiteral("Alert"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
