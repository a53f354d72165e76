#include "app/translations.h"

#include "models/common/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace jl::app {

Translations::Translations() = default;

Translations::~Translations()
{
    remove();
}

void Translations::remove()
{
    for (auto *translator : {m_app.get(), m_qt.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
    m_app.reset();
    m_qt.reset();
}

QString Translations::install(const QString &language)
{
    remove();
    QString chosen = language;
    if (chosen.isEmpty())
        chosen = QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                                  : QStringLiteral("en");
    if (chosen != QLatin1String("zh_CN")) {
        // English is the source language: nothing to load.
        if (!language.isEmpty())
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return chosen;
    }
    // Dates, numbers and the calendar popup in Chinese too.
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));

    m_app = std::make_unique<QTranslator>();
    if (m_app->load(QStringLiteral(":/i18n/jiliang_zh_CN.qm")))
        QCoreApplication::installTranslator(m_app.get());
    else
        qCWarning(models::lcApp) << "the zh_CN catalogue is missing from the program";

    m_qt = std::make_unique<QTranslator>();
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (m_qt->load(QStringLiteral("qtbase_zh_CN"), qtDir))
        QCoreApplication::installTranslator(m_qt.get());
    else
        qCWarning(models::lcApp) << "Qt's own zh_CN strings not found in" << qtDir;
    return chosen;
}

} // namespace jl::app
