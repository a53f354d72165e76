// docs/api/openapi.yaml describes exactly the routes jiliang-server registers: a route the
// document lacks, or a documented route the server does not have, fails this test.
#include "server/serverharness.h"

#include <QFile>
#include <QSet>

using namespace jl::servertest;

class TestServerOpenApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void documentMatchesRoutes();
};

namespace {

// "METHOD /path" for every operation under `paths:`. The document keeps one path per line at
// two spaces and one method per line at four, which this reads without a YAML library.
QSet<QString> documentedRoutes(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression pathLine(QStringLiteral("^  (/\\S*):\\s*$"));
    static const QRegularExpression methodLine(
        QStringLiteral("^    (get|put|post|delete|patch|head|options):"));
    QSet<QString> routes;
    bool inPaths = false;
    QString path;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line == QLatin1String("paths:")) {
            inPaths = true;
            continue;
        }
        if (!inPaths)
            continue;
        if (!line.isEmpty() && !line.at(0).isSpace() && !line.startsWith(u'#'))
            break; // the next top-level key
        if (const auto m = pathLine.match(line); m.hasMatch())
            path = m.captured(1);
        else if (const auto m2 = methodLine.match(line); m2.hasMatch() && !path.isEmpty())
            routes.insert(m2.captured(1).toUpper() + QLatin1Char(' ') + path);
    }
    return routes;
}

} // namespace

void TestServerOpenApi::documentMatchesRoutes()
{
    QVERIFY2(!serverBinary().isEmpty(), "JILIANG_SERVER_BIN is not set");
    QProcess p;
    p.start(serverBinary(), {QStringLiteral("--print-routes")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QSet<QString> registered;
    const QStringList lines =
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        registered.insert(line.trimmed());
    QVERIFY(registered.size() > 20);

    const QString file =
        QStringLiteral(QT_TESTCASE_SOURCEDIR) + QStringLiteral("/../docs/api/openapi.yaml");
    const QSet<QString> documented = documentedRoutes(file);
    QVERIFY2(!documented.isEmpty(), qPrintable(QStringLiteral("cannot read ") + file));

    QStringList undocumented = (registered - documented).values();
    QStringList missing = (documented - registered).values();
    undocumented.sort();
    missing.sort();
    QVERIFY2(undocumented.isEmpty(),
             qPrintable(QStringLiteral("routes missing from docs/api/openapi.yaml: ") +
                        undocumented.join(QLatin1String(", "))));
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("documented routes the server does not have: ") +
                        missing.join(QLatin1String(", "))));
}

QTEST_GUILESS_MAIN(TestServerOpenApi)
#include "tst_serveropenapi.moc"
