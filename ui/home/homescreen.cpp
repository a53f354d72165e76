#include "ui/home/homescreen.h"

#include "models/rules/warninglevel.h"
#include "models/store/instrumentstore.h"
#include "ui/common/screencontext.h"
#include "ui/common/screenids.h"
#include "ui/home/statcard.h"
#include "ui/mainwindow/screenregistry.h"

#include <QApplication>
#include <QGridLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace jl::ui {

namespace {
QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    label->setFont(font);
    return label;
}
} // namespace

HomeScreen::HomeScreen(ScreenContext &context, QWidget *parent)
    : Screen(parent)
    , m_context(context)
{
    auto *column = new QVBoxLayout(this);
    column->setSpacing(12);

    column->addWidget(heading(tr("Overview"), this));
    auto *overview = new QGridLayout;
    const QString active = QLatin1String(ScreenIds::ActiveInstruments);
    m_active = addCard(tr("Active instruments"), {}, active, {{QStringLiteral("reset"), true}});
    m_history =
        addCard(tr("Instruments in history"), {}, QLatin1String(ScreenIds::HistoryInstruments),
                {{QStringLiteral("reset"), true}});
    overview->addWidget(m_active, 0, 0);
    overview->addWidget(m_history, 0, 1);
    overview->setColumnStretch(2, 1);
    column->addLayout(overview);

    column->addWidget(heading(tr("Verification warnings"), this));
    const models::WarningThresholds thresholds;
    auto *explanation =
        new QLabel(tr("Instruments in use whose certificate has expired or is about to: "
                      "alert when expired, failed or never verified; warning within %1 days; "
                      "notice within %2 days.")
                       .arg(thresholds.warningDays)
                       .arg(thresholds.noticeDays),
                   this);
    explanation->setWordWrap(true);
    column->addWidget(explanation);
    auto *warnings = new QGridLayout;
    using models::WarningLevel;
    const auto level = [&](WarningLevel l) {
        return addCard(models::displayName(l), models::colorName(l), active,
                       {{QStringLiteral("reset"), true},
                        {QStringLiteral("warningLevel"), models::wireName(l)}});
    };
    m_alert = level(WarningLevel::Alert);
    m_warning = level(WarningLevel::Warning);
    m_notice = level(WarningLevel::Notice);
    warnings->addWidget(m_alert, 0, 0);
    warnings->addWidget(m_warning, 0, 1);
    warnings->addWidget(m_notice, 0, 2);
    warnings->setColumnStretch(3, 1);
    column->addLayout(warnings);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    column->addWidget(m_error);
    column->addStretch(1);

    connect(&m_context, &ScreenContext::dataChanged, this, &HomeScreen::refresh);
    refresh();
}

void HomeScreen::registerScreen(ScreenRegistry &registry, ScreenContext &context)
{
    registry.add({QLatin1String(ScreenIds::Home),
                  {},
                  tr("Home"),
                  tr("The overview: how many instruments are active and in history, and how "
                     "many carry each warning. Click a number to open the list behind it."),
                  QApplication::style()->standardIcon(QStyle::SP_DirHomeIcon),
                  true,
                  [&context](QWidget *parent) {
                      return new HomeScreen(context, parent);
                  }});
}

StatCard *HomeScreen::addCard(const QString &caption, const QString &color, const QString &screenId,
                              const QVariantMap &arguments)
{
    auto *card = new StatCard(caption, color, this);
    card->setToolTip(tr("Open the list"));
    connect(card, &StatCard::clicked, this,
            [this, screenId, arguments] { m_context.openScreen(screenId, arguments); });
    return card;
}

void HomeScreen::refresh()
{
    const auto counts = m_context.instruments().countWarnings(models::shanghaiToday());
    const QList<StatCard *> cards{m_active, m_history, m_alert, m_warning, m_notice};
    if (!counts) {
        for (StatCard *card : cards)
            card->setUnavailable(counts.error().message);
        m_error->setText(counts.error().message);
        m_error->show();
        return;
    }
    m_error->hide();
    m_active->setValue(counts->active);
    m_history->setValue(counts->history);
    m_alert->setValue(counts->alert);
    m_warning->setValue(counts->warning);
    m_notice->setValue(counts->notice);
}

} // namespace jl::ui
